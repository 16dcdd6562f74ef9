package org.scorefield.app.canvas;

/**
 * The parts of a canvas that the field must leave free so that what is printed there stays legible:
 * the title band, each tick label and the colour bar, as rectangles in screen pixels. An arrow or a
 * piece of streamline that would touch one is left out instead of being drawn under it (or over
 * it): the same geometry on the screen and in a vector file, and no clip for the renderer.
 */
final class KeepOut {

    /** x0, y0, x1, y1 of each rectangle. */
    private double[] boxes = new double[4 * 32];
    private int count;

    /** Keeps the rectangle with its top-left corner at (x, y) free. */
    void add(double x, double y, double w, double h) {
        if (4 * count == boxes.length) {
            boxes = java.util.Arrays.copyOf(boxes, 2 * boxes.length);
        }
        boxes[4 * count] = x;
        boxes[4 * count + 1] = y;
        boxes[4 * count + 2] = x + w;
        boxes[4 * count + 3] = y + h;
        count++;
    }

    /** Whether the rectangle [x0, x1] × [y0, y1] overlaps any kept-out one. */
    boolean overlaps(double x0, double y0, double x1, double y1) {
        for (int i = 0; i < 4 * count; i += 4) {
            if (x1 > boxes[i] && x0 < boxes[i + 2] && y1 > boxes[i + 1] && y0 < boxes[i + 3]) {
                return true;
            }
        }
        return false;
    }

    /** How many rectangles are kept free. */
    int size() {
        return count;
    }

    /** The i-th rectangle as {x0, y0, x1, y1}. */
    double[] box(int i) {
        return java.util.Arrays.copyOfRange(boxes, 4 * i, 4 * i + 4);
    }
}
