package org.scorefield.app.model;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.scorefield.app.settings.CanvasTool;
import org.scorefield.app.settings.FieldSource;
import org.scorefield.app.settings.Settings;
import org.scorefield.app.theme.Look;
import org.scorefield.core.field.FieldKind;

/**
 * What the canvas shows and how the window looks: the time t, which view (single, ODE vs SDE, the
 * Reflow rounds, A vs B, ω a vs b), which layers, the field's settings, the tool a click uses, the theme, and how
 * the scrubber plays. State only: the canvas reads it, nothing here draws. Lives on the FX thread.
 */
public final class ViewState {

    /** A size on screen, in pixels. */
    public record Size(double width, double height) {
    }

    private final DoubleProperty time;
    private final ObjectProperty<Look> look = new SimpleObjectProperty<>(
            new Look(Settings.DARK.defaultValue(), Settings.PRESENTER.defaultValue()));
    private final BooleanProperty split;
    private final BooleanProperty roundsView;
    private final BooleanProperty compare;
    private final BooleanProperty omegaSplit;
    private final BooleanProperty likelihood;
    private final BooleanProperty sdf;
    private final BooleanProperty langevin;
    private final ObjectProperty<org.scorefield.app.settings.ForwardPaths> forwardPaths;
    private final ObjectProperty<CanvasTool> tool;
    private final BooleanProperty showData;
    private final BooleanProperty showDensity;
    private final ObjectProperty<org.scorefield.app.settings.HeatmapLayer> heatmap;
    private final javafx.beans.property.IntegerProperty brushClass;
    private final BooleanProperty showSamples;
    private final BooleanProperty showField;
    private final ObjectProperty<FieldKind> fieldKind;
    private final ObjectProperty<FieldSource> fieldSource;
    private final BooleanProperty streamlines;
    private final IntegerProperty fieldResolution;
    private final DoubleProperty arrowScale;
    private final BooleanProperty continuity;
    private final DoubleProperty cellsX;
    private final DoubleProperty cellsY;
    private final BooleanProperty showPairs;
    private final BooleanProperty loop;
    private final BooleanProperty towardsData;
    private final DoubleProperty speed;
    private final ObjectProperty<org.scorefield.core.schedule.TimeWarp.Kind> timeScale;
    private final ObjectProperty<Size> paneSize = new SimpleObjectProperty<>(new Size(800, 600));
    private final ObjectProperty<Size> areaSize = new SimpleObjectProperty<>(new Size(800, 600));

    /** @param values where the view's settings are owned */
    public ViewState(SettingValues values) {
        time = values.number(Settings.TIME);
        split = values.flag(Settings.SPLIT);
        roundsView = values.flag(Settings.ROUNDS);
        compare = values.flag(Settings.COMPARE);
        omegaSplit = values.flag(Settings.OMEGA_SPLIT);
        likelihood = values.flag(Settings.LIKELIHOOD_VIEW);
        sdf = values.flag(Settings.SDF_VIEW);
        langevin = values.flag(Settings.LANGEVIN_VIEW);
        forwardPaths = values.object(Settings.FORWARD_PATHS);
        tool = values.object(Settings.TOOL);
        showData = values.flag(Settings.SHOW_DATA);
        showDensity = values.flag(Settings.SHOW_DENSITY);
        heatmap = values.object(Settings.HEATMAP);
        brushClass = values.integer(Settings.BRUSH_CLASS);
        showSamples = values.flag(Settings.SHOW_SAMPLES);
        showField = values.flag(Settings.SHOW_FIELD);
        fieldKind = values.object(Settings.FIELD_KIND);
        fieldSource = values.object(Settings.FIELD_SOURCE);
        streamlines = values.flag(Settings.STREAMLINES);
        fieldResolution = values.integer(Settings.FIELD_RESOLUTION);
        arrowScale = values.number(Settings.ARROW_SCALE);
        continuity = values.flag(Settings.CONTINUITY);
        cellsX = values.number(Settings.CELLS_X);
        cellsY = values.number(Settings.CELLS_Y);
        showPairs = values.flag(Settings.SHOW_PAIRS);
        loop = values.flag(Settings.LOOP);
        towardsData = values.flag(Settings.TOWARDS_DATA);
        speed = values.number(Settings.SPEED);
        timeScale = values.object(Settings.TIME_SCALE);
        values.bind(Settings.DARK, look, () -> look.get().dark(), on -> look.set(look.get().withDark(on)));
        values.bind(Settings.PRESENTER, look, () -> look.get().presenter(),
                on -> look.set(look.get().withPresenter(on)));
        // The rounds view, the split view, the compare view, ω a vs b, log p₀, SDF and Langevin exclude each other.
        List<BooleanProperty> views = Settings.VIEWS.stream().map(v -> (BooleanProperty) values.holder(v)).toList();
        for (BooleanProperty v : views) {
            v.addListener((obs, old, on) -> {
                if (on) {
                    views.stream().filter(other -> other != v).forEach(other -> other.set(false));
                }
            });
        }
    }

