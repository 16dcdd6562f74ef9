package org.scorefield.app.frame;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.scorefield.app.canvas.CanvasFrame;
import org.scorefield.app.canvas.HeatmapStyle;
import org.scorefield.app.canvas.TrajectoryRole;
import org.scorefield.app.model.CompareState;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.model.FieldLayers;
import org.scorefield.app.model.GuidanceChoice;
import org.scorefield.app.model.GuidanceSplit;
import org.scorefield.app.model.SamplingState;
import org.scorefield.app.model.TrainingState;
import org.scorefield.app.model.ViewState;
import org.scorefield.app.settings.CanvasTool;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.field.ScalarGrid;
import org.scorefield.core.flow.ExactPath;
import org.scorefield.core.flow.Reflow;
import org.scorefield.core.flow.VelocityProbe;
import org.scorefield.core.field.ContinuityCells;
import org.scorefield.core.sample.Trajectories;
import org.scorefield.core.schedule.ForwardNoising;
import org.scorefield.core.schedule.Schedule;

/**
 * The window's state as the frames of its canvases: one set of rules for the screen and for every
 * export of it (the figure, the sampling, ODE vs SDE and Reflow animations), so that a file shows
 * what the screen shows. A {@link Scene} is captured on the FX thread from immutable parts, and
 * draws its panes at any t on any thread: the screen at the scrubber's t with the layers computed
 * for it, an export at each frame's t with the layers computed for that t.
 */
public final class FrameComposer {

    /**
     * The SDE pane of a flow whose x₁ is not N(0, I) noise independent of x₀ (another source, or
     * coupled pairs): only its ODE has the flow's marginals. Short phrases, so that it keeps the
     * title's size in a narrow pane.
     */
    public static final String NO_SDE = "No reverse SDE:  x\u2081 is not  Gaussian noise";

    /**
     * One pane at one t: its frame without a title, and its title's lines below the first.
     *
     * @param frame what the canvas draws
     * @param notes what the layers and the tools say (the field's caption, the probe's legend)
     */
    public record Frame(CanvasFrame frame, List<String> notes) {
    }

    /**
     * One canvas of a view, drawn at any t.
     *
     * @param runTitle what its paths are (a run, the training pairs, a Reflow round), or null
     * @param nfe      the network evaluations of its run, or -1
     * @param at       the pane at a t
     */
    public record Pane(String runTitle, long nfe, java.util.function.DoubleFunction<Frame> at) {

        /** As the canvas shows it: titled with the run, then the notes, one per line. */
        public CanvasFrame onScreen(double t) {
            Frame f = at.apply(t);
            List<String> lines = new ArrayList<>();
            if (runTitle != null) {
                lines.add(runTitle);
            }
            lines.addAll(f.notes());
            return f.frame().withTitle(lines.isEmpty() ? null : String.join("\n", lines));
        }

        /** The caption of an exported animation's overlay: the run and its NFE. */
        public String overlayTitle() {
            String title = runTitle == null ? "" : runTitle;
            return nfe >= 0 ? title + "  ·  NFE " + nfe : title;
        }
    }

    /**
     * The panes of a view.
     *
     * @param panes   left to right, top to bottom
     * @param columns side by side (2 for ODE vs SDE), or 0 for the grid of the largest square cells
     */
    public record Scene(List<Pane> panes, int columns) {
        public Scene {
            panes = List.copyOf(panes);
        }
    }

    /**
     * The data layer's note when it follows Brownian paths of the forward SDE (docs/math.md §1.4): short
     * phrases, so that a narrow pane wraps them.
     */
    public static final String FORWARD_SDE_NOTE = "data on Brownian paths:  dx = f\u00b7x dt + g dW  "
            + "(Euler\u2013Maruyama)  \u00b7  same marginals p\u209c as fixed \u03b5 at every t,  different paths";

    private final ExplorerModel model;

    public FrameComposer(ExplorerModel model) {
        this(model, false);
    }

    private FrameComposer(ExplorerModel model, boolean computesCells) {
        this.model = Objects.requireNonNull(model);
        this.computesCells = computesCells;
    }

    /**
     * A composer for exports, whose frames are made off the FX thread at every t: it computes the
     * continuity cells of each t that is not the screen's (the screen's composer leaves them to their job).
     */
    public FrameComposer computingCells() {
        return new FrameComposer(model, true);
    }

    /** Whether frames at a t other than the screen's compute their continuity cells (off the FX thread). */
    private final boolean computesCells;

