package org.scorefield.app.canvas;

/**
 * The fixed square of the plane a plot shows, {@code [cx − r, cx + r] × [cy − r, cy + r]}, fitted
 * into a canvas with equal aspect ratio: the square fills the shorter side, the longer side shows
 * more of the plane. A fixed view (rather than one that follows the points) is what lets a viewer
 * see the cloud spread as noise grows.
 *
 * <p>A tall narrow canvas (a pane of the split or Reflow views) already shows more of the plane
 * along its height, so its width frames less of the square, down to {@value #NARROW} of it:
 * {@code [−3.2, 3.2]} of the default square for a pane 1.6 times as tall as wide, where the data
 * sit (unit-scale presets) with Gaussian noise out to three σ. Without this a split pane at
 * 1440×900 spanned y −7…7 and drew the moons small. Near-square canvases (up to {@value #SQUARE}:1)
 * and wide ones keep the whole square on their short side, so that noise at t = 1 stays in a wide
 * frame's height.
 */
public record WorldView(double centerX, double centerY, double halfSize) {

    /** {@code [-4, 4]²}: room for unit-scale data and for unit Gaussian noise out to four σ. */
    public static final WorldView DEFAULT = new WorldView(0, 0, 4);

    public WorldView {
        if (!(halfSize > 0) || !Double.isFinite(halfSize)) {
            throw new IllegalArgumentException("halfSize must be positive and finite, got " + halfSize);
        }
    }

    /** The share of the square a very narrow canvas frames on its short side. */
    public static final double NARROW = 0.8;
    /** Up to this ratio of height to width a canvas frames the whole square across its width. */
    public static final double SQUARE = 1.25;

    /** Pixels per world unit in a canvas of this size. */
    public double scale(double width, double height) {
        if (height <= width) {
            return height / (2 * halfSize);
        }
        double framed = Math.max(NARROW, Math.min(1, SQUARE * width / height));
        return width / (2 * halfSize * framed);
    }

    /** How far the canvas reaches from the centre in world units: {half width, half height}. */
    public double[] visibleHalfSizes(double width, double height) {
        double k = scale(width, height);
        return new double[] {width / 2 / k, height / 2 / k};
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
