package org.scorefield.app.canvas;

/**
 * World → screen for one frame: {@code sx = ox + k·x}, {@code sy = oy − k·y} (screen y grows
 * downwards), the {@link WorldView}'s mapping with its scale computed once per frame rather than
 * once per point. Shared by every layer that places world coordinates on the canvas: the heatmap,
 * the field, the trajectories and particles.
 */
final class ScreenMapping {

    /** Pixels per world unit, and the screen position of the world origin. */
    final double k;
    final double ox;
    final double oy;

    ScreenMapping(WorldView view, double width, double height) {
        k = view.scale(width, height);
        ox = width / 2 - view.centerX() * k;
        oy = height / 2 + view.centerY() * k;
    }

    double sx(double x) {
        return ox + x * k;
    }

    double sy(double y) {
        return oy - y * k;
    }
}