    /** Whether the canvas shows the Reflow rounds (chosen, and there are some). */
    public boolean showsRounds() {
        return model.view().roundsViewProperty().get() && !model.reflow().rounds().isEmpty();
    }

    /** No density and no field (the right-hand pane of "\u03c9 a vs b" before its layers are computed). */
    private static final FieldLayers.Layers NO_LAYERS = new FieldLayers.Layers(null, null, null, null, null,
            org.scorefield.app.settings.HeatmapLayer.DENSITY);

    /** The view on screen now: the Reflow rounds, A vs B, ω a vs b, ODE vs SDE, or the single canvas. */
    public Scene shown(FieldLayers.LayersAt layers) {
        if (showsRounds()) {
            return rounds();
        }
        if (model.view().likelihoodProperty().get()) {
            return likelihood();
        }
        if (model.view().sdfProperty().get()) {
            return SdfPanes.scene(model.sdf(), model.data().data().points().xy());
        }
        if (model.view().langevinProperty().get()) {
            return LangevinScene.of(model);
        }
        SamplingState.Runs runs = model.sampling().runsProperty().get();
        if (model.view().compareProperty().get()) {
            return compare(runs.single(), layers);
        }
        if (model.view().omegaSplitProperty().get()) {
            FieldLayers.Layers b = model.layers().layersBProperty().get();
            return guidanceSplit(runs.single(), model.guidanceSplit().runProperty().get(), layers,
                    t -> b != null ? b : NO_LAYERS);
        }
        return model.view().splitProperty().get() ? split(runs, layers) : single(runs.single(), layers);
    }

    /**
     * Model A beside model B, each titled with its value of the setting they differ in, over its
     * figures: steps, loss, and SW2/floor of its samples. A's pane is the single canvas with its layers;
     * B's draws only what is B's own: the data noised along B's path and B's samples, since the density
     * and the field are computed for A.
     */
    public Scene compare(SamplingState.Run runA, FieldLayers.LayersAt layers) {
        CompareState compare = model.compare();
        // the probe is A's (its model's velocity, the exact one of A's path): drawn only where it was made, in A
        boolean probeInB = model.view().toolProperty().get() == CanvasTool.PROBE && model.probe().probeProperty().get() != null
                && model.probe().paneProperty().get() == 1;
        Pane single = singlePane(runA, model.probe().paneProperty().get() == 0, layers);
        String figuresA = figures(model.training(), runA);
        Pane a = new Pane(compare.titleA(), single.nfe(), t -> {
            Frame f = single.at().apply(t);
            List<String> notes = new ArrayList<>(List.of(figuresA));
            if (runA != null && runA.guidance().on()) {
                notes.add(runA.guidance().describe());
            }
            notes.addAll(f.notes());
            return new Frame(f.frame(), notes);
        });

        ViewState view = model.view();
        SamplingState.Run runB = compare.runProperty().get();
        String problem = compare.problemInShort();
        ExactPath pathB = compare.pathB();
        ForwardNoising noising = view.showDataProperty().get() ? model.noising(pathB.source()) : null;
        int[] labels = model.data().data().points().labels();
        boolean samples = view.showSamplesProperty().get() && runB != null;
        int drawn = model.sampling().pathsProperty().get();
        boolean denoised = model.sampling().showDenoisedProperty().get();
        TrajectoryRole role = role(runB);
        List<String> notes = new ArrayList<>();
        notes.add(problem.isEmpty() ? figures(compare.b(), runB) : problem);
        if (runB != null && runB.guidance().on()) {
            notes.add(runB.guidance().describe());
        } else if (runA != null && runA.guidance().on() && runB != null) {
            // A is guided and B cannot be (a model without classes, say): B's samples are the whole data's
            notes.add("B unguided: " + runA.guidance().unavailable(compare.choiceB()).orElse("no guidance"));
        }
        if (view.showDensityProperty().get() || view.showFieldProperty().get()) {
            notes.add("density and field: A\u2019s only");
        }
        if (probeInB) {
            notes.add("the velocity probe is A\u2019s: click in A\u2019s pane");
        }
        Pane b = new Pane(compare.titleB(), samples ? runB.nfe() : -1, t -> {
            CanvasFrame frame = CanvasFrame.EMPTY;
            if (noising != null) {
                frame = frame.withParticles(noising.at(pathB.schedule(), t), labels);
            }
            frame = samples ? frame.withTrajectories(runB.trajectories(), t, drawn, role)
                    .withHeadClasses(runB.headClasses()) : frame.withTrajectories(null, t, 0, role);
            return new Frame(frame.withShowDenoised(denoised), notes);
        });
        return new Scene(List.of(a, b), 2);
    }

