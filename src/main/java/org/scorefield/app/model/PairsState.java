package org.scorefield.app.model;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.scorefield.app.jobs.Jobs;
import org.scorefield.app.jobs.Lane;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.flow.Coupling;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.sample.Trajectories;

/**
 * The training pairs of one batch under the chosen coupling (docs/math.md §8.4), drawn as the
 * straight paths {@code x_t = (1 − t)·x0 + t·x1} they train on, while Show pairs is on: one
 * coupling chunk of the data paired with the training source, seeded by the sampling seed.
 * Recomputed on the quick lane when any of these change. Lives on the FX thread.
 */
public final class PairsState {

    private static final String KEY = "pairs";

    private final Jobs jobs;
    private final DataState data;
    private final TrainingState training;
    private final LongProperty seed;
    private final BooleanProperty shown;
    private final ReadOnlyObjectWrapper<Trajectories> pairs = new ReadOnlyObjectWrapper<>();

    /**
     * @param seed  the sampling seed
     * @param shown whether the pairs are drawn
     */
    PairsState(Jobs jobs, DataState data, TrainingState training, LongProperty seed, BooleanProperty shown) {
        this.jobs = jobs;
        this.data = data;
        this.training = training;
        this.seed = seed;
        this.shown = shown;
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {shown, data.dataProperty(),
                training.sourceProperty(), training.couplingProperty(), training.sinkhornEpsilonProperty(), seed}) {
            o.addListener(obs -> refresh());
        }
    }

    /** The batch of pairs while they are shown, or null. */
    public ReadOnlyObjectProperty<Trajectories> pairsProperty() {
        return pairs.getReadOnlyProperty();
    }

    private void refresh() {
        if (!shown.get() || data.data().points().size() == 0) {
            jobs.drop(KEY);
            pairs.set(null);
            return;
        }
        Coupling coupling = new Coupling(training.couplingProperty().get(), training.sinkhornEpsilonProperty().get());
        FlowSource source = training.sourceProperty().get().source();
        DataDistribution distribution = data.data().distribution();
        long s = seed.get();
        jobs.submit(KEY, Lane.QUICK, job -> coupling.batch(distribution, source, Coupling.CHUNK, s), pairs::set);
    }
}
