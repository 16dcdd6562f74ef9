package org.scorefield.app.canvas;

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
 *               them (see {@link OverlayPainter})
 */
public record Overlay(List<Paths> paths, List<Dots> dots, List<Arrows> arrows) {

    public Overlay {
        paths = List.copyOf(paths);
        dots = List.copyOf(dots);
        arrows = List.copyOf(arrows);
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
