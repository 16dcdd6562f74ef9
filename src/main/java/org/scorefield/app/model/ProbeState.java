package org.scorefield.app.model;

import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.scorefield.app.jobs.Jobs;
import org.scorefield.app.jobs.Lane;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.flow.ConditionalVelocity;
import org.scorefield.core.flow.ExactPath;
import org.scorefield.core.flow.FlowOracle;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.flow.VelocityProbe;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.nn.TrainedModel;

/**
 * The velocity probe (docs/math.md §8.2): where the user clicked with the Velocity tool, and what
 * flow matching looks like there at the current t: the conditional targets and the marginal
 * velocity of the data with the source of the exact path (a source known by points smoothed as the
 * flow oracle smooths it), and a flow-matching model's velocity. Recomputed on the quick lane when
 * the point, t, the data, the model or the path change. Lives on the FX thread.
 */
public final class ProbeState {

    /** Conditional targets drawn by the probe: the likeliest pairs. */
    public static final int PROBE_TARGETS = 150;
    private static final String KEY = "probe";

    private final Jobs jobs;
    private final DataState data;
    private final TrainingState training;
    private final DoubleProperty time;
    private final Supplier<ExactPath> path;
    private final ObjectProperty<double[]> point = new SimpleObjectProperty<>();
    private final javafx.beans.property.IntegerProperty pane = new javafx.beans.property.SimpleIntegerProperty();
    private final ReadOnlyObjectWrapper<VelocityProbe> probe = new ReadOnlyObjectWrapper<>();

    /** @param path the path the canvas follows now; call {@link #refresh()} when it changes */
    ProbeState(Jobs jobs, DataState data, TrainingState training, DoubleProperty time, Supplier<ExactPath> path) {
        this.jobs = jobs;
        this.data = data;
        this.training = training;
        this.time = time;
        this.path = path;
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {point, time, data.dataProperty(),
                training.modelProperty()}) {
            o.addListener(obs -> refresh());
        }
    }

    /** Where the probe is (null: none). */
    public ObjectProperty<double[]> pointProperty() {
        return point;
    }

    /**
     * The pane the probe was made in (0: the single canvas or the left pane of a split): a probe
     * belongs to the canvas the user clicked, not to every pane of the view.
     */
    public javafx.beans.property.IntegerProperty paneProperty() {
        return pane;
    }

    /** Puts the probe at a point of a pane (see {@link #paneProperty()}). */
    public void place(double x, double y, int inPane) {
        pane.set(inPane);
        point.set(new double[] {x, y});
    }

    /** What the probe shows at its point and the current t, or null. */
    public ReadOnlyObjectProperty<VelocityProbe> probeProperty() {
        return probe.getReadOnlyProperty();
    }

    /** Computes the probe again for what is shown now. */
    void refresh() {
        double[] at = point.get();
        if (at == null || data.data().points().size() == 0) {
            jobs.drop(KEY);
            probe.set(null);
            return;
        }
        DataState.Data d = data.data();
        PointSet points = d.points();
        FlowSource source = path.get().source();
        double t = time.get();
        TrainedModel learned = training.model()
                .filter(m -> m.parameterization().objective() == Objective.FLOW_MATCHING).orElse(null);
        jobs.submit(KEY, Lane.QUICK, job -> {
            ConditionalVelocity v = source.isGaussian() ? ConditionalVelocity.at(points, at[0], at[1], t)
                    : ConditionalVelocity.at(points, FlowOracle.of(d.mixture(), points, source)::sourceLogDensity,
                            at[0], at[1], t);
            double[] u = learned == null ? null : learned.denoiser().velocity(new double[] {at[0], at[1]}, v.t());
            return VelocityProbe.of(v, at[0], at[1], PROBE_TARGETS, u);
        }, probe::set);
    }
}