    /**
     * Guidance at ω beside guidance at ω of B, to the same class from the same starting noise and
     * solver (docs/math.md §9): each pane titled with its ω over its figures (the share in the class,
     * SW2/floor to the class and to the tilted density of its ω), over its own layers (the tilted density
     * and the guided field of its ω). Without a class to guide to, one canvas says what to do instead of
     * two identical panes. The clicked paths are the left pane's (guided at its ω).
     *
     * @param runA    the single view's run, guided at ω, or null
     * @param runB    the same run guided at ω of B, or null while it is computed
     * @param layersB the layers at ω of B
     */
    public Scene guidanceSplit(SamplingState.Run runA, SamplingState.Run runB, FieldLayers.LayersAt layersA,
                               FieldLayers.LayersAt layersB) {
        java.util.Optional<String> problem = model.guidanceSplit().problem();
        if (problem.isPresent()) {
            // short phrases, so that a narrow canvas wraps the sentence rather than shrinking it
            String says = problem.get().replace(": ", ":  ").replace(", ", ",  ").replace(" to compare", "  to compare")
                    .replace(" from the same", "  from the same");
            Pane single = singlePane(runA, true, layersA);
            return new Scene(List.of(new Pane("\u03c9 a vs b", -1, t -> {
                Frame f = single.at().apply(t);
                List<String> notes = new ArrayList<>(List.of(says));
                notes.addAll(f.notes());
                return new Frame(f.frame(), notes);
            })), 1);
        }
        double omegaB = model.guidanceSplit().omegaBProperty().get();
        int probed = model.probe().paneProperty().get();
        Pane a = omegaPane(runA, model.sampling().omegaProperty().get(), singlePane(runA, probed == 0, layersA));
        Pane b = omegaPane(runB, omegaB, samplingPane(runB, null, role(runB), false, null, probed == 1,
                layersB));
        return new Scene(List.of(a, b), 2);
    }

    /**
     * A pane of "\u03c9 a vs b": "\u03c9 = 4  ·  class 2" over its run's figures, then the pane's notes; in
     * short phrases, since two panes side by side are narrow (the solver, the same in both, is left out).
     */
    private Pane omegaPane(SamplingState.Run run, double omega, Pane pane) {
        GuidanceChoice guide = run != null ? run.guidance() : model.sampling().guidanceChoice().withOmega(omega);
        String title = "\u03c9 = " + GuidanceSplit.omega(omega) + "  \u00b7  " + (guide.perSample()
                ? "each sample its class" : "class " + guide.target());
        String figures = run == null ? "sampling\u2026" : run.guided().map(g -> String.format(Locale.ROOT,
                "%.0f%% in class  \u00b7  SW2/floor  to class %.2f  \u00b7  to tilted %.2f",
                100 * g.classFraction(), g.sw2Class().ratio(), g.sw2Tilted().ratio())).orElse("");
        return new Pane(title, pane.nfe(), t -> {
            Frame f = pane.at().apply(t);
            List<String> notes = new ArrayList<>();
            if (!figures.isEmpty()) {
                notes.add(figures);
            }
            notes.addAll(f.notes());
            return new Frame(f.frame(), notes);
        });
    }

    /**
     * The "log p\u2080" view (docs/math.md \u00a77.5): the model's log p\u2080 from its PF-ODE, the exact one
     * and model \u2212 exact, each over its colour bar in nats; a clicked point's climb to the prior drawn
     * in each pane up to the scrubber's t, with the running counter under the model's title. Without
     * a map to show, one canvas says why.
     */
    public Scene likelihood() {
        org.scorefield.app.model.LikelihoodView view = model.likelihood();
        java.util.Optional<String> problem = view.problem();
        org.scorefield.app.model.LikelihoodView.Maps maps = view.mapsProperty().get();
        org.scorefield.app.model.LikelihoodView.Climb climb = view.climbProperty().get();
        if (problem.isPresent()) {
            String says = problem.get();
            return new Scene(List.of(new Pane("log p\u2080", -1, t -> new Frame(CanvasFrame.EMPTY, List.of(says)))), 1);
        }
        String how = maps == null ? "computing\u2026" : maps.modelTitle()
                + (maps.done() ? String.format(Locale.ROOT, "  \u00b7  %.1f s", maps.seconds()) : "");
        List<String> modelNotes = climb == null ? List.of(how, "click a point:", "it climbs to the prior") : null;
        java.util.function.DoubleFunction<List<String>> leftNotes = t -> modelNotes != null ? modelNotes
                : climbHere(climb, t, how);
        List<String> sum = climb == null ? List.of() : climbSum(climb, maps == null ? "log p\u2080" : maps.modelName(),
                maps == null ? null : maps.exact());
        Pane left = likelihoodPane(maps == null ? "log p\u2080 of the PF-ODE" : maps.modelPaneTitle(), maps == null ? null : maps.model(), HeatmapStyle.LOG_P0, climb, leftNotes);
        Pane middle = likelihoodPane(maps == null ? "exact log p\u2080" : maps.exactTitle(),
                maps == null ? null : maps.exact(), HeatmapStyle.LOG_P0, climb, t -> sum);
        String diffTitle = maps == null || maps.klLine().isEmpty() ? "model \u2212 exact"
                : "model \u2212 exact\n" + maps.klLine();
        Pane right = likelihoodPane(diffTitle, maps == null || !maps.done() ? null : maps.difference(),
                HeatmapStyle.LOG_RATIO, climb, t -> maps != null && !maps.done() ? List.of("waits for the refined map")
                        : List.of("red: model higher"));
        return new Scene(List.of(left, middle, right), 0);
    }

