package org.scorefield.app.export;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.scorefield.app.fx.HeadlessFx;
import org.scorefield.app.theme.Look;
import org.scorefield.app.canvas.WorldView;
import org.scorefield.app.canvas.CanvasFrame;
import org.scorefield.app.canvas.FramePainter;
import org.scorefield.app.canvas.PanelGrid;
import org.scorefield.app.canvas.TrajectoryRole;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.flow.Reflow;
import org.scorefield.core.nn.TrainingSnapshots;
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

    /**
     * The canvas at a time t, and what its caption says. An export asks for several frames at once, from
     * different threads: implementations hold immutable data, or guard what they compute once.
     */
    public interface Content {
        CanvasFrame at(double t);

        /** The caption of the overlay, without t. */
        String title();

        /** Where t starts (it ends at the other end of [0, 1]). */
        double startTime();

        /** What the overlay says after the title at t: "t = 0.42". */
        default String label(double t) {
            return String.format(Locale.ROOT, "t = %.2f", t);
        }

        /** The panels, left to right and top to bottom: this one alone unless it is {@link Panels}. */
        default List<Content> parts() {
            return List.of(this);
        }
    }

    /**
     * Several canvases driven by one t, laid out in the grid of the largest square cells, as the
     * window lays out its split and Reflow views ({@link PanelGrid}).
     */
    public record Panels(List<Content> parts, int columns) implements Content {
        /**
         * @param columns how many side by side, or 0 for the grid of the largest square cells
         */
        public Panels {
            InvalidInputException.require(!parts.isEmpty(), "An animation needs at least one panel.");
            parts = List.copyOf(parts);
        }

        /** Panels in the grid of the largest square cells (the window's Reflow rounds). */
        public Panels(List<Content> parts) {
            this(parts, 0);
        }

        @Override
        public CanvasFrame at(double t) {
            return parts.get(0).at(t);
        }

        @Override
        public String title() {
            return parts.get(0).title();
        }

        @Override
        public double startTime() {
            return parts.get(0).startTime();
        }
    }

    /** A content whose frame at t is {@code frameAt}'s, under an overlay of this title. */
    public static Content sweep(java.util.function.DoubleFunction<CanvasFrame> frameAt, String title,
                                double startTime) {
        return new Sweep(frameAt, title, startTime);
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

    /** The frame painted at time t, with the overlay when on (the first panel's, when there are several). */
    public CanvasFrame frame(double t) {
        return frames(t).get(0);
    }

    /** Every panel's frame at time t, with its overlay when on. */
    public List<CanvasFrame> frames(double t) {
        List<CanvasFrame> out = new ArrayList<>();
        for (Content part : frames.parts()) {
            CanvasFrame f = part.at(t);
            // the overlay's line, then what the frame's own title says (the canvas's notes); no title without it
            String line = part.title().isEmpty() ? part.label(t) : part.title() + "  ·  " + part.label(t);
            out.add(f.withTitle(!overlay ? null : f.title() == null ? line : line + "\n" + f.title()));
        }
        return out;
    }

    /**
     * The PF-ODE beside the reverse SDE from the same start, over the same data layer (or none).
     *
     * @param ode    the PF-ODE run's paths, its title and NFE
     * @param sde    the SDE run's
     */
    public static Content split(Trajectories ode, String odeTitle, long odeNfe, Trajectories sde, String sdeTitle,
                                long sdeNfe, int drawn, ForwardNoising data, int[] labels, Schedule schedule) {
        // side by side whatever the shape, as the window's split view
        return new Panels(List.of(
                sampling(ode, drawn, TrajectoryRole.ODE, odeTitle, odeNfe, data, labels, schedule),
                sampling(sde, drawn, TrajectoryRole.SDE, sdeTitle, sdeNfe, data, labels, schedule)), 2);
    }

    /** The Reflow rounds side by side: each round's paths from the same sources, over the clean data (or none). */
    public static Content reflow(List<Reflow.Round> rounds, int drawn, PointSet data) {
        CanvasFrame under = data == null ? CanvasFrame.EMPTY : CanvasFrame.points(data.xy(), data.labels());
        List<Content> parts = new ArrayList<>();
        for (Reflow.Round round : rounds) {
            parts.add(new Sweep(t -> under.withTrajectories(round.paths(), t, drawn, TrajectoryRole.ODE),
                    round.metrics().caption(), 1));
        }
        return new Panels(parts);
    }

    /**
     * A content made when its first frame is asked for, on the thread that asks (the export's):
     * for work too long for the FX thread, such as training a model again for its animation.
     *
     * The work runs once: the export's painters wait for it, and when it fails every later frame
     * fails with the same exception instead of starting the work again.
     *
     * @param title      the caption, known before the work
     * @param startTime  where t starts
     */
    public static Content later(java.util.function.Supplier<Content> make, String title, double startTime) {
        return new Content() {
            private Content made;
            /** The work's failure: a RuntimeException or an Error (an OutOfMemoryError while retraining). */
            private Throwable failed;

            private synchronized Content made() {
                if (failed instanceof RuntimeException e) {
                    throw e;
                }
                if (failed instanceof Error e) {
                    throw e;
                }
                if (made == null) {
                    try {
                        made = make.get();
                    } catch (RuntimeException | Error e) {
                        failed = e;
                        throw e;
                    }
                }
                return made;
            }

            @Override
            public CanvasFrame at(double t) {
                return made().at(t);
            }

            @Override
            public String title() {
                return title;
            }

            @Override
            public double startTime() {
                return startTime;
            }

            @Override
            public String label(double t) {
                return made().label(t);
            }
        };
    }

    /**
     * A model as it trains: at progress u in [0, 1] the samples of the snapshot closest to u (all
     * sampled from the same noise), over the clean data.
     *
     * @param snapshots in order of their steps; at least one
     */
    public static Content training(List<TrainingSnapshots.Snapshot> snapshots, PointSet data, String title) {
        InvalidInputException.require(!snapshots.isEmpty(), "A training animation needs at least one snapshot.");
        CanvasFrame under = data == null ? CanvasFrame.EMPTY : CanvasFrame.points(data.xy(), data.labels());
        java.util.function.DoubleFunction<TrainingSnapshots.Snapshot> at = u ->
                snapshots.get((int) Math.round(Math.max(0, Math.min(1, u)) * (snapshots.size() - 1)));
        return new Content() {
            @Override
            public CanvasFrame at(double u) {
                return under.withTrajectories(at.apply(u).samples(), 0, 0, TrajectoryRole.ODE);
            }

            @Override
            public String title() {
                return title;
            }

            @Override
            public double startTime() {
                return 0;
            }

            @Override
            public String label(double u) {
                TrainingSnapshots.Snapshot s = at.apply(u);
                return String.format(Locale.ROOT, "step %,d  ·  loss %.3f", s.step(), s.loss());
            }
        };
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
     * frame to the next). Call {@link HeadlessFx#start()} first in a process without a window. Not
     * thread-safe (it reuses one canvas and image): {@link AnimationWriter} gives each of its painting
     * threads a painter of its own, and the frames' data ({@link Content#at}) is computed on those threads.
     */
    public static final class Painter {
        private final Animation animation;
        private final FramePainter painter = new FramePainter();
        private final List<FramePainter> painters = new ArrayList<>();
        private Canvas canvas;
        private WritableImage target;

        public Painter(Animation animation) {
            this.animation = animation;
        }

        /** Frame i as an RGB image. */
        public BufferedImage frame(int i) {
            List<CanvasFrame> panels = animation.frames(animation.time(i));
            int w = animation.width();
            int h = animation.height();
            WritableImage image = HeadlessFx.call(() -> {
                if (canvas == null) {
                    canvas = new Canvas(w, h);
                    target = new WritableImage(w, h);
                }
                var gc = canvas.getGraphicsContext2D();
                if (panels.size() == 1) {
                    painter.paint(gc, panels.get(0), WorldView.DEFAULT, animation.look(), w, h);
                } else {
                    // the grid of the window's split and rounds views; cells of whole pixels, the
                    // background behind the leftover pixels
                    int columns = animation.frames() instanceof Panels p && p.columns() > 0 ? p.columns()
                            : PanelGrid.columnsFor(panels.size(), w, h);
                    int rows = (panels.size() + columns - 1) / columns;
                    int cw = w / columns;
                    int ch = h / rows;
                    gc.setFill(animation.look().palette().background());
                    gc.fillRect(0, 0, w, h);
                    while (painters.size() < panels.size()) {
                        painters.add(new FramePainter());
                    }
                    for (int k = 0; k < panels.size(); k++) {
                        gc.save();
                        gc.translate((k % columns) * cw, (k / columns) * ch);
                        gc.beginPath();
                        gc.rect(0, 0, cw, ch);
                        gc.clip();
                        painters.get(k).paint(gc, panels.get(k), WorldView.DEFAULT, animation.look(), cw, ch);
                        gc.restore();
                    }
                    // a hairline between the panels, as the window's split view has
                    gc.setStroke(animation.look().palette().axis());
                    gc.setLineWidth(1);
                    for (int c = 1; c < columns; c++) {
                        gc.strokeLine(c * cw + 0.5, 0, c * cw + 0.5, rows * ch);
                    }
                    for (int r = 1; r < rows; r++) {
                        gc.strokeLine(0, r * ch + 0.5, columns * cw, r * ch + 0.5);
                    }
                }
                return canvas.snapshot(null, target);
            });
            // the pixels straight into the image's array: SwingFXUtils.fromFXImage first reads every pixel
            // once more through PixelReader.getArgb to see whether the image is opaque, which took most of a
            // frame's time here (the snapshot is opaque: the painter fills the background)
            BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            int[] pixels = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
            image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), pixels, 0, w);
            return rgb;
        }
    }
}
