package org.scorefield.app.model;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.scorefield.app.jobs.Lane;
import org.scorefield.app.settings.FieldSource;
import org.scorefield.app.settings.HeatmapLayer;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.field.ExactDensity;
import org.scorefield.core.field.FieldDifference;
import org.scorefield.core.field.FieldKind;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.ScalarGrid;
import org.scorefield.core.field.Streamlines;
import org.scorefield.core.field.VectorGrid;
import org.scorefield.core.schedule.Schedule;

/**
 * The computed layers under the particles: the exact density p_t, the score or velocity field
 * (learned, exact, or the size of their difference), streamlines, and the density of the end points
 * of each sampling run. Each is recomputed on the quick lane of the model's jobs when what it
 * depends on changes (t, the process, the model, the field settings) and handed back as an immutable
 * {@link Layers} value; the canvas only draws it. Lives on the FX thread.
 */
public final class FieldLayers {

    /** Heatmap cells along the shorter side of the canvas. */
    static final int HEATMAP_CELLS = 128;
    /** Bandwidth of the end-point density estimate (world units). */
    static final double ENDPOINT_BANDWIDTH = 0.08;

    /**
     * What the canvas draws under the particles.
     *
     * @param density    log p_t, or null
     * @param field      the field drawn as arrows or streamlines, or null
     * @param difference |learned − exact| as a heatmap, or null
     * @param lines      streamlines of the field, or null
     * @param caption    what the field layer shows, for the canvas title
     * @param heat       what {@code density} holds: log p_t, the classifier p_t(c | x) or the tilted log-density
     */
    public record Layers(ScalarGrid density, VectorGrid field, ScalarGrid difference, List<double[]> lines, String caption,
                         HeatmapLayer heat) {
        static final Layers NONE = new Layers(null, null, null, null, null, HeatmapLayer.DENSITY);
    }

    private final ExplorerModel model;
    private final ReadOnlyObjectWrapper<Layers> layers = new ReadOnlyObjectWrapper<>(Layers.NONE);
    private final ReadOnlyObjectWrapper<Layers> layersB = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ScalarGrid[]> endpointDensities =
            new ReadOnlyObjectWrapper<>(new ScalarGrid[2]);
    private ScalarGrid density;
    private HeatmapLayer densityHeat = HeatmapLayer.DENSITY;
    private FieldResult field = new FieldResult(null, null, null, null);
    private double halfWidth = 4;
    private double halfHeight = 4;

    /** The layers at a time t: the screen's as computed, an export's made for each t. */
    @FunctionalInterface
    public interface LayersAt {
        Layers at(double t);
    }

    /** The field layer at one t: arrows or streamlines of a field, or the difference heatmap, and its caption. */
    record FieldResult(VectorGrid field, ScalarGrid difference, List<double[]> lines, String caption) {
    }