    /** One pane of the log p\u2080 view: a heatmap, the climb up to t, and its notes. */
    private static Pane likelihoodPane(String title, ScalarGrid grid, HeatmapStyle style,
            org.scorefield.app.model.LikelihoodView.Climb climb, java.util.function.DoubleFunction<List<String>> notes) {
        return new Pane(title, -1, t -> {
            CanvasFrame frame = CanvasFrame.EMPTY;
            if (grid != null) {
                frame = frame.withHeatmap(grid, style);
            }
            if (climb != null) {
                frame = frame.withClicked(climb.upTo(t));
            }
            return new Frame(frame, notes.apply(t));
        });
    }

    /** The model pane's notes while a point climbs: how the map was made, then t and \u2113 so far. */
    private static List<String> climbHere(org.scorefield.app.model.LikelihoodView.Climb climb, double t, String how) {
        List<String> lines = new ArrayList<>(List.of(how));
        lines.addAll(climbCounter(climb, t).subList(0, 2));
        return lines;
    }

    /**
     * The exact pane's notes while a point climbs: the sum at the top, a term a line, named for what
     * it is (the climb is the model's, or the oracle's ODE's, not the exact density), then the exact
     * log p\u2080 of the grid cell the point lies in, to compare.
     */
    private static List<String> climbSum(org.scorefield.app.model.LikelihoodView.Climb climb, String name,
            ScalarGrid exact) {
        List<String> lines = new ArrayList<>(climbCounter(climb, 1).subList(2, 6));
        lines.set(3, lines.get(3).replace("= log p\u2080", "= " + name));
        double here = exactAt(exact, climb.x0()[0], climb.x0()[1]);
        if (Double.isFinite(here)) {
            lines.add("exact here  " + plain(here));
        }
        if (climb.hutchinson().length > 1) {
            // Hutchinson's estimator of the same ℓ: right on average, each climb off by about the spread
            lines.add(String.format(Locale.ROOT, "\u2113 by Hutchinson, 1 probe:  %s \u00b1 %.2f",
                    signed(climb.hutchinsonMean()), climb.hutchinsonSpread()));
        }
        return lines;
    }

    /** The value of the grid's cell that contains (x, y); NaN outside the grid or without one. */
    static double exactAt(ScalarGrid grid, double x, double y) {
        if (grid == null || !grid.spec().contains(x, y)) {
            return Double.NaN;
        }
        var spec = grid.spec();
        int i = Math.min(spec.nx() - 1, (int) ((x - spec.xMin()) / spec.dx()));
        int j = Math.min(spec.ny() - 1, (int) ((y - spec.yMin()) / spec.dy()));
        return grid.value(i, j);
    }

    /**
     * The running counter of a climb at the scrubber's t: where it started and t, \u2113 so far; then
     * the sum at the top, log p\u2080 = log N(x(1); 0, \u03c3\u00b2I) + \u2113 + 2\u00b7log \u03b1(t_min), a
     * term a line (short lines keep the title's size in a narrow pane).
     */
    public static List<String> climbCounter(org.scorefield.app.model.LikelihoodView.Climb climb, double t) {
        double tau = climb.clamp(t);
        var r = climb.result();
        String from = String.format(Locale.ROOT, "(%.2f, %.2f)  at t = %.3f", climb.x0()[0], climb.x0()[1], tau);
        String now = "\u2113 so far " + signed(climb.ellAt(t));
        // two spaces before each number: a narrow pane wraps there rather than shrink the title
        String prior = String.format(Locale.ROOT, "t = %.2f:  log N(x(1))  %s", r.tTop(), plain(r.logPrior()[0]));
        String ell = "+ \u2113  " + signed(r.logDet()[0]);
        String scale = "+ 2 log \u03b1(t_min)  " + signed(r.logScale());
        String total = "= log p\u2080  " + plain(climb.logDensity());
        return List.of(from, now, prior, ell, scale, total);
    }