    /** Whether the block of continuity cells is drawn (docs/math.md §8.10). */
    public BooleanProperty continuityProperty() {
        return continuity;
    }

    /** The x of the centre of the block of continuity cells. */
    public DoubleProperty cellsXProperty() {
        return cellsX;
    }

    /** The y of the centre of the block of continuity cells. */
    public DoubleProperty cellsYProperty() {
        return cellsY;
    }

    /** The scrubber's time: 0 is the data, 1 is pure noise. */
    public DoubleProperty timeProperty() {
        return time;
    }

    /** Theme and presenter mode. */
    public ObjectProperty<Look> lookProperty() {
        return look;
    }

    /** PF-ODE and the SDE side by side. */
    public BooleanProperty splitProperty() {
        return split;
    }

    /** The Reflow rounds on the canvas instead of the sampling runs. */
    public BooleanProperty roundsViewProperty() {
        return roundsView;
    }

    /** Model A beside model B, trained with one setting different (see {@link CompareState}). */
    public BooleanProperty compareProperty() {
        return compare;
    }

    /** Guidance at ω beside guidance at ω of B, from the same noise (see {@link GuidanceSplit}). */
    public BooleanProperty omegaSplitProperty() {
        return omegaSplit;
    }

    /** The model's log p₀ beside the exact one and their difference (see {@link LikelihoodView}). */
    public BooleanProperty likelihoodProperty() {
        return likelihood;
    }

    /** Score-difference flow beside flow matching from the same particles (see {@link SdfState}). */
    public BooleanProperty sdfProperty() {
        return sdf;
    }

    /** Langevin at one σ, score ascent and annealed Langevin side by side (see {@link LangevinView}). */
    public BooleanProperty langevinProperty() {
        return langevin;
    }

    /** Whether the data layer follows fixed-ε paths or Brownian paths of the forward SDE. */
    public ObjectProperty<org.scorefield.app.settings.ForwardPaths> forwardPathsProperty() {
        return forwardPaths;
    }

    /** What a click or drag on the canvas does. */
    public ObjectProperty<CanvasTool> toolProperty() {
        return tool;
    }

    /** The data noised to t (forward process). */
    public BooleanProperty showDataProperty() {
        return showData;
    }

    /** What the heatmap layer shows: p_t, the classifier p_t(c | x) or the tilted density. */
    public ObjectProperty<org.scorefield.app.settings.HeatmapLayer> heatmapProperty() {
        return heatmap;
    }

    /** The class of the points the brush draws. */
    public javafx.beans.property.IntegerProperty brushClassProperty() {
        return brushClass;
    }

    /** The heatmap layer (the exact density p_t unless {@link #heatmapProperty()} says otherwise). */
    public BooleanProperty showDensityProperty() {
        return showDensity;
    }

    /** Sampled trajectories and their particles at t. */
    public BooleanProperty showSamplesProperty() {
        return showSamples;
    }

    public BooleanProperty showFieldProperty() {
        return showField;
    }

    public ObjectProperty<FieldKind> fieldKindProperty() {
        return fieldKind;
    }

    public ObjectProperty<FieldSource> fieldSourceProperty() {
        return fieldSource;
    }

    /** Streamlines instead of arrows. */
    public BooleanProperty streamlinesProperty() {
        return streamlines;
    }

    /** Arrows per side of the field grid. */
    public IntegerProperty fieldResolutionProperty() {
        return fieldResolution;
    }

    public DoubleProperty arrowScaleProperty() {
        return arrowScale;
    }

    /** One batch's pairs under the chosen coupling, as the straight paths x_t = (1 − t)x₀ + t·x₁. */
    public BooleanProperty showPairsProperty() {
        return showPairs;
    }

    /** Playing turns round at each end. */
    public BooleanProperty loopProperty() {
        return loop;
    }

    /** Playing moves t towards the data (t → 0), else towards the noise. */
    public BooleanProperty towardsDataProperty() {
        return towardsData;
    }

    /** What the time slider and playing are uniform in. */
    public ObjectProperty<org.scorefield.core.schedule.TimeWarp.Kind> timeScaleProperty() {
        return timeScale;
    }

    /** Playing speed: 1 sweeps from noise to data in five seconds. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** The size of the (first) canvas on screen: what a figure and an animation of one canvas take. */
    public ObjectProperty<Size> paneSizeProperty() {
        return paneSize;
    }

    /** The size of the whole canvas area (all panes of the split and Reflow views). */
    public ObjectProperty<Size> areaSizeProperty() {
        return areaSize;
    }
}