    FieldLayers(ExplorerModel model) {
        this.model = model;
        javafx.beans.Observable[] fieldInputs = {model.view().timeProperty(), model.process().scheduleProperty(),
                model.training().modelProperty(), model.view().showFieldProperty(), model.view().fieldKindProperty(),
                model.view().fieldSourceProperty(), model.view().streamlinesProperty(), model.view().fieldResolutionProperty(),
                model.data().dataProperty(), model.exactPathProperty(), model.sampling().guidedClassProperty(),
                model.sampling().omegaProperty(), model.sampling().guidanceProperty(), model.classifier().changes(),
                model.sampling().swirlProperty()};
        for (javafx.beans.Observable o : fieldInputs) {
            o.addListener(obs -> refreshField());
        }
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {model.view().timeProperty(),
                model.view().showDensityProperty(), model.data().dataProperty(), model.exactPathProperty(),
                model.view().heatmapProperty(), model.sampling().guidedClassProperty(),
                model.sampling().omegaProperty()}) {
            o.addListener(obs -> refreshDensity());
        }
        model.sampling().runsProperty().addListener((obs, old, runs) -> refreshEndpoints(runs));
        for (javafx.beans.Observable o : fieldInputs) {
            o.addListener(obs -> refreshB());
        }
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {model.view().showDensityProperty(),
                model.view().heatmapProperty(), model.sampling().omegaBProperty(), model.view().omegaSplitProperty()}) {
            o.addListener(obs -> refreshB());
        }
    }

    /**
     * The layers of the right-hand pane of "\u03c9 a vs b" at the scrubber's t: the density layer and the
     * field as {@link #layersProperty()} has them, guided at \u03c9 of B (the tilted density and the guided
     * field of that \u03c9); null while the view is off.
     */
    public ReadOnlyObjectProperty<Layers> layersBProperty() {
        return layersB.getReadOnlyProperty();
    }

    private void refreshB() {
        if (!model.view().omegaSplitProperty().get()) {
            model.jobs().drop("layers B");
            layersB.set(null);
            return;
        }
        LayersAt recipe = recipe(true, halfWidth, halfHeight, model.sampling().omegaBProperty().get());
        double t = model.view().timeProperty().get();
        model.jobs().<Layers>job("layers B", Lane.QUICK).title("Computing the layers at \u03c9 of B")
                .start(job -> recipe.at(t), layersB::set);
    }

    public ReadOnlyObjectProperty<Layers> layersProperty() {
        return layers.getReadOnlyProperty();
    }

    /** The end-point densities of the split view's ODE and SDE runs (entries may be null). */
    public ReadOnlyObjectProperty<ScalarGrid[]> endpointDensitiesProperty() {
        return endpointDensities.getReadOnlyProperty();
    }

    /** The world rectangle the canvas shows, half width and half height around the origin. */
    public void setVisibleHalfSize(double halfW, double halfH) {
        if (Math.abs(halfW - halfWidth) > 1e-9 || Math.abs(halfH - halfHeight) > 1e-9) {
            halfWidth = halfW;
            halfHeight = halfH;
            refreshField();
            refreshDensity();
            refreshB();
        }
    }

    private GridSpec grid(int cellsOnShortSide) {
        return grid(cellsOnShortSide, halfWidth, halfHeight);
    }

    /** A grid over {@code [−halfW, halfW] × [−halfH, halfH]} with square cells, this many on its short side. */
    private static GridSpec grid(int cellsOnShortSide, double halfW, double halfH) {
        double cell = 2 * Math.min(halfW, halfH) / cellsOnShortSide;
        int nx = Math.max(2, (int) Math.round(2 * halfW / cell));
        int ny = Math.max(2, (int) Math.round(2 * halfH / cell));
        return new GridSpec(-halfW, halfW, -halfH, halfH, nx, ny);
    }

    private void refreshDensity() {
        DensityRecipe recipe = densityRecipe();
        if (recipe == null) {
            model.jobs().drop("density");
            density = null;
            publish();
            return;
        }
        double t = model.view().timeProperty().get();
        model.jobs().<ScalarGrid>job("density", Lane.QUICK).title("Computing the exact density")
                .start(job -> recipe.at(t), grid -> {
                    density = grid;
                    densityHeat = recipe.heat();
                    publish();
                });
    }

    /**
     * The heatmap of the data on the canvas's grid, at any t (any thread): log p_t, or for a class
     * the exact classifier p_t(c | x) or the tilted log-density p_t·p_t(c | x)^ω normalised (§9.3).
     *
     * @param target the class of the classifier and tilted heatmaps (one the data has)
     */
    record DensityRecipe(DenoiserChoice exact, GridSpec spec, HeatmapLayer heat, int target, double omega) {
        ScalarGrid at(double t) {
            double tau = clampTime(exact.schedule(), t);
            // the data's exact classes, built here on the worker (the memorising oracle's take a moment)
            var guidance = heat == HeatmapLayer.DENSITY ? null
                    : GuidanceChoice.exact(exact.data(), exact.schedule()).orElseThrow();
            return switch (heat) {
                case DENSITY -> ExactDensity.logDensityGrid(exact.create(), spec, tau);
                case TILTED -> guidance.tiltedLogDensity(target, omega, spec, tau);
                case CLASSIFIER -> {
                    double[] p = guidance.classifier(spec.points(), tau);
                    double[] mine = new double[spec.size()];
                    for (int k = 0; k < mine.length; k++) {
                        mine[k] = p[k * guidance.classes() + target];
                    }
                    yield new ScalarGrid(spec, mine);
                }
            };
        }
    }

    /** The density layer as shown now, or null when it is off or there is no data. */
    DensityRecipe densityRecipe() {
        return densityRecipe(halfWidth, halfHeight, model.sampling().omegaProperty().get());
    }

    /** The density layer over this rectangle, a tilted density at {@code omega}. */
    private DensityRecipe densityRecipe(double halfW, double halfH, double omega) {
        if (!model.view().showDensityProperty().get() || model.data().data().points().size() == 0) {
            return null;
        }
        DenoiserChoice exact = DenoiserChoice.exact(model.data().data(), model.exactPath());
        GridSpec spec = grid(HEATMAP_CELLS, halfW, halfH);
        HeatmapLayer heat = model.view().heatmapProperty().get();
        GuidanceChoice guide = model.sampling().guidanceChoice().withOmega(omega);
        double[] weights = GuidanceChoice.classWeights(exact.data());
        // a class's heatmaps need a class that has points, on a diffusion from N(0, I); else the density
        if (heat == HeatmapLayer.DENSITY || guide.target() < 0 || guide.target() >= weights.length
                || weights[guide.target()] == 0 || !exact.start().isGaussian()) {
            return new DensityRecipe(exact, spec, HeatmapLayer.DENSITY, 0, 0);
        }
        return new DensityRecipe(exact, spec, heat, guide.target(), guide.omega());
    }

    private void refreshField() {
        FieldRecipe recipe = fieldRecipe();
        if (recipe == null) {
            // nothing to compute: a field still being computed for the settings before is not shown
            model.jobs().drop("field");
            boolean waitsForModel = model.view().showFieldProperty().get()
                    && model.view().fieldSourceProperty().get() != FieldSource.EXACT
                    && model.training().model().isEmpty();
            field = new FieldResult(null, null, null, waitsForModel ? "Train a model to see its learned field." : null);
            publish();
            return;
        }
        double t = model.view().timeProperty().get();
        model.jobs().<FieldResult>job("field", Lane.QUICK).title("Computing the field")
                .start(job -> recipe.at(t), result -> {
                    field = result;
                    publish();
                });
    }

    /** The field layer (arrows, streamlines or the difference heatmap) at any t (any thread). */
    record FieldRecipe(FieldSource source, FieldKind kind, DenoiserChoice exact, DenoiserChoice learned,
                       boolean lines, int resolution, GridSpec spec, GridSpec fine, double halfShort,
                       GuidanceChoice guide, double swirl) {
        FieldResult at(double t) {
            double tau = clampTime(exact.schedule(), t);
            if (kind == FieldKind.SCORE && source != FieldSource.EXACT && !learned.model().flow().isStandard()) {
                return new FieldResult(null, null, null, "This flow has no score:  its x\u2081 is not Gaussian noise  "
                        + "independent of x\u2080  (another source,  or coupled pairs).  Show its velocity.");
            }
            if (source == FieldSource.DIFFERENCE) {
                // guided on both sides or on neither: a guided truth beside an unguided model would be no error;
                // the flux is never guided (p_t of a guided flow has no closed form)
                GuidanceChoice both = guide.guidesField(learned) && kind != FieldKind.FLUX ? guide : GuidanceChoice.NONE;
                Denoiser l = both.field(learned);
                Denoiser e = both.field(exact);
                ScalarGrid difference = FieldDifference.magnitude(kind.evaluate(l, e, fine, tau),
                        kind.evaluate(e, e, fine, tau));
                var flow = learned.model().flow();
                boolean coupled = flow.round() > 0
                        || flow.coupling().kind() != org.scorefield.core.flow.CouplingKind.INDEPENDENT;
                return new FieldResult(null, difference, null, String.format(Locale.ROOT,
                        "|learned − exact| %s at t = %.2f (max %.3g)%s", kind.displayName(), tau, difference.max(),
                        coupled ? "\nexact: independent pairs;  this model learned from coupled pairs,  "
                                + "so it need not match" : ""));
            }
            boolean exactField = source == FieldSource.EXACT;
            DenoiserChoice shown = exactField ? exact : learned;
            boolean flux = kind == FieldKind.FLUX;
            boolean guided = guide.guidesField(shown) && !flux; // p_t of a guided flow has no closed form
            Denoiser d = guided ? guide.field(shown) : shown.create();
            // the swirl of the Sampling section turns the velocity (and so the flux) as sampling sees it
            boolean swirled = swirl > 0 && kind != FieldKind.SCORE && d.hasScore();
            Denoiser density = flux ? (exactField ? d : exact.create()) : null;
            if (swirled) {
                d = org.scorefield.core.denoise.SwirledDenoiser.of(d, swirl);
            }
            // a velocity without a diffusion behind it (another source, or coupled pairs) is the flow's own
            String name = kind == FieldKind.VELOCITY && !d.gaussianNoise() ? "flow velocity dx/dt" : kind.displayName();
            String turn = !swirled ? "" : String.format(Locale.ROOT, flux ? ",  \u00fb with swirl "
                    + "s\u00b7\u03c3\u00b7J\u2207log p\u209c (s = %.2f)" : " + swirl s\u00b7\u03c3\u00b7J\u2207log "
                    + "p\u209c (s = %.2f)", swirl);
            String caption = flux && !exactField
                    ? String.format(Locale.ROOT, "flux p\u209c\u00b7\u00fb%s at t = %.2f\np\u209c exact,  \u00fb "
                            + "learned:  the data's density moved by the model's velocity%s", turn, tau,
                            sourceNote(exact.source(), null))
                    : String.format(Locale.ROOT, "%s %s%s%s at t = %.2f%s", exactField ? "exact" : "learned",
                            guided ? "guided " : "", name, turn, tau, sourceNote(exact.source(), exactField ? d : null))
                    + (guided ? "\n" + guide.describe() : "")
                    + (flux && guide.guidesField(shown) ? "\nunguided:  the guided flow's p\u209c has no closed form" : "");
            VectorGrid grid = kind.evaluate(d, density == null ? d : density, lines ? fine : spec, tau);
            List<double[]> traced = lines ? Streamlines.trace(grid, resolution, 2 * halfShort / 200, 400) : null;
            return new FieldResult(grid, null, traced, caption);
        }
    }

    /**
     * A second line "from 8 Gaussians" for a flow from another source, and, given the exact field's
     * oracle (null for a learned field), how a source known by points is smoothed.
     */
    static String sourceNote(org.scorefield.core.flow.FlowSource source, Denoiser exactField) {
        if (source.isGaussian()) {
            return "";
        }
        String note = "\nfrom " + source.displayName();
        if (exactField instanceof org.scorefield.core.flow.FlowOracle flow && flow.sourcePoints() > 0) {
            note += String.format(Locale.ROOT, "  (exact for %,d of its points,  smoothed by h = %.2f)",
                    flow.sourcePoints(), flow.bandwidth());
        }
        return note;
    }

    /** The field layer as shown now, or null when it is off or cannot be computed (no model, no data). */
    FieldRecipe fieldRecipe() {
        return fieldRecipe(halfWidth, halfHeight, model.sampling().omegaProperty().get());
    }

    /** The field layer over this rectangle, guided at {@code omega} where it is guided. */
    private FieldRecipe fieldRecipe(double halfW, double halfH, double omega) {
        FieldSource source = model.view().fieldSourceProperty().get();
        var trained = model.training().model();
        if (!model.view().showFieldProperty().get() || model.data().data().points().size() == 0
                || source != FieldSource.EXACT && trained.isEmpty()) {
            return null;
        }
        DataState.Data data = model.data().data();
        DenoiserChoice exact = source == FieldSource.EXACT
                ? DenoiserChoice.exact(data, model.exactPath())
                : DenoiserChoice.learned(trained.get(), data, model.exactPath().schedule()).exactTwin();
        // the classifier belongs to the data the model was trained on, as sampling attaches it
        DataState.Data trainedOn = model.training().runInputs().map(TrainingState.Inputs::data).orElse(data);
        DenoiserChoice learned = trained.map(m -> DenoiserChoice.learned(model.classifier().withClassifier(m,
                trainedOn), data, model.exactPath().schedule())).orElse(null);
        int resolution = model.view().fieldResolutionProperty().get();
        return new FieldRecipe(source, model.view().fieldKindProperty().get(), exact, learned,
                model.view().streamlinesProperty().get(), resolution, grid(resolution, halfW, halfH),
                grid(HEATMAP_CELLS / 2, halfW, halfH), Math.min(halfW, halfH),
                model.sampling().guidanceChoice().withOmega(omega), model.sampling().swirlProperty().get());
    }

    /**
     * The layers the canvas shows now, computed at any t on the thread that asks: what the screen
     * draws at that t, for an animation of it. Without the density for the split view, whose
     * heatmaps are its runs' end-point densities.
     */
    public LayersAt recipe(boolean withDensity) {
        return recipe(withDensity, halfWidth, halfHeight);
    }

    /**
     * As {@link #recipe(boolean)}, over a grid that reaches at least this far from the origin: an
     * export whose panes show more of the plane than the screen's (a wider frame) is covered to its
     * edges, with as many cells on its short side as the screen's grid.
     */
    public LayersAt recipe(boolean withDensity, double halfW, double halfH) {
        return recipe(withDensity, halfW, halfH, model.sampling().omegaProperty().get());
    }

    /**
     * As {@link #recipe(boolean, double, double)}, guided at another scale: the layers of the
     * right-hand pane of "\u03c9 a vs b", whose tilted density and guided field are those of \u03c9 of B.
     */
    public LayersAt recipe(boolean withDensity, double halfW, double halfH, double omega) {
        double w = Math.max(halfW, halfWidth);
        double h = Math.max(halfH, halfHeight);
        DensityRecipe d = withDensity ? densityRecipe(w, h, omega) : null;
        FieldRecipe f = fieldRecipe(w, h, omega);
        return t -> {
            FieldResult r = f == null ? null : f.at(t);
            HeatmapLayer heat = d == null ? HeatmapLayer.DENSITY : d.heat();
            return r == null ? new Layers(d == null ? null : d.at(t), null, null, null, null, heat)
                    : new Layers(d == null ? null : d.at(t), r.field(), r.difference(), r.lines(), r.caption(), heat);
        };
    }

    private void refreshEndpoints(SamplingState.Runs runs) {
        SamplingState.Run ode = runs.ode();
        SamplingState.Run sde = runs.sde();
        if (ode == null && sde == null) {
            model.jobs().drop("endpoints");
            endpointDensities.set(new ScalarGrid[2]);
            return;
        }
        GridSpec spec = grid(HEATMAP_CELLS);
        model.jobs().submit("endpoints", Lane.QUICK, job -> new ScalarGrid[] {
            endpointDensity(ode, spec), endpointDensity(sde, spec)}, endpointDensities::set);
    }

    /** A Gaussian kernel density estimate of a run's end points (the exact density of their empirical measure, blurred). */
    private static ScalarGrid endpointDensity(SamplingState.Run run, GridSpec spec) {
        if (run == null) {
            return null;
        }
        var paths = run.trajectories();
        double[] end = paths.positions()[paths.length() - 1];
        return ExactDensity.logDensityGrid(PointSet.of(end), 1, ENDPOINT_BANDWIDTH, spec);
    }

    /** t moved inside the range where the fields are defined (σ &gt; 0 and finite coefficients). */
    static double clampTime(Schedule schedule, double t) {
        return Math.max(schedule.tMin(), Math.min(schedule.tMax(), t));
    }

    /** Hands the layers to the canvas, unless nothing changed (a redraw is not free). */
    private void publish() {
        Layers now = layers.get();
        if (now.density() == density && now.field() == field.field() && now.difference() == field.difference()
                && now.lines() == field.lines() && java.util.Objects.equals(now.caption(), field.caption())
                && now.heat() == densityHeat) {
            return;
        }
        layers.set(new Layers(density, field.field(), field.difference(), field.lines(), field.caption(), densityHeat));
    }
}