    /** A number with a true minus: "−3.214", "0.512". */
    private static String plain(double v) {
        return String.format(Locale.ROOT, "%.3f", v).replace('-', '\u2212');
    }

    /** A number with its sign, a true minus for negatives: "−3.214", "+0.512". */
    private static String signed(double v) {
        return String.format(Locale.ROOT, "%+.3f", v).replace('-', '\u2212');
    }

    /**
     * "1,200 steps  ·  loss 0.412  ·  SW2/floor 1.32": how far a model has trained and how close its
     * samples are to the data (the run's own measure, as the status bar shows it), with the step of
     * the model that drew them when it is an older one (samples refresh every few hundred steps), or
     * the oracle's when no model drew them.
     */
    private static String figures(TrainingState training, SamplingState.Run run) {
        String trained = CompareState.trainingFigures(training);
        if (run == null || run.sw2OverFloor().isEmpty()) {
            return trained;
        }
        double ratio = run.sw2OverFloor().getAsDouble();
        if (run.modelSteps() < 0) {
            return trained + String.format(Locale.ROOT, "  \u00b7  oracle's SW2/floor %.2f", ratio);
        }
        String when = run.modelSteps() == training.stepsProperty().get() ? ""
                : String.format(Locale.ROOT, " at step %,d", run.modelSteps());
        return trained + String.format(Locale.ROOT, "  \u00b7  SW2/floor %.2f%s", ratio, when);
    }

    /**
     * The single canvas with this run (null: none), its clicks' trajectories and the layers: the
     * single view's run with the chosen solver's clicks, or the split view's PF-ODE run with the
     * PF-ODE's.
     */
    public Scene single(SamplingState.Run run, FieldLayers.LayersAt layers) {
        return new Scene(List.of(singlePane(run, true, layers)), 1);
    }

    private Pane singlePane(SamplingState.Run run, boolean probeHere, FieldLayers.LayersAt layers) {
        boolean ode = run != null && run == model.sampling().runsProperty().get().ode();
        return samplingPane(run, clicks(ode ? SamplingState.Click::ode : SamplingState.Click::single), role(run), false,
                null, probeHere, layers);
    }

    /** The PF-ODE beside the SDE from the same start, each over its end points' density when the density is on. */
    public Scene split(SamplingState.Runs runs, FieldLayers.LayersAt layers) {
        ScalarGrid[] ends = model.layers().endpointDensitiesProperty().get();
        int probed = model.probe().paneProperty().get();
        Pane ode = samplingPane(runs.ode(), clicks(SamplingState.Click::ode), TrajectoryRole.ODE, true, ends[0],
                probed == 0, layers);
        Pane sde = samplingPane(runs.sde(), clicks(SamplingState.Click::sde), TrajectoryRole.SDE, true, ends[1],
                probed == 1, layers);
        if (runs.ode() != null && runs.sde() == null) {
            var drawn = sde.at();
            sde = new Pane(NO_SDE, -1, t -> new Frame(drawn.apply(t).frame(), List.of()));
        }
        return new Scene(List.of(ode, sde), 2);
    }

    /**
     * The forward noising sweep: the data noised to t over the layers at t, the same particles the
     * canvas draws; an animation of it runs t from 0 (data) to 1 (noise).
     */
    public Scene noising(FieldLayers.LayersAt layers) {
        ForwardNoising noising = model.noising();
        Schedule schedule = model.exactPath().schedule();
        int[] labels = model.data().data().points().labels();
        double arrowScale = model.view().arrowScaleProperty().get();
        int drawn = model.sampling().pathsProperty().get();
        Trajectories trails = model.forwardPaths().trails(drawn);
        String title = (trails != null ? "forward noising  ·  dx = f·x dt + g dW  ·  " : "forward noising  ·  x_t = α(t)·x₀ + σ(t)·ε  ·  ")
                + schedule.kind().id();
        return new Scene(List.of(new Pane(title, -1, t -> {
            FieldLayers.Layers l = layers.at(t);
            CanvasFrame frame = decorate(CanvasFrame.EMPTY, l.difference(), l.density(), heatStyle(l), l, arrowScale)
                    .withParticles(noising.at(schedule, t), labels);
            if (trails != null) {
                frame = frame.withTrajectories(trails, 1 - t, drawn, TrajectoryRole.FORWARD);
            }
            List<String> notes = new ArrayList<>();
            if (l.caption() != null) {
                notes.add(l.caption());
            }
            if (trails != null) {
                notes.add(FORWARD_SDE_NOTE);
            }
            return new Frame(frame, notes);
        })), 1);
    }

