package org.scorefield.app;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.scorefield.app.canvas.CanvasFrame;
import org.scorefield.app.canvas.TrajectoryRole;
import org.scorefield.app.canvas.WorldCanvas;
import org.scorefield.app.settings.CanvasTool;
import org.scorefield.core.field.ScalarGrid;
import org.scorefield.core.sample.Trajectories;

/**
 * The canvases: one in the single view, two side by side (PF-ODE and reverse SDE, one scrubber) in
 * the split view. Composes each frame on the FX thread from what is already computed (the particles
 * at t, the layers of {@link FieldLayers}, the sampling runs) and handles the mouse: a click starts
 * trajectories, a drag paints or erases points; a CSV file dropped here is imported.
 */
final class CanvasArea extends StackPane {

    static final double BRUSH_RADIUS = 0.18;
    static final int BRUSH_POINTS = 3;
    static final double ERASER_RADIUS = 0.3;
    /** Pairs drawn by the Show pairs switch: one coupling chunk. */
    static final int PAIR_BATCH = org.scorefield.core.flow.Coupling.CHUNK;

    private final ExplorerModel model;
    private final FieldLayers layers;
    private final Runnable onClickStarted;
    private final WorldCanvas single = new WorldCanvas(WorldView.DEFAULT, "fieldCanvas");
    private final WorldCanvas ode = new WorldCanvas(WorldView.DEFAULT, "odeCanvas");
    private final WorldCanvas sde = new WorldCanvas(WorldView.DEFAULT, "sdeCanvas");
    private final HBox splitBox = new HBox(ode, sde);
    private final List<WorldCanvas> roundCanvases = new ArrayList<>();
    private final javafx.scene.layout.GridPane roundsBox = new javafx.scene.layout.GridPane();
    private boolean redrawPending;

