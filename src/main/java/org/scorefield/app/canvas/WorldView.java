package org.scorefield.app.canvas;

/**
 * The fixed square of the plane a plot shows, {@code [cx − r, cx + r] × [cy − r, cy + r]}, fitted
 * into a canvas with equal aspect ratio: the square fills the shorter side, the longer side shows
 * more of the plane. A fixed view (rather than one that follows the points) is what lets a viewer
 * see the cloud spread as noise grows.
 */
public record WorldView(double centerX, double centerY, double halfSize) {

    /** {@code [-4, 4]²}: room for unit-scale data and for unit Gaussian noise out to four σ. */
    public static final WorldView DEFAULT = new WorldView(0, 0, 4);

    public WorldView {
        if (!(halfSize > 0) || !Double.isFinite(halfSize)) {
            throw new IllegalArgumentException("halfSize must be positive and finite, got " + halfSize);
        }
    }

    /** Pixels per world unit in a canvas of this size. */
    public double scale(double width, double height) {
        return Math.min(width, height) / (2 * halfSize);
    }

    /** Screen x of world x. */
    public double toScreenX(double x, double width, double height) {
        return width / 2 + (x - centerX) * scale(width, height);
    }

    /** Screen y of world y (screen y grows downwards). */
    public double toScreenY(double y, double width, double height) {
        return height / 2 - (y - centerY) * scale(width, height);
    }

    /** World x of screen x. */
    public double toWorldX(double sx, double width, double height) {
        return centerX + (sx - width / 2) / scale(width, height);
    }

    /** World y of screen y. */
    public double toWorldY(double sy, double width, double height) {
        return centerY - (sy - height / 2) / scale(width, height);
    }
}