    /** The shown Reflow rounds: each round's Euler paths from the same sources up to t, over the clean data. */
    public Scene rounds() {
        PointSet data = model.view().showDataProperty().get() ? model.data().data().points() : null;
        CanvasFrame under = data == null ? CanvasFrame.EMPTY : CanvasFrame.points(data.xy(), data.labels());
        int drawn = model.sampling().pathsProperty().get();
        List<Pane> panes = new ArrayList<>();
        for (Reflow.Round round : model.reflow().shown()) {
            panes.add(new Pane(round.metrics().caption(), -1, t -> new Frame(
                    under.withTrajectories(round.paths(), t, drawn, TrajectoryRole.ODE), List.of())));
        }
        return new Scene(panes, 0);
    }

    /** Paths of a stochastic sampler take the SDE's colour, every other the ODE's. */
    public static TrajectoryRole role(SamplingState.Run run) {
        return run != null && run.settings().kind().isStochastic(run.settings()) ? TrajectoryRole.SDE
                : TrajectoryRole.ODE;
    }

    private Trajectories clicks(java.util.function.Function<SamplingState.Click, Trajectories> which) {
        return join(model.sampling().clicksProperty().get(), which);
    }

    /**
     * A sampling canvas: the layers, the data noised to t, the run's paths (or the training pairs in
     * their place), the clicks' paths, the x̂0 overlay and the probe. Everything is read now, on the
     * FX thread; the pane only combines it.
     *
     * @param split     whether it is a pane of ODE vs SDE, over its end points' density instead of p_t
     * @param probeHere whether the velocity probe was made in this pane (it is drawn only there)
     */
    private Pane samplingPane(SamplingState.Run run, Trajectories clicked, TrajectoryRole role, boolean split,
                              ScalarGrid endpointDensity, boolean probeHere, FieldLayers.LayersAt layers) {
        ViewState view = model.view();
        boolean density = view.showDensityProperty().get();
        ScalarGrid ends = split && density ? endpointDensity : null;
        double arrowScale = view.arrowScaleProperty().get();
        ForwardNoising noising = view.showDataProperty().get() ? model.noising() : null;
        Schedule schedule = model.exactPath().schedule();
        int[] labels = model.data().data().points().labels();
        Trajectories pairs = view.showPairsProperty().get() ? model.pairs().pairsProperty().get() : null;
        boolean samples = view.showSamplesProperty().get() && pairs == null;
        int drawn = model.sampling().pathsProperty().get();
        boolean denoised = model.sampling().showDenoisedProperty().get();
        // denoising vs sampling: the first few paths with their guesses and where the guesses land
        List<org.scorefield.core.sample.DenoisingLanding.Landing> landings = null;
        Trajectories few = null;
        String clickedLabel = null;
        if (model.denoising().onProperty().get() && samples && run != null && run.trajectories().hasDenoised()) {
            // only these particles, drawn bold with their guesses, so that each pair of paths can be followed
            drawn = org.scorefield.app.model.DenoisingView.PATHS;
            denoised = true;
            few = run.trajectories().first(drawn);
            landings = org.scorefield.app.model.PathLikelihood.landings(few, drawn);
            clickedLabel = firstSamplesLabel(few.particles(), clicked != null);
            clicked = clicked == null ? few : joinPaths(List.of(few, clicked));
        }
        Trajectories clickedShown = clicked;
        String clickedName = clickedLabel;
        boolean onlyFew = few != null;
        List<org.scorefield.core.sample.DenoisingLanding.Landing> landed = landings;
        String landingNote = landings == null ? null : MeanShiftNotes.landing(landings);
        java.util.function.DoubleFunction<org.scorefield.core.denoise.MeanShiftProbe> shiftAt = probeHere && !split
                ? model.meanShift().recipe() : null;
        org.scorefield.app.model.MeanShiftState.Learned guess = model.meanShift().learnedProperty().get();
        List<String> shiftProblem = probeHere && !split && model.meanShift().onProperty().get()
                ? model.meanShift().problem().map(List::of).orElse(List.of()) : List.of();
        String modelNote = !model.meanShift().modelNotComparable() ? null
                : "model trained under another schedule or source: only the oracle’s x̂₀";
        int pathsShown = drawn;
        boolean denoisedShown = denoised;
        VelocityProbe probe = probeHere && view.toolProperty().get() == CanvasTool.PROBE
                ? model.probe().probeProperty().get() : null;
        // short phrases two spaces apart, so that a narrow pane wraps the legend instead of shrinking it
        String probeLegend = probe == null ? null : "red: exact marginal velocity  (independent pairs from "
                + model.exactPath().source().displayName() + ")  ·  " + (probe.learned() != null ? "green: learned  ·  "
                : "") + "grey: x₁ − x₀  of the pairs through the point";
        String runTitle = pairs != null ? String.format(Locale.ROOT, "%d training pairs  ·  %s coupling",
                pairs.particles(), model.training().couplingProperty().get().displayName())
                : samples && run != null ? flowTitle(run.title()) + (run.guidance().on() ? "  ·  "
                        + run.guidance().describe() : "") : null;
        long nfe = pairs == null && samples && run != null ? run.nfe() : -1;
        // the cells of the screen's t as computed; an export's other times computed on its own thread
        ContinuityCells shownCells = model.continuity().cellsProperty().get();
        java.util.function.DoubleFunction<ContinuityCells> cellsAt = model.continuity().recipe();
        boolean cellsOn = view.continuityProperty().get();
        String cellsProblem = cellsOn ? model.continuity().problemProperty().get() : null;
        // the data's Brownian paths from x₀ up to t, where no other paths use the frame's time (docs/math.md §1.4)
        Trajectories trails = noising != null && pairs == null && !samples && clicked == null && !cellsOn
                ? model.forwardPaths().trails(drawn) : null;
        String pathsNote = noising != null && model.forwardPaths().brownian() ? FORWARD_SDE_NOTE : null;
        return new Pane(runTitle, nfe, t -> {
            FieldLayers.Layers l = layers.at(t);
            CanvasFrame frame = decorate(CanvasFrame.EMPTY, l.difference(), split ? ends : density ? l.density() : null,
                    split ? HeatmapStyle.ENDPOINTS : heatStyle(l),
                    l, arrowScale);
            if (noising != null) {
                frame = frame.withParticles(noising.at(schedule, t), labels);
            }
            if (pairs != null) {
                // the pairs replace the samples: both are paths from t = 1 to the data
                frame = frame.withTrajectories(pairs, t, pairs.particles(), TrajectoryRole.ODE);
            } else if (onlyFew) {
                frame = frame.withTrajectories(null, t, 0, role);
            } else if (samples && run != null) {
                frame = frame.withTrajectories(run.trajectories(), t, pathsShown, role)
                        .withHeadClasses(run.headClasses());
            } else if (trails != null) {
                frame = frame.withTrajectories(trails, 1 - t, pathsShown, TrajectoryRole.FORWARD);
            } else {
                frame = frame.withTrajectories(null, t, 0, role);
            }
            if (clickedShown != null) {
                frame = frame.withClicked(clickedShown, clickedName);
            }
            frame = frame.withShowDenoised(denoisedShown);
            if (probe != null) {
                frame = frame.withProbe(probe);
            }
            if (landed != null) {
                frame = frame.withLandings(landed);
            }
            org.scorefield.core.denoise.MeanShiftProbe shift = shiftAt == null ? null : shiftAt.apply(t);
            if (shift != null && guess != null && guess.x() == shift.x() && guess.y() == shift.y()
                    && (!computesCells || guess.t() == shift.t())) {
                // on screen the newest guess, which lags playback by a frame; an export only its own t's
                shift = shift.withLearned(guess.x0());
            }
            if (shift != null) {
                frame = frame.withMeanShift(shift);
            }
            if (cellsOn && !split) {
                frame = frame.withCells(cellsAt(shownCells, computesCells ? cellsAt : null, schedule, t));
            }
            List<String> notes = new ArrayList<>();
            if (l.caption() != null) {
                notes.add(l.caption());
            }
            if (ends != null) {
                notes.add("heatmap: density of the end points");
            }
            if (probeLegend != null) {
                notes.add(probeLegend);
            }
            if (cellsProblem != null && !split) {
                notes.add(cellsProblem);
            }
            if (landingNote != null) {
                notes.add(landingNote);
            }
            if (shift != null) {
                notes.addAll(MeanShiftNotes.readout(shift, modelNote));
            }
            notes.addAll(shiftProblem);
            if (pathsNote != null) {
                notes.add(pathsNote);
            }
            return new Frame(frame, notes);
        });
    }

