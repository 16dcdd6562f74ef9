package org.scorefield.app;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/**
 * A region that lays out one {@link Canvas} to its full size and redraws the point cloud whenever
 * the size or the points change (after jfreechart-fx's {@code ChartViewer}/{@code ChartCanvas}:
 * a Canvas does not resize itself, so the Region owns the size).
 */
public final class FieldCanvas extends Region {

    private final Canvas canvas = new Canvas();
    private final WorldView view;
    private double[] xy = new double[0];
    private int[] labels;

    public FieldCanvas(WorldView view) {
        this.view = view;
        canvas.setId("fieldCanvas");
        getStyleClass().add("field-canvas");
        getChildren().add(canvas);
    }

    /** Shows these points (interleaved) with one colour per label (labels may be null). */
    public void setPoints(double[] xy, int[] labels) {
        this.xy = xy;
        this.labels = labels;
        redraw();
    }

    /** The canvas drawn on, for snapshots. */
    public Canvas canvas() {
        return canvas;
    }

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

    @Override
    protected double computeMinWidth(double height) {
        return 200;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 200;
    }

    private void redraw() {
        PointCloudPainter.paint(canvas.getGraphicsContext2D(), xy, labels, view,
                canvas.getWidth(), canvas.getHeight());
    }
}
