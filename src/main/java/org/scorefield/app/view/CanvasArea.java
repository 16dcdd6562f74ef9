package org.scorefield.app.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.scorefield.app.canvas.WorldCanvas;
import org.scorefield.app.canvas.WorldView;
import org.scorefield.app.frame.FrameComposer;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.model.FieldLayers;
import org.scorefield.app.model.ReflowState;
import org.scorefield.app.model.ViewState;
import org.scorefield.app.settings.Settings;
import org.scorefield.app.theme.Look;
import org.scorefield.core.sample.Trajectories;

/**
 * The canvases: one in the single view, two side by side (PF-ODE and reverse SDE, one scrubber) in
 * the split view, and the same two for models A and B in the compare view. Composes each frame on the FX thread from what is already computed (the particles
 * at t, the layers of {@link FieldLayers}, the sampling runs) and handles the mouse: a click starts
 * trajectories, a drag paints or erases points; a CSV file dropped here is imported.
 */
public final class CanvasArea extends StackPane {

    static final double BRUSH_RADIUS = 0.18;
    static final int BRUSH_POINTS = 3;
    static final double ERASER_RADIUS = 0.3;

    private final ExplorerModel model;
    private final FieldLayers layers;
    private final FrameComposer composer;
    private final Runnable onClickStarted;
    private final WorldCanvas single = new WorldCanvas(WorldView.DEFAULT, "fieldCanvas");
    private final WorldCanvas ode = new WorldCanvas(WorldView.DEFAULT, "odeCanvas");
    private final WorldCanvas sde = new WorldCanvas(WorldView.DEFAULT, "sdeCanvas");
    private final HBox splitBox = new HBox(ode, sde);
    private final List<WorldCanvas> roundCanvases = new ArrayList<>();
    private final javafx.scene.layout.GridPane roundsBox = new javafx.scene.layout.GridPane();
    private boolean redrawPending;
    /** The lecturer's pen over the canvases: on screen only, never in an export. */
    private final Annotations annotations = new Annotations();