    /**
     * The continuity cells at t. An export's frame ({@code at} given): those computed for the screen
     * when they are of this t, otherwise computed now. On screen: the last block computed, whatever
     * its t, until a newer one arrives (during playback every frame supersedes the job of the one
     * before, so waiting for a block of exactly this t would show none); the table then says its t.
     */
    static ContinuityCells cellsAt(ContinuityCells shown, java.util.function.DoubleFunction<ContinuityCells> at,
                                   Schedule schedule, double t) {
        if (at == null || shown != null && shown.t() == org.scorefield.app.model.ContinuityState.time(schedule, t)) {
            return shown;
        }
        return at.apply(t);
    }

    /** How the heatmap the layers hold is coloured: a log-density, a probability or a tilted log-density. */
    static HeatmapStyle heatStyle(FieldLayers.Layers layers) {
        return switch (layers.heat()) {
            case DENSITY -> HeatmapStyle.DENSITY;
            case CLASSIFIER -> HeatmapStyle.CLASSIFIER;
            case TILTED -> HeatmapStyle.TILTED;
        };
    }

    /**
     * The layers over a frame, as the canvas draws them: the difference heatmap, or else the
     * density; the field as arrows or streamlines.
     */
    private static CanvasFrame decorate(CanvasFrame frame, ScalarGrid difference, ScalarGrid densityGrid,
                                       HeatmapStyle densityStyle, FieldLayers.Layers layers, double arrowScale) {
        CanvasFrame out = frame;
        if (difference != null) {
            out = out.withHeatmap(difference, HeatmapStyle.DIFFERENCE);
        } else if (densityGrid != null) {
            out = out.withHeatmap(densityGrid, densityStyle);
        }
        if (layers.field() != null) {
            out = layers.lines() != null ? out.withStreamlines(layers.field(), layers.lines())
                    : out.withArrows(layers.field(), arrowScale);
        }
        return out;
    }

