package org.scorefield.app.model;

import java.util.Optional;
import java.util.function.DoubleFunction;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.scorefield.app.jobs.Jobs;
import org.scorefield.app.jobs.Lane;
import org.scorefield.app.settings.CanvasTool;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.MeanShiftProbe;
import org.scorefield.core.flow.ExactPath;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.schedule.Schedule;

/**
 * The mean-shift view (docs/math.md §6.4): where its probe x_t is, whether it is shown, and a trained
 * model's x̂0 there. The oracle's reading is a loop over the data points, cheap enough for every frame:
 * {@link #recipe()} hands the frame a function of t over immutable inputs. The model's guess takes a
 * network call and runs on the quick lane whenever the probe, t or the model change; it arrives as
 * {@link #learnedProperty()}. Shown exactly while the Mean shift tool is chosen, so that a lesson
 * scene, which cannot choose a tool, switches it on by its setting. Lives on the FX thread.
 */
public final class MeanShiftState {

    /**
     * A model's guess at a probe.
     *
     * @param x  the probe, x
     * @param y  the probe, y
     * @param t  the time it was evaluated at
     * @param x0 the model's x̂0
     */
    public record Learned(double x, double y, double t, double[] x0) {
    }

    private static final String KEY = "mean shift";

    private final Jobs jobs;
    private final DataState data;
    private final TrainingState training;
    private final DoubleProperty time;
    private final IntegerProperty steps;
    private final Supplier<ExactPath> path;
    private final BooleanProperty on;
    private final DoubleProperty x;
    private final DoubleProperty y;
    private final ReadOnlyObjectWrapper<Learned> learned = new ReadOnlyObjectWrapper<>();

    MeanShiftState(SettingValues values, Jobs jobs, DataState data, TrainingState training, ViewState view,
                   IntegerProperty steps, Supplier<ExactPath> path) {
        this.jobs = jobs;
        this.data = data;
        this.training = training;
        this.time = view.timeProperty();
        this.steps = steps;
        this.path = path;
        on = values.flag(Settings.MEAN_SHIFT);
        x = values.number(Settings.MEAN_SHIFT_X);
        y = values.number(Settings.MEAN_SHIFT_Y);
        ObjectProperty<CanvasTool> tool = view.toolProperty();
        // the tool and the setting are one switch: a scene sets the one, a click on the chooser the other
        tool.addListener((obs, old, t) -> on.set(t == CanvasTool.MEAN_SHIFT));
        on.addListener((obs, old, shown) -> {
            if (shown) {
                tool.set(CanvasTool.MEAN_SHIFT);
            } else if (tool.get() == CanvasTool.MEAN_SHIFT) {
                tool.set(CanvasTool.LOOK);
            }
        });
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {on, x, y, time, data.dataProperty(),
            training.modelProperty()}) {
            o.addListener(obs -> refresh());
        }
    }

    /** Whether the mean-shift view is drawn (the Mean shift tool is chosen). */
    public BooleanProperty onProperty() {
        return on;
    }

    public DoubleProperty xProperty() {
        return x;
    }

    public DoubleProperty yProperty() {
        return y;
    }

    /** Puts the probe at (px, py) and shows it. */
    public void place(double px, double py) {
        x.set(Math.max(-8, Math.min(8, px)));
        y.set(Math.max(-8, Math.min(8, py)));
        on.set(true);
    }

    /** The model's x̂0 at the probe, the newest computed (null: no model, or not yet). */
    public ReadOnlyObjectProperty<Learned> learnedProperty() {
        return learned.getReadOnlyProperty();
    }

    /**
     * Why the view cannot be drawn now, as a sentence, or empty: no data, or a flow whose x₁ is not
     * Gaussian noise (the kernel is that noise's).
     */
    public Optional<String> problem() {
        if (data.data().points().size() == 0) {
            return Optional.of("Mean shift needs data points: draw some or choose a preset.");
        }
        if (!path.get().source().isGaussian()) {
            return Optional.of("Mean shift reads x\u209c = \u03b1x\u2080 + \u03c3\u03b5 with Gaussian \u03b5: "
                    + "the flow starts from " + path.get().source().displayName() + ", not N(0, I).");
        }
        return Optional.empty();
    }

    /**
     * The oracle's reading at any t over what is shown now, or null when the view is off or cannot be
     * drawn: a function of immutable inputs, safe on any thread.
     */
    public DoubleFunction<MeanShiftProbe> recipe() {
        if (!on.get() || problem().isPresent()) {
            return null;
        }
        PointSet points = data.data().points();
        Schedule schedule = path.get().schedule();
        double px = x.get();
        double py = y.get();
        int k = steps.get();
        return t -> MeanShiftProbe.of(points, schedule, px, py, t, k, null);
    }

    /**
     * The model whose guess is shown beside the oracle's: trained under the oracle's schedule, or read under it
     * as sampling reads it (docs/math.md §2.10).
     */
    private Optional<TrainedModel> comparable() {
        Schedule schedule = path.get().schedule();
        return training.model().filter(m -> m.flow().source().isGaussian()
                && (m.parameterization().schedule().equals(schedule) || DenoiserChoice.rereadable(m)));
    }

    /** Whether a model is trained but under another schedule (or from another source) than the oracle's. */
    public boolean modelNotComparable() {
        return training.model().isPresent() && comparable().isEmpty();
    }

    /** Asks for the model's guess at the probe and t now (dropped without a model or while off). */
    void refresh() {
        Optional<TrainedModel> model = comparable();
        if (!on.get() || model.isEmpty() || problem().isPresent()) {
            jobs.drop(KEY);
            learned.set(null);
            return;
        }
        Schedule schedule = path.get().schedule();
        double t = Math.max(schedule.tMin(), Math.min(schedule.tMax(), time.get()));
        double px = x.get();
        double py = y.get();
        TrainedModel m = model.get();
        jobs.<Learned>job(KEY, Lane.QUICK).quiet().start(job -> new Learned(px, py, t,
                org.scorefield.core.denoise.RescheduledDenoiser.of(m.denoiser(), schedule)
                        .denoise(new double[] {px, py}, t)), learned::set);
    }
}
