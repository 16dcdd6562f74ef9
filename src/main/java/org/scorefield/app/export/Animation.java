package org.scorefield.app.export;

import java.awt.image.BufferedImage;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import org.scorefield.app.HeadlessFx;
import org.scorefield.app.Look;
import org.scorefield.app.WorldView;
import org.scorefield.app.canvas.CanvasFrame;
import org.scorefield.app.canvas.FramePainter;
import org.scorefield.app.canvas.TrajectoryRole;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.sample.Trajectories;
import org.scorefield.core.schedule.ForwardNoising;
import org.scorefield.core.schedule.Schedule;

/**
 * An animation of the canvas, frame by frame from the model's state (never a screen capture):
 * the forward-noising sweep (the data noised from t = 0 to 1, each point keeping its ε) or sampling
 * (the trajectories drawn up to t as t runs from 1 to 0). Each frame is a {@link CanvasFrame}
 * painted by the same {@link FramePainter} as the window, so an exported frame is the on-screen
 * frame at that t and size. Everything is a function of its inputs: the same seeds give the same
 * file.
 *
 * @param frames    what moves: the canvas at each t: {@link #frame(double)}
 * @param width     pixels
 * @param height    pixels
 * @param fps       frames per second
 * @param seconds   duration, hold frames included
 * @param hold      seconds the first and the last frame are held
 * @param overlay   draw the title, t and NFE
 * @param look      theme and presenter scale
 */
public record Animation(Content frames, int width, int height, double fps, double seconds, double hold,
                        boolean overlay, Look look) {

    /** What moves: the choices of the window and of {@code render --what}. */
    public enum What { NOISING, SAMPLING }

    /** The canvas at a time t, and what its caption says. */
    public interface Content {
        CanvasFrame at(double t);

        /** The caption of the overlay, without t. */
        String title();

        /** Where t starts (it ends at the other end of [0, 1]). */
        double startTime();
    }

    /** A content from its parts. */
    private record Sweep(java.util.function.DoubleFunction<CanvasFrame> frameAt, String title, double startTime)
            implements Content {
        @Override
        public CanvasFrame at(double t) {
            return frameAt.apply(t);
        }
    }

    public Animation {
        InvalidInputException.require(seconds > 0 && seconds <= 600, "The duration must lie in (0, 600] s, got "
                + seconds + ".");
        InvalidInputException.require(hold >= 0 && 2 * hold < seconds, "The hold at each end (" + hold
                + " s) must leave time for the motion within " + seconds + " s.");
    }

    /** The frames in the file: duration × fps. */
    public int frameCount() {
        return Math.max(2, (int) Math.round(seconds * fps));
    }

    /** The t of frame i: held at the start, then linear, then held at the end. */
    public double time(int i) {
        int total = frameCount();
        int held = (int) Math.round(hold * fps);
        int moving = Math.max(2, total - 2 * held);
        double u = Math.min(1, Math.max(0, (i - held) / (double) (moving - 1)));
        double start = frames.startTime();
        return start + (1 - 2 * start) * u;
    }

    /** The frame painted at time t, with the overlay when on. */
    public CanvasFrame frame(double t) {
        CanvasFrame f = frames.at(t);
        return overlay ? f.withTitle(frames.title() + "  ·  " + String.format(Locale.ROOT, "t = %.2f", t)) : f;
    }

    /** The noising sweep of a point set under a schedule, each point with its own fixed ε from the seed. */
    public static Content noising(PointSet data, Schedule schedule, long seed) {
        return noising(new ForwardNoising(data, seed), data.labels(), schedule);
    }

    /** The noising sweep with given noise (the window's own, so the file shows the dots on screen). */
    public static Content noising(ForwardNoising noising, int[] labels, Schedule schedule) {
        String title = "forward noising  ·  x_t = α(t)·x₀ + σ(t)·ε  ·  " + schedule.kind().id();
        return new Sweep(t -> CanvasFrame.points(noising.at(schedule, t), labels), title, 0);
    }

    /**
     * Sampling as the window's canvas shows it: the data layer noised to t (when given) under the
     * trajectories drawn up to t.
     */
    public static Content sampling(Trajectories paths, int drawn, TrajectoryRole role, String title, long nfe,
                                   ForwardNoising data, int[] labels, Schedule schedule) {
        return new Sweep(t -> (data == null ? CanvasFrame.EMPTY : CanvasFrame.points(data.at(schedule, t), labels))
                .withTrajectories(paths, t, drawn, role), title + "  ·  NFE " + nfe, 1);
    }

    /** Sampling trajectories drawn up to t over a fixed point set (the clean data, or null for none). */
    public static Content sampling(Trajectories paths, int drawn, TrajectoryRole role, String title, long nfe,
                                   PointSet data) {
        CanvasFrame under = data == null ? CanvasFrame.EMPTY : CanvasFrame.points(data.xy(), data.labels());
        return new Sweep(t -> under.withTrajectories(paths, t, drawn, role), title + "  ·  NFE " + nfe, 1);
    }

    /**
     * Paints frames on the FX thread, each into a fresh image (the painter keeps its caches from one
     * frame to the next). Call {@link HeadlessFx#start()} first in a process without a window.
     */
    public static final class Painter {
        private final Animation animation;
        private final FramePainter painter = new FramePainter();
        private Canvas canvas;
        private WritableImage target;

        public Painter(Animation animation) {
            this.animation = animation;
        }

        /** Frame i as an RGB image. */
        public BufferedImage frame(int i) {
            CanvasFrame f = animation.frame(animation.time(i));
            WritableImage image = HeadlessFx.call(() -> {
                if (canvas == null) {
                    canvas = new Canvas(animation.width(), animation.height());
                    target = new WritableImage(animation.width(), animation.height());
                }
                painter.paint(canvas.getGraphicsContext2D(), f, WorldView.DEFAULT, animation.look(),
                        animation.width(), animation.height());
                return canvas.snapshot(null, target);
            });
            BufferedImage rgb = new BufferedImage(animation.width(), animation.height(), BufferedImage.TYPE_INT_RGB);
            return SwingFXUtils.fromFXImage(image, rgb);
        }
    }
}