    /**
     * What the key calls the denoising mode's bold paths: the run's first {@code n} samples, drawn the way
     * a click's paths are (and joined to the clicks' own, if any).
     */
    static String firstSamplesLabel(int n, boolean withClicks) {
        return (n == 1 ? "first sample" : "first " + n + " samples") + (withClicks ? ", paths from clicks" : "");
    }

    /** Every click's trajectories of one kind as one set of paths (they share their time grid). */
    static Trajectories join(List<SamplingState.Click> clicks,
                             java.util.function.Function<SamplingState.Click, Trajectories> which) {
        return joinPaths(clicks.stream().map(which).filter(Objects::nonNull).toList());
    }

    /** Sets of paths on one time grid as one set (the first's grid; a set on another grid is left out). */
    static Trajectories joinPaths(List<Trajectories> all) {
        List<Trajectories> parts = all.stream().filter(p -> java.util.Arrays.equals(p.times(), all.get(0).times()))
                .toList();
        if (parts.isEmpty()) {
            return null;
        }
        Trajectories first = parts.get(0);
        int rows = first.length();
        double[][] positions = new double[rows][];
        double[][] denoised = first.hasDenoised() ? new double[rows][] : null;
        for (int r = 0; r < rows; r++) {
            int size = 0;
            for (Trajectories p : parts) {
                size += p.positions()[r].length;
            }
            positions[r] = new double[size];
            if (denoised != null) {
                denoised[r] = new double[size];
            }
            int at = 0;
            for (Trajectories p : parts) {
                double[] row = p.positions()[r];
                System.arraycopy(row, 0, positions[r], at, row.length);
                if (denoised != null && p.hasDenoised()) {
                    System.arraycopy(p.denoised()[r], 0, denoised[r], at, row.length);
                }
                at += row.length;
            }
        }
        return new Trajectories(first.times(), positions, denoised);
    }

    /**
     * A run's title as what samples names it: a flow whose x₁ is not Gaussian noise independent of
     * x₀ (another source, or a model trained on coupled pairs or Reflow's) has its own ODE, not the
     * probability-flow ODE of a diffusion.
     */
    private String flowTitle(String title) {
        return model.samplingChoice().gaussianNoise() ? title
                : title.replace("PF-ODE  (\u03b7 = 0)", "flow ODE").replace("PF-ODE", "flow ODE");
    }
}
