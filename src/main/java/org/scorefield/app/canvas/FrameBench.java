package org.scorefield.app.canvas;

import java.util.Arrays;
import java.util.Locale;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import org.scorefield.app.fx.HeadlessFx;
import org.scorefield.app.theme.Look;
import org.scorefield.app.canvas.WorldView;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.EmpiricalDenoiser;
import org.scorefield.core.field.ExactDensity;
import org.scorefield.core.field.FieldKind;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.ScalarGrid;
import org.scorefield.core.field.VectorGrid;
import org.scorefield.core.nn.Trainer;
import org.scorefield.core.nn.TrainingWorker;
import org.scorefield.core.schedule.ForwardNoising;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/**
 * The FX-thread cost of one explorer frame while a model trains: a 1200 × 800 canvas with 5,000
 * moons particles, a 32 × 32 arrow field and a 128 × 128 density heatmap, every frame at a new t.
 *
 * <p>What the app computes off the FX thread is computed before each frame's clock starts: the
 * particles {@code α x0 + σ ε}, and fresh {@link ScalarGrid}/{@link VectorGrid} instances copied
 * from exact densities and scores precomputed at a few times (so the heatmap image is rebuilt every
 * frame, as when t moves). Timed on the FX thread: {@link FramePainter#paint} alone, and paint
 * followed by {@code canvas.snapshot}, which makes the software renderer rasterise the frame.
 * Meanwhile a {@link TrainingWorker} trains on its worker thread, as in the app.
 *
 * <p>The snapshot also copies the rasterised frame back into an image, which a window on screen
 * does not do; the baseline, the same canvas with only its background and unit grid, read back
 * the same way, says how much of the frame time is that measurement's own cost.
 */
public final class FrameBench {

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 800;
    public static final int PARTICLES = 5000;
    public static final int ARROWS = 32;
    public static final int HEATMAP = 128;
    /** Distinct times the grids are precomputed at; frames cycle through them. */
    private static final int LEVELS = 8;

    /**
     * Medians and 95th percentile over the timed frames, in milliseconds.
     *
     * @param frames       timed frames (after the warm-up)
     * @param paintMs      median of {@code FramePainter.paint} alone
     * @param frameMs      median of paint + rasterisation
     * @param frameP95Ms   95th percentile of paint + rasterisation
     * @param baselineMs   median of the background and grid alone, painted and read back
     * @param trainedSteps training steps the session took meanwhile (shows it really ran)
     */
    public record Result(int frames, double paintMs, double frameMs, double frameP95Ms, double baselineMs,
            long trainedSteps) {
    }

    /** Frames of the empty baseline. */
    private static final int BASELINE_FRAMES = 20;

    private FrameBench() {
    }

    /**
     * Starts the headless toolkit if needed, then times {@code frames} frames after {@code warmup}
     * untimed ones while {@code trainer} trains on a session's worker thread.
     */
    public static Result run(Trainer trainer, int warmup, int frames) {
        if (warmup < 0 || frames < 1) {
            throw new IllegalArgumentException("need warmup ≥ 0 and frames ≥ 1");
        }
        HeadlessFx.start();
        Schedule vp = ScheduleKind.VP.createDefault();
        PointSet data = DatasetPreset.MOONS.sample(PARTICLES, 1);
        ForwardNoising noising = new ForwardNoising(data, 2);
        EmpiricalDenoiser oracle = new EmpiricalDenoiser(DatasetPreset.MOONS.sample(1000, 3), vp);
        GridSpec arrowGrid = GridSpec.square(4, ARROWS);
        GridSpec heatGrid = GridSpec.square(4, HEATMAP);
        double[] levels = new double[LEVELS];
        double[][] densities = new double[LEVELS][];
        double[][] scores = new double[LEVELS][];
        for (int k = 0; k < LEVELS; k++) {
            levels[k] = 0.05 + 0.9 * k / (LEVELS - 1);
            densities[k] = ExactDensity.logDensityGrid(data, vp, heatGrid, levels[k]).values();
            scores[k] = FieldKind.SCORE.evaluate(oracle, arrowGrid, levels[k]).values();
        }
        int[] labels = data.labels();

        Canvas canvas = HeadlessFx.call(() -> {
            Canvas c = new Canvas(WIDTH, HEIGHT);
            new Scene(new Group(c), WIDTH, HEIGHT);
            return c;
        });
        WritableImage target = HeadlessFx.call(() -> new WritableImage(WIDTH, HEIGHT));
        FramePainter painter = new FramePainter();
        double[] paintMs = new double[frames];
        double[] frameMs = new double[frames];
        double[] baselineMs = new double[BASELINE_FRAMES];
        long stepsBefore = trainer.steps();
        try (TrainingWorker session = new TrainingWorker(trainer, 100, update -> { })) {
            session.resume();
            for (int f = -warmup; f < frames; f++) {
                int k = Math.floorMod(f, LEVELS);
                // A t between the precomputed levels moves the particles every frame.
                double t = levels[k] + 0.01 * Math.floorMod(f, 3);
                CanvasFrame frame = CanvasFrame.points(noising.at(vp, t), labels)
                        .withHeatmap(new ScalarGrid(heatGrid, densities[k].clone()), HeatmapStyle.DENSITY)
                        .withArrows(new VectorGrid(arrowGrid, scores[k].clone()), 1)
                        .withTitle(String.format(Locale.ROOT, "forward noising  t = %.2f", t));
                double[] ms = time(painter, canvas, target, frame);
                if (f >= 0) {
                    paintMs[f] = ms[0];
                    frameMs[f] = ms[1];
                }
            }
            for (int f = 0; f < BASELINE_FRAMES; f++) {
                baselineMs[f] = time(painter, canvas, target, CanvasFrame.EMPTY)[1];
            }
        }
        // Read after close(), which joins the worker: its steps are visible here.
        long trained = trainer.steps() - stepsBefore;
        return new Result(frames, median(paintMs), median(frameMs), percentile(frameMs, 95), median(baselineMs),
                trained);
    }

    /** On the FX thread: {paint, paint + rasterisation} of one frame, in milliseconds. */
    private static double[] time(FramePainter painter, Canvas canvas, WritableImage target, CanvasFrame frame) {
        return HeadlessFx.call(() -> {
            long start = System.nanoTime();
            painter.paint(canvas.getGraphicsContext2D(), frame, WorldView.DEFAULT, Look.DEFAULT, WIDTH, HEIGHT);
            long painted = System.nanoTime();
            canvas.snapshot(null, target);
            long rasterised = System.nanoTime();
            return new double[] {(painted - start) / 1e6, (rasterised - start) / 1e6};
        });
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /** The nearest-rank p-th percentile. */
    static double percentile(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100 * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
    }
}
