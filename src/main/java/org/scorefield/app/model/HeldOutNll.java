package org.scorefield.app.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.scorefield.app.jobs.Jobs;
import org.scorefield.app.jobs.Lane;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.likelihood.HeldOutData;
import org.scorefield.core.likelihood.Likelihood;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.nn.TrainingWorker;

/**
 * The model's NLL on held-out data while it trains (docs/math.md §7.6): every {@value #EVERY} steps,
 * when training pauses and after a single step, the current model's mean −log p_0 over
 * {@link HeldOutData} is integrated on the compute lane ({@link HeldOutData#WHILE_TRAINING}: RK4 in
 * 12 steps uniform in λ, about half a second for 1,000 points on one core), one measurement at a
 * time; while training runs a measurement due while one runs is skipped, one due on a pause or a
 * step waits for it and then takes the newest model. The curve starts again at a reset.
 *
 * <p>A flow from another source than N(0, I) has no Gaussian prior to end the likelihood ODE in: its
 * curve stays empty and says why. Lives on the deliver thread of its jobs.
 */
public final class HeldOutNll {

    /** Training steps between two measurements while training runs. */
    public static final long EVERY = 250;

    /**
     * While training runs, a measurement waits at least this many times the previous one's duration
     * after it: the measurements take at most a sixth of a core, whatever the speed of training (at
     * 200 steps/s and 0.6 s per measurement, every 750 steps). With 3 instead of 5, training on this
     * shared two-core machine (load 6–8) slowed by 6–36 % in alternated runs; with 5, by 0–9 %.
     */
    static final double REST = 5;

    /**
     * One measurement.
     *
     * @param step          the training steps of the model measured
     * @param nll           its mean −log p_0 over the points, in nats
     * @param standardError the standard error of that mean
     * @param seconds       how long the integration took
     */
    public record Point(long step, double nll, double standardError, double seconds) {
    }

    /**
     * The measurements of the current run.
     *
     * @param points      oldest first, one per measurement
     * @param exactNll    the data's exact NLL on the same points, NaN where unknown
     * @param heldOut     whether the points are fresh draws (false: the drawn points themselves)
     * @param size        how many points
     * @param unavailable why there is no NLL for this model, a few words for the status bar, or empty
     */
    public record Curve(List<Point> points, double exactNll, boolean heldOut, int size, String unavailable) {

        static final Curve EMPTY = new Curve(List.of(), Double.NaN, true, 0, "");

        /** The newest measurement, or null. */
        public Point latest() {
            return points.isEmpty() ? null : points.get(points.size() - 1);
        }

        Curve with(Point p, HeldOutData data) {
            List<Point> more = new ArrayList<>(points);
            more.add(p);
            return new Curve(List.copyOf(more), data.exactNll(), data.heldOut(), data.size(), "");
        }
    }

    private static final String KEY = "held-out nll";

    private final Jobs jobs;
    private final TrainingState training;
    private final ReadOnlyObjectWrapper<Curve> curve = new ReadOnlyObjectWrapper<>(Curve.EMPTY);
    private boolean running;
    private boolean pending;
    private long lastMeasured = -1;
    private long lastFinished;
    private double lastSeconds;
    /** The held-out points of the last data measured on, made on the compute lane and kept. */
    private volatile Held held;

    private record Held(DataDistribution data, HeldOutData points) {
    }

    /** What a measurement hands over: the points it used and its figure. */
    private record Measured(HeldOutData data, Point point) {
    }

    HeldOutNll(Jobs jobs, TrainingState training) {
        this.jobs = jobs;
        this.training = training;
        training.stepsProperty().addListener((obs, old, now) -> {
            long before = old.longValue();
            long steps = now.longValue();
            if (steps == 0) {
                clear();
            } else if (training.stateProperty().get() != TrainingWorker.State.RUNNING) {
                measure(true); // a Step press, or a model restored: the figure is of the model on screen
            } else if (before == 0 || before / EVERY != steps / EVERY && rested()) {
                measure(false);
            }
        });
        training.stateProperty().addListener((obs, old, state) -> {
            if (state == TrainingWorker.State.PAUSED) {
                measure(true); // the model as it stopped, so that the status bar is of the model on screen
            }
        });
        training.onReset(this::clear);
    }

    /** The NLL curve of the current run. */
    public ReadOnlyObjectProperty<Curve> curveProperty() {
        return curve.getReadOnlyProperty();
    }

    /** Whether a measurement is being integrated. */
    public boolean running() {
        return running;
    }

    /** Whether the last measurement is far enough behind for another while training runs ({@link #REST}). */
    private boolean rested() {
        return System.nanoTime() - lastFinished >= REST * lastSeconds * 1e9;
    }

    private void clear() {
        jobs.drop(KEY);
        running = false;
        pending = false;
        lastMeasured = -1;
        lastFinished = 0;
        lastSeconds = 0;
        curve.set(Curve.EMPTY);
    }

    /**
     * Measures the current model now; while a measurement runs, skips it, or with {@code surely}
     * measures the newest model once that one is done.
     */
    void measure(boolean surely) {
        TrainedModel model = training.model().orElse(null);
        if (model == null || model.steps() == lastMeasured) {
            return;
        }
        if (running) {
            pending = pending || surely;
            return;
        }
        if (!model.flow().source().isGaussian()) {
            // the likelihood ODE ends in the N(0, I) prior: a flow from elsewhere has no density there
            curve.set(new Curve(List.of(), Double.NaN, true, 0, "source not N(0, I)"));
            return;
        }
        DataDistribution data = training.runInputs().map(i -> i.data().distribution())
                .orElse(null);
        if (data == null) {
            return;
        }
        running = true;
        pending = false;
        lastMeasured = model.steps();
        jobs.<Measured>job(KEY, Lane.COMPUTE).quiet()
                .onFailure(why -> {
                    running = false;
                    curve.set(new Curve(curve.get().points(), curve.get().exactNll(), curve.get().heldOut(),
                            curve.get().size(), "failed"));
                })
                .onCancelled(() -> running = false)
                .start(job -> {
                    HeldOutData points = heldOut(data);
                    long start = System.nanoTime();
                    Likelihood.Result r = Likelihood.logDensity(model.denoiser(), points.points(),
                            HeldOutData.WHILE_TRAINING, (step, t, x, logDet) -> {
                                if (job.cancelled()) {
                                    throw new CancellationException();
                                }
                            });
                    double seconds = (System.nanoTime() - start) / 1e9;
                    return new Measured(points, new Point(model.steps(), r.nll(), r.nllStandardError(), seconds));
                }, result -> {
                    running = false;
                    lastFinished = System.nanoTime();
                    // the first measurement of a run pays for warming up (seconds): it sets no rest
                    lastSeconds = curve.get().points().isEmpty() ? 0 : result.point().seconds();
                    curve.set(curve.get().with(result.point(), result.data()));
                    if (pending) {
                        measure(true);
                    }
                });
    }

    /** The held-out points of this data: drawn once per data, on the compute lane. */
    private HeldOutData heldOut(DataDistribution data) {
        Held h = held;
        if (h == null || !h.data().equals(data)) {
            h = new Held(data, HeldOutData.of(data, HeldOutData.DEFAULT_POINTS));
            held = h;
        }
        return h.points();
    }
}