    CanvasArea(ExplorerModel model, FieldLayers layers, Runnable onClickStarted) {
        this.model = model;
        this.layers = layers;
        this.onClickStarted = onClickStarted;
        getStyleClass().add("canvas-area");
        splitBox.getStyleClass().add("split-box");
        HBox.setHgrow(ode, Priority.ALWAYS);
        HBox.setHgrow(sde, Priority.ALWAYS);
        roundsBox.getStyleClass().addAll("split-box", "rounds-grid");
        for (int k = 0; k < ReflowState.SIDE_BY_SIDE; k++) {
            WorldCanvas c = new WorldCanvas(WorldView.DEFAULT, "roundCanvas" + k);
            javafx.scene.layout.GridPane.setHgrow(c, Priority.ALWAYS);
            javafx.scene.layout.GridPane.setVgrow(c, Priority.ALWAYS);
            roundCanvases.add(c);
        }
        widthProperty().addListener(obs -> arrangeRounds());
        heightProperty().addListener(obs -> arrangeRounds());
        List<WorldCanvas> all = new ArrayList<>(List.of(single, ode, sde));
        all.addAll(roundCanvases);
        for (WorldCanvas c : all) {
            c.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> mouse(c, e, true));
            c.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> mouse(c, e, false));
            c.widthProperty().addListener(obs -> visibleAreaChanged());
            c.heightProperty().addListener(obs -> visibleAreaChanged());
        }
        showView();
        ReflowState reflow = model.reflow();
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {model.view().splitProperty(),
                model.view().roundsViewProperty(), reflow.roundsProperty(), reflow.sideBySideProperty(),
                reflow.shownRoundProperty()}) {
            o.addListener(obs -> showView());
        }
        acceptDroppedFiles();

        for (javafx.beans.Observable o : new javafx.beans.Observable[] {model.view().timeProperty(),
                model.process().scheduleProperty(), model.data().dataProperty(), model.view().showDataProperty(),
                model.view().showSamplesProperty(), model.view().showDensityProperty(), model.view().arrowScaleProperty(),
                model.sampling().runsProperty(), model.sampling().clicksProperty(),
                model.sampling().showDenoisedProperty(), model.sampling().pathsProperty(),
                layers.layersProperty(), layers.endpointDensitiesProperty(), model.view().lookProperty(),
                model.pairs().pairsProperty(), model.view().showPairsProperty(), model.probe().probeProperty(), model.view().toolProperty(),
                model.exactPathProperty()}) {
            o.addListener(obs -> requestRedraw());
        }
        requestRedraw();
    }

    /** Whether the canvas shows the Reflow rounds (chosen, and there are some). */
    boolean showsRounds() {
        return model.view().roundsViewProperty().get() && !model.reflow().rounds().isEmpty();
    }

    private void showView() {
        if (showsRounds()) {
            arrangeRounds();
            getChildren().setAll(roundsBox);
        } else {
            getChildren().setAll(model.view().splitProperty().get() ? splitBox : single);
        }
        requestRedraw();
    }

    /**
     * Lays the shown rounds out in the grid whose cells are the largest squares: side by side in a
     * wide area, 2 × 2 for four rounds in a square one.
     */
    private void arrangeRounds() {
        if (!showsRounds()) {
            return;
        }
        int n = model.reflow().shown().size();
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
        return showsRounds() ? roundCanvases.get(0) : model.view().splitProperty().get() ? ode : single;
    }

    private void visibleAreaChanged() {
        WorldCanvas c = showsRounds() ? roundCanvases.get(0) : model.view().splitProperty().get() ? ode : single;
        double w = c.getWidth();
        double h = c.getHeight();
        if (w > 1 && h > 1) {
            double half = c.view().halfSize();
            layers.setVisibleHalfSize(half * w / Math.min(w, h), half * h / Math.min(w, h));
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

    /**
     * The SDE pane of a flow whose x₁ is not N(0, I) noise independent of x₀ (another source, or
     * coupled pairs): only its ODE has the flow's marginals. Short phrases, so that it keeps the
     * title's size in a narrow pane.
     */
    static final String NO_SDE = "No reverse SDE:  x\u2081 is not  Gaussian noise";

    /** Draws the current frame(s) now. */
    void redraw() {
        Look look = model.view().lookProperty().get();
        SamplingState.Runs runs = model.sampling().runsProperty().get();
        List<SamplingState.Click> clicks = model.sampling().clicksProperty().get();
        ScalarGrid[] endpoints = layers.endpointDensitiesProperty().get();
        if (showsRounds()) {
            List<org.scorefield.core.flow.Reflow.Round> shown = model.reflow().shown();
            for (int k = 0; k < shown.size(); k++) {
                WorldCanvas c = roundCanvases.get(k);
                c.setLook(look);
                c.setFrame(roundFrame(shown.get(k)));
            }
        } else if (model.view().splitProperty().get()) {
            ode.setLook(look);
            sde.setLook(look);
            ode.setFrame(frame(runs.ode(), join(clicks, SamplingState.Click::ode), TrajectoryRole.ODE, endpoints[0]));
            CanvasFrame sdeFrame = frame(runs.sde(), join(clicks, SamplingState.Click::sde), TrajectoryRole.SDE,
                    endpoints[1]);
            if (runs.ode() != null && runs.sde() == null) {
                sdeFrame = sdeFrame.withTitle(NO_SDE);
            }
            sde.setFrame(sdeFrame);
        } else {
            single.setLook(look);
            SamplingState.Run run = runs.single();
            boolean stochastic = run != null && run.settings().kind().isStochastic(run.settings());
            single.setFrame(frame(run, join(clicks, SamplingState.Click::single),
                    stochastic ? TrajectoryRole.SDE : TrajectoryRole.ODE, null));
        }
    }

    /**
     * One Reflow round: its Euler paths from the evaluation sources (the same for every round) up to
     * t, over the noised data, titled with the round's figures.
     */
    private CanvasFrame roundFrame(org.scorefield.core.flow.Reflow.Round round) {
        double t = model.view().timeProperty().get();
        CanvasFrame frame = CanvasFrame.EMPTY;
        DataState.Data data = model.data().data();
        if (model.view().showDataProperty().get()) {
            frame = frame.withParticles(data.points().xy(), data.points().labels());
        }
        frame = frame.withTrajectories(round.paths(), t, model.sampling().pathsProperty().get(), TrajectoryRole.ODE);
        return frame.withTitle(org.scorefield.app.export.Animation.roundTitle(round.metrics()));
    }

    private CanvasFrame frame(SamplingState.Run run, Trajectories clicked, TrajectoryRole role,
            ScalarGrid endpointDensity) {
        String runTitle = run == null ? null : run.title();
        double t = model.view().timeProperty().get();
        FieldLayers.Layers l = layers.layersProperty().get();
        ScalarGrid density = !model.view().showDensityProperty().get() ? null
                : model.view().splitProperty().get() ? endpointDensity : l.density();
        CanvasFrame frame = FieldLayers.decorate(CanvasFrame.EMPTY, l.difference(), density, l.field(), l.lines(),
                model.view().arrowScaleProperty().get());
        DataState.Data data = model.data().data();
        if (model.view().showDataProperty().get()) {
            frame = frame.withParticles(model.noising().at(model.exactPath().schedule(), t), data.points().labels());
        }
        boolean samples = model.view().showSamplesProperty().get();
        Trajectories pairs = model.view().showPairsProperty().get() ? model.pairs().pairsProperty().get() : null;
        if (pairs != null) {
            // the pairs replace the samples: both are paths from t = 1 to the data
            frame = frame.withTrajectories(pairs, t, pairs.particles(), TrajectoryRole.ODE);
            samples = false;
            runTitle = String.format(Locale.ROOT, "%d training pairs  ·  %s coupling", pairs.particles(),
                    model.training().couplingProperty().get().displayName());
        } else if (samples && run != null) {
            frame = frame.withTrajectories(run.trajectories(), t, model.sampling().pathsProperty().get(), role);
        } else {
            frame = frame.withTrajectories(null, t, 0, role);
        }
        if (clicked != null) {
            frame = frame.withClicked(clicked);
        }
        frame = frame.withShowDenoised(model.sampling().showDenoisedProperty().get());
        org.scorefield.core.flow.VelocityProbe probe = model.probe().probeProperty().get();
        if (probe != null && model.view().toolProperty().get() == CanvasTool.PROBE) {
            frame = frame.withProbe(probe);
        }
        List<String> title = new ArrayList<>();
        if ((samples || pairs != null) && runTitle != null) {
            title.add(runTitle);
        }
        if (l.caption() != null) {
            title.add(l.caption());
        }
        if (model.view().splitProperty().get() && model.view().showDensityProperty().get() && endpointDensity != null) {
            title.add("heatmap: density of the end points");
        }
        if (frame.probe() != null) {
            title.add("red: exact marginal velocity of independent pairs from "
                    + model.exactPath().source().displayName() + "  ·  "
                    + (probe.learned() != null ? "green: learned  ·  " : "")
                    + "grey: x₁ − x₀ of the pairs through the point");
        }
        return frame.withTitle(title.isEmpty() ? null : String.join("\n", title));
    }

    /** Every click's trajectories of one kind as one set of paths (they share their time grid). */
    static Trajectories join(List<SamplingState.Click> clicks, java.util.function.Function<SamplingState.Click,
            Trajectories> which) {
        List<Trajectories> parts = clicks.stream().map(which).filter(java.util.Objects::nonNull).toList();
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

    private void mouse(WorldCanvas canvas, MouseEvent e, boolean pressed) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        double[] world = canvas.toWorld(e.getX(), e.getY());
        switch (model.view().toolProperty().get()) {
            case LOOK -> {
                if (pressed) {
                    model.sampling().startAt(world[0], world[1]);
                    model.messageProperty().set(String.format(Locale.ROOT,
                            "Trajectories start at (%.2f, %.2f) at t = 1, seed %d.", world[0], world[1],
                            model.sampling().seedProperty().get()));
                    onClickStarted.run();
                }
            }
            case BRUSH -> model.data().brush(world[0], world[1], BRUSH_RADIUS, BRUSH_POINTS, 0);
            case ERASE -> model.data().erase(world[0], world[1], ERASER_RADIUS);
            case PROBE -> {
                if (pressed) {
                    model.probe().pointProperty().set(new double[] {world[0], world[1]});
                    model.messageProperty().set(String.format(Locale.ROOT,
                            "Velocity at (%.2f, %.2f): scrub t to see the conditional targets and their mean change.",
                            world[0], world[1]));
                }
            }
        }
        e.consume();
    }

    private void acceptDroppedFiles() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            if (!files.isEmpty()) {
                DataSection.importFile(model, files.get(0).toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }
}
