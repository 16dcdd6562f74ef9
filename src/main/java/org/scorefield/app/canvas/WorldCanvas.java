package org.scorefield.app.canvas;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import org.scorefield.app.theme.Look;
import org.scorefield.app.canvas.WorldView;

/**
 * A region that lays out one {@link Canvas} to its full size and repaints its {@link CanvasFrame}
 * whenever the size, the frame or the look changes (after jfreechart-fx's {@code ChartViewer}: a
 * Canvas does not resize itself, so the Region owns the size). It also maps mouse positions back
 * to the plane, for clicks that start trajectories.
 */
public final class WorldCanvas extends Region {

    /** The canvas id the explorer's tests look up. */
    public static final String DEFAULT_ID = "fieldCanvas";

    private final Canvas canvas = new Canvas();
    private final FramePainter painter = new FramePainter();
    private final WorldView view;
    private CanvasFrame frame = CanvasFrame.EMPTY;
    private Look look = Look.DEFAULT;

    /** A canvas with the id {@value #DEFAULT_ID}. */
    public WorldCanvas(WorldView view) {
        this(view, DEFAULT_ID);
    }

    public WorldCanvas(WorldView view, String canvasId) {
        this.view = view;
        canvas.setId(canvasId);
        getStyleClass().add("world-canvas");
        getChildren().add(canvas);
    }

    /** Shows this frame. */
    public void setFrame(CanvasFrame frame) {
        this.frame = frame == null ? CanvasFrame.EMPTY : frame;
        redraw();
    }

    public CanvasFrame frame() {
        return frame;
    }

    /** Paints in this theme and at this scale. */
    public void setLook(Look look) {
        this.look = look;
        redraw();
    }

    public Look look() {
        return look;
    }

    /** The canvas drawn on, for snapshots and mouse handlers. */
    public Canvas canvas() {
        return canvas;
    }

    public WorldView view() {
        return view;
    }

    /** The world point {x, y} under a position in the canvas's own coordinates (a mouse event's x and y). */
    public double[] toWorld(double sx, double sy) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        return new double[] {view.toWorldX(sx, w, h), view.toWorldY(sy, w, h)};
    }

    /** The least a canvas asks for, in pixels, in each direction. */
    static final double MIN_SIZE = 60;

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = snapSizeX(getWidth() - x - snappedRightInset());
        double h = snapSizeY(getHeight() - y - snappedBottomInset());
        canvas.relocate(x, y);
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(Math.max(0, w));
            canvas.setHeight(Math.max(0, h));
            redraw();
        }
    }

    // The canvas's own size must not feed back into the region's preferred size, or it could never shrink.
    @Override
    protected double computePrefWidth(double height) {
        return 640;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 640;
    }

    // Small minimums: the window's column decides how much room a canvas gets. A minimum above the
    // room given made a StackPane centre the canvas over its neighbours (a lesson at 1024×700 in
    // presenter mode drew the field over the equations and the time slider).
    @Override
    protected double computeMinWidth(double height) {
        return MIN_SIZE;
    }

    @Override
    protected double computeMinHeight(double width) {
        return MIN_SIZE;
    }

    private void redraw() {
        painter.paint(canvas.getGraphicsContext2D(), frame, view, look, canvas.getWidth(), canvas.getHeight());
    }
}
