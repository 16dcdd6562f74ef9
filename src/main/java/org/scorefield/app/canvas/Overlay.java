package org.scorefield.app.canvas;

import java.util.Arrays;
import java.util.List;
import javafx.scene.paint.Color;
import org.scorefield.app.theme.Look;
import org.scorefield.core.field.VectorGrid;
import org.scorefield.core.sample.Trajectories;

/**
 * What a view draws over the layers in its own terms, each part named in the canvas's key as the
 * view names it (the data as "target", say, rather than "data at t"): point sets, whole paths, and
 * arrow fields that share one scale so that their lengths compare. Plain data, handed over whole and
 * not changed afterwards, like the rest of a {@link CanvasFrame}.
 *
 * @param paths  paths drawn whole, from their first row to their last (first)
 * @param dots   point sets, drawn in order (after the paths)
 * @param arrows arrow fields, one arrow from each grid point, on one linear scale set by the last of
 *               them ({@link #arrowScale()})
 */
public record Overlay(List<Paths> paths, List<Dots> dots, List<Arrows> arrows) {

    public Overlay {
        paths = List.copyOf(paths);
        dots = List.copyOf(dots);
        arrows = List.copyOf(arrows);
    }

    /**
     * The magnitude whose arrow spans a fixed share of a grid cell ({@link OverlayPainter}): the 90th
     * percentile of the finite non-zero magnitudes of the last arrow field (0 when it has none, or
     * there are no arrows). Zero vectors (grid points a field leaves out) do not count, so that a field
     * with arrows at a few grid points only still draws them. Set afresh for each overlay: lengths
     * compare within one picture, not from one picture to the next.
     */
    public double arrowScale() {
        if (arrows.isEmpty()) {
            return 0;
        }
        double[] v = arrows.get(arrows.size() - 1).field().values();
        double[] some = new double[v.length / 2];
        int n = 0;
        for (int i = 0; i < v.length / 2; i++) {
            double len = Math.hypot(v[2 * i], v[2 * i + 1]);
            if (len > 0 && Double.isFinite(len)) {
                some[n++] = len;
            }
        }
        if (n == 0) {
            return 0;
        }
        Arrays.sort(some, 0, n);
        return some[(int) Math.floor(0.9 * (n - 1))];
    }

    /** The colours an overlay draws in, taken from the look's palette. */
    public enum Ink {
        /** The first class colour (blue): a target set. */
        TARGET,
        /** The accent (red): moving particles. */
        PARTICLES,
        /** The text colour: what the others combine into. */
        TEXT;

        Color color(Look.Palette p) {
            return switch (this) {
                case TARGET -> p.classColor(0);
                case PARTICLES -> p.accent();
                case TEXT -> p.text();
            };
        }
    }

    /**
     * Points as dots.
     *
     * @param xy      interleaved
     * @param opacity of each dot
     */
    public record Dots(double[] xy, Ink ink, double opacity, String label) {
    }

    /** The whole path of each particle, in a light tint of the ink. */
    public record Paths(Trajectories paths, Ink ink, String label) {
    }

    /**
     * One arrow from every grid point along the field's vector.
     *
     * @param width the shaft's width at scale 1, in pixels
     */
    public record Arrows(VectorGrid field, Ink ink, double width, String label) {
    }
}