    CanvasArea(ExplorerModel model, FieldLayers layers, Runnable onClickStarted) {
        this.model = model;
        this.layers = layers;
        this.composer = new FrameComposer(model);
        this.onClickStarted = onClickStarted;
        getStyleClass().add("canvas-area");
        // the canvas gives way first when the bars above and below it need the height (1024 × 700)
        setMinSize(160, 120);
        // nothing drawn in it reaches over the bars around it, whatever the sizes
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        splitBox.getStyleClass().add("split-box");
        HBox.setHgrow(ode, Priority.ALWAYS);
        HBox.setHgrow(sde, Priority.ALWAYS);
        roundsBox.getStyleClass().addAll("split-box", "rounds-grid");
        for (int k = 0; k < Settings.SIDE_BY_SIDE_ROUNDS; k++) {
            WorldCanvas c = new WorldCanvas(WorldView.DEFAULT, "roundCanvas" + k);
            javafx.scene.layout.GridPane.setHgrow(c, Priority.ALWAYS);
            javafx.scene.layout.GridPane.setVgrow(c, Priority.ALWAYS);
            roundCanvases.add(c);
        }
        widthProperty().addListener(obs -> areaChanged());
        heightProperty().addListener(obs -> areaChanged());
        List<WorldCanvas> all = new ArrayList<>(List.of(single, ode, sde));
        all.addAll(roundCanvases);
        for (WorldCanvas c : all) {
            c.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> mouse(c, e, true));
            c.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> mouse(c, e, false));
            c.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> model.undo().endGesture()); // a stroke is one undo
            c.widthProperty().addListener(obs -> visibleAreaChanged());
            c.heightProperty().addListener(obs -> visibleAreaChanged());
            c.canvas().widthProperty().addListener(obs -> paneSizeChanged());
            c.canvas().heightProperty().addListener(obs -> paneSizeChanged());
        }
        showView();
        annotations.look(model.view().lookProperty()::get);
        ReflowState reflow = model.reflow();
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {model.view().splitProperty(),
                model.view().compareProperty(), model.view().omegaSplitProperty(), model.view().roundsViewProperty(),
                model.view().likelihoodProperty(), model.view().sdfProperty(), model.view().langevinProperty(),
                reflow.roundsProperty(), reflow.sideBySideProperty(),
                reflow.shownRoundProperty()}) {
            o.addListener(obs -> showView());
        }

        for (javafx.beans.Observable o : new javafx.beans.Observable[] {model.view().timeProperty(),
                model.process().scheduleProperty(), model.data().dataProperty(), model.view().showDataProperty(),
                model.view().showSamplesProperty(), model.view().showDensityProperty(), model.view().arrowScaleProperty(),
                model.sampling().runsProperty(), model.sampling().clicksProperty(),
                model.sampling().showDenoisedProperty(), model.sampling().pathsProperty(),
                layers.layersProperty(), layers.endpointDensitiesProperty(), model.view().lookProperty(),
                model.pairs().pairsProperty(), model.view().showPairsProperty(), model.probe().probeProperty(), model.view().toolProperty(),
                model.exactPathProperty(), model.continuity().cellsProperty(), model.continuity().problemProperty(),
                model.view().continuityProperty()}) {
            o.addListener(obs -> requestRedraw());
        }
        // the mean-shift probe and the denoising-vs-sampling mode
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {model.meanShift().onProperty(),
                model.meanShift().xProperty(), model.meanShift().yProperty(), model.meanShift().learnedProperty(),
                model.sampling().stepsProperty(), model.denoising().onProperty()}) {
            o.addListener(obs -> requestRedraw());
        }
        // log p\u2080: the maps and the clicked point's climb
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {model.likelihood().mapsProperty(),
                model.likelihood().climbProperty()}) {
            o.addListener(obs -> requestRedraw());
        }
        // SDF: the run as it goes, its arrows and its status
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {model.sdf().snapshotProperty(),
                model.sdf().fieldsProperty(), model.sdf().statusProperty()}) {
            o.addListener(obs -> requestRedraw());
        }
        // Langevin: the runs as they come; the data layer's Brownian paths
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {model.langevin().runsProperty(),
                model.langevin().failureProperty(), model.forwardPaths().drawnProperty(),
                model.view().forwardPathsProperty()}) {
            o.addListener(obs -> requestRedraw());
        }
        // ω a vs b: the right-hand pane's run, layers and ω
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {model.guidanceSplit().runProperty(),
                layers.layersBProperty(), model.sampling().omegaBProperty()}) {
            o.addListener(obs -> requestRedraw());
        }
        // the compare view's titles and figures
        var compare = model.compare();
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {compare.runProperty(),
                compare.problemProperty(), compare.variesProperty(), compare.b().stepsProperty(),
                compare.b().lossProperty(), compare.b().startingProperty(), compare.b().modelProperty(),
                model.training().stepsProperty(), model.training().lossProperty(),
                model.training().startingProperty()}) {
            o.addListener(obs -> {
                if (model.view().compareProperty().get()) {
                    requestRedraw();
                }
            });
        }
        requestRedraw();
    }

    /** The annotation pen's strokes over the canvas. */
    Annotations annotations() {
        return annotations;
    }

    /** Whether the canvas shows the Reflow rounds (chosen, and there are some). */
    boolean showsRounds() {
        return composer.showsRounds();
    }

    /** Whether the panes stand in the grid: the Reflow rounds, the three maps of log p\u2080, or the three Langevin runs. */
    private boolean inGrid() {
        return showsRounds() || likelihoodGrid()
                || model.view().langevinProperty().get() && model.langevin().problem().isEmpty();
    }

    /** Whether the log p\u2080 view shows its three maps (not one canvas that says why it cannot). */
    private boolean likelihoodGrid() {
        return model.view().likelihoodProperty().get() && model.likelihood().problem().isEmpty();
    }

    private void showView() {
        if (inGrid()) {
            arrangeRounds();
            getChildren().setAll(roundsBox, annotations);
        } else {
            getChildren().setAll(twoPanes() ? splitBox : single, annotations);
        }
        paneSizeChanged(); // another canvas may be the first now
        requestRedraw();
    }

    /** The first canvas's pixels, which a figure and an animation of one canvas take. */
    private void paneSizeChanged() {
        var c = primaryCanvas().canvas();
        if (c.getWidth() > 0 && c.getHeight() > 0) {
            model.view().paneSizeProperty().set(new ViewState.Size(c.getWidth(), c.getHeight()));
        }
    }

    private void areaChanged() {
        model.view().areaSizeProperty().set(new ViewState.Size(getWidth(), getHeight()));
        arrangeRounds();
    }

    /**
     * Lays the shown rounds out in the grid whose cells are the largest squares: side by side in a
     * wide area, 2 × 2 for four rounds in a square one.
     */
    private void arrangeRounds() {
        if (!inGrid()) {
            return;
        }
        int n = showsRounds() ? model.reflow().shown().size() : 3;
        int columns = org.scorefield.app.canvas.PanelGrid.columnsFor(n, Math.max(1, getWidth()), Math.max(1, getHeight()));
        int rows = (n + columns - 1) / columns;
        if (roundsBox.getChildren().size() == n && roundsBox.getColumnCount() == columns) {
            return;
        }
        roundsBox.getChildren().clear();
        roundsBox.getColumnConstraints().clear();
        roundsBox.getRowConstraints().clear();
        for (int c = 0; c < columns; c++) {
            javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            roundsBox.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows; r++) {
            javafx.scene.layout.RowConstraints rc = new javafx.scene.layout.RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            roundsBox.getRowConstraints().add(rc);
        }
        for (int k = 0; k < n; k++) {
            roundsBox.add(roundCanvases.get(k), k % columns, k / columns);
        }
    }

    /** The canvas a figure is made of: the single one, the PF-ODE one in the split view, the first round's. */
    WorldCanvas primaryCanvas() {
        return inGrid() ? roundCanvases.get(0) : twoPanes() ? ode : single;
    }

    /** Whether two canvases stand side by side: ODE vs SDE, A vs B, or ω a vs b (once there is a class to guide to). */
    private boolean twoPanes() {
        return model.view().splitProperty().get() || model.view().compareProperty().get()
                || model.view().sdfProperty().get()
                || model.view().omegaSplitProperty().get() && model.guidanceSplit().problem().isEmpty();
    }

    private void visibleAreaChanged() {
        WorldCanvas c = primaryCanvas();
        double w = c.getWidth();
        double h = c.getHeight();
        if (w > 1 && h > 1) {
            // at least the whole square: a narrow pane frames less of it than an export of the same view
            double[] half = c.view().visibleHalfSizes(w, h);
            double square = c.view().halfSize();
            layers.setVisibleHalfSize(Math.max(square, half[0]), Math.max(square, half[1]));
        }
    }

    /** Redraws once at the next pulse, however many inputs changed meanwhile. */
    void requestRedraw() {
        if (redrawPending) {
            return;
        }
        redrawPending = true;
        Platform.runLater(() -> {
            redrawPending = false;
            redraw();
        });
    }

    /** Draws the current frame(s) now: the view on screen, composed as its exports compose it. */
    public void redraw() {
        if (getChildren().get(0) != (inGrid() ? roundsBox : twoPanes() ? splitBox : single)) {
            showView(); // ω a vs b: a class chosen (two panes) or none (one canvas that says what to do)
        }
        Look look = model.view().lookProperty().get();
        FieldLayers.Layers now = layers.layersProperty().get();
        FrameComposer.Scene scene = composer.shown(t -> now);
        double t = model.view().timeProperty().get();
        List<WorldCanvas> canvases = inGrid() ? roundCanvases
                : twoPanes() ? List.of(ode, sde) : List.of(single);
        for (int k = 0; k < scene.panes().size(); k++) {
            WorldCanvas c = canvases.get(k);
            c.setLook(look);
            c.setFrame(scene.panes().get(k).onScreen(t));
        }
    }

    private void mouse(WorldCanvas canvas, MouseEvent e, boolean pressed) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        double[] world = canvas.toWorld(e.getX(), e.getY());
        switch (model.view().toolProperty().get()) {
            case LOOK -> {
                if (pressed && model.view().langevinProperty().get()) {
                    model.messageProperty().set("The Langevin view replays its three runs: press Replay, or drag t "
                            + "from 1 (the start) to 0 (the last step).");
                } else if (pressed && model.view().likelihoodProperty().get()) {
                    model.likelihood().climbFrom(world[0], world[1]);
                    model.messageProperty().set(String.format(Locale.ROOT, "(%.2f, %.2f) climbs to the prior: move t "
                            + "(or play towards the noise) to watch \u2113 add up.", world[0], world[1]));
                } else if (pressed && model.view().sdfProperty().get()) {
                    model.messageProperty().set("The particles move by themselves: press Run under Score-difference "
                            + "flow. Draw and Erase change the target.");
                } else if (pressed && model.view().compareProperty().get() && canvas == sde) {
                    // the clicked paths are A's model's, drawn in A's pane: say so rather than draw them elsewhere
                    model.messageProperty().set("Paths from a click follow A's model: click in A's pane (left).");
                } else if (pressed && model.view().omegaSplitProperty().get() && canvas == sde) {
                    model.messageProperty().set("Paths from a click are guided at the left pane's \u03c9: click in "
                            + "the left pane.");
                } else if (pressed) {
                    model.sampling().startAt(world[0], world[1]);
                    model.messageProperty().set(String.format(Locale.ROOT,
                            "Trajectories start at (%.2f, %.2f) at t = 1, seed %d.", world[0], world[1],
                            model.sampling().seedProperty().get()));
                    onClickStarted.run();
                }
            }
            case BRUSH -> {
                int brushClass = model.view().brushClassProperty().get();
                String relabel = model.data().classesOnBrushing(brushClass);
                int before = model.data().data().points().size();
                if (pressed) {
                    model.undo().beginGesture();
                }
                model.data().brush(world[0], world[1], BRUSH_RADIUS, BRUSH_POINTS, brushClass);
                if (!relabel.isEmpty()) {
                    model.messageProperty().set(String.format(Locale.ROOT, "Drawing class %d: the %,d points "
                            + "without classes are class 0 now (Ctrl+Z undoes the stroke).", brushClass, before));
                }
            }
            case ERASE -> {
                if (pressed) {
                    model.undo().beginGesture();
                }
                model.data().erase(world[0], world[1], ERASER_RADIUS);
            }
            case CELLS -> {
                if (pressed) {
                    model.undo().beginGesture();
                    model.view().cellsXProperty().set(Math.max(-8, Math.min(8, world[0])));
                    model.view().cellsYProperty().set(Math.max(-8, Math.min(8, world[1])));
                    model.view().continuityProperty().set(true);
                    model.messageProperty().set(String.format(Locale.ROOT, "Continuity cells around (%.2f, %.2f): "
                            + "each cell's mass changes exactly as fast as p\u209c\u00b7\u00fb flows in.",
                            world[0], world[1]));
                }
            }
            case MEAN_SHIFT -> {
                if (pressed) {
                    model.meanShift().place(world[0], world[1]);
                    model.messageProperty().set(String.format(Locale.ROOT, "Mean shift at (%.2f, %.2f): scrub t "
                            + "to watch the bandwidth shrink and the weights gather on one point.", world[0], world[1]));
                }
            }
            case PROBE -> {
                if (pressed) {
                    model.probe().place(world[0], world[1], canvas == sde ? 1 : 0);
                    model.messageProperty().set(String.format(Locale.ROOT,
                            "Velocity at (%.2f, %.2f): scrub t to see the conditional targets and their mean change.",
                            world[0], world[1]));
                }
            }
        }
        e.consume();
    }
}
