package org.scorefield.app.canvas;

import java.util.List;
import org.scorefield.core.denoise.MeanShiftProbe;
import org.scorefield.core.field.ContinuityCells;
import org.scorefield.core.field.ScalarGrid;
import org.scorefield.core.field.VectorGrid;
import org.scorefield.core.flow.VelocityProbe;
import org.scorefield.core.sample.DenoisingLanding;
import org.scorefield.core.sample.Trajectories;

/**
 * Everything one picture of the plane shows, as plain data computed elsewhere (off the FX thread):
 * the canvas only draws it (STYLE.md rule 6). Every layer may be absent (null). Arrays are not
 * copied; a frame is handed over whole and not changed afterwards.
 *
 * <p>Layers, bottom to top: heatmap, grid and axes, field, trajectories, particles, title.
 *
 * @param heatmap      a scalar grid drawn as an image under everything (log p_t or an error), or null
 * @param heatmapStyle its colouring
 * @param field        a vector field (score or PF-ODE velocity, docs/math.md §3.2, §6.3), or null
 * @param fieldStyle   arrows or streamlines
 * @param arrowScale   the user's multiplier on arrow length (1 = the 95th-percentile magnitude fills
 *                     0.8 of a cell; lengths grow as magnitude^log10(2), see {@link FieldPainter});
 *                     longer arrows are clipped to one cell so none overlap
 * @param streamlines  polylines for {@link FieldStyle#STREAMLINES}, interleaved, or null
 * @param particles    points drawn as dots, interleaved, or null
 * @param labels       one class per particle picking its colour, or null for class 0
 * @param trajectories sampling paths, or null
 * @param t            the scrubber time: each drawn path runs from its start to its position at t,
 *                     interpolated linearly between recorded times, where a head dot sits
 * @param pathsDrawn   draw the paths of the first K particles only (heads are drawn for all)
 * @param role         ODE or SDE, the colour of the trajectories
 * @param clicked      paths started by the user's clicks, drawn bolder with a ring at the start, or null
 * @param showDenoised for drawn paths with a recorded denoising trajectory, show x̂0 at t (docs/math.md §6.2)
 *                     as a hollow marker joined to x_t, and the denoised path so far
 * @param title        a caption drawn top-left, or null
 * @param probe        conditional targets, marginal and learned velocity at one point, or null
 * @param headClasses  the class of each trajectory's particle, colouring its head and path in the class's
 *                     colour (guided samples), or null for the role's colour
 * @param cells        a block of continuity cells with their mass rate and net inflow (docs/math.md §8.10), or null
 * @param overlay      a view's own points, paths and arrows, each named in the key (see {@link Overlay}), or null
 * @param meanShift    the memorising oracle's mean-shift reading at a probe (docs/math.md §6.4), or null
 * @param landings     where the drawn paths' denoising trajectories land (docs/math.md §6.2), or null
 * @param clickedLabel what the key calls the {@code clicked} paths, or null for paths from a click
 */
public record CanvasFrame(ScalarGrid heatmap, HeatmapStyle heatmapStyle, VectorGrid field, FieldStyle fieldStyle,
                          double arrowScale, List<double[]> streamlines, double[] particles, int[] labels,
                          Trajectories trajectories, double t, int pathsDrawn, TrajectoryRole role,
                          Trajectories clicked, boolean showDenoised, String title, VelocityProbe probe,
                          int[] headClasses, ContinuityCells cells, Overlay overlay, MeanShiftProbe meanShift,
                          List<DenoisingLanding.Landing> landings, String clickedLabel) {

    /** Nothing but the background, grid and axes. */
    public static final CanvasFrame EMPTY = new CanvasFrame(null, HeatmapStyle.DENSITY, null, FieldStyle.ARROWS, 1,
            null, null, null, null, 0, 0, TrajectoryRole.ODE, null, false, null, null, null, null, null, null, null, null);

    public CanvasFrame {
        if (heatmapStyle == null || fieldStyle == null || role == null) {
            throw new IllegalArgumentException("styles and role must not be null");
        }
        if (!(arrowScale > 0) || !Double.isFinite(arrowScale)) {
            throw new IllegalArgumentException("arrowScale must be positive, got " + arrowScale);
        }
        if (particles != null && particles.length % 2 != 0) {
            throw new IllegalArgumentException("particles are interleaved x, y pairs");
        }
        if (particles != null && labels != null && labels.length != particles.length / 2) {
            throw new IllegalArgumentException(
                    "one label per particle: " + particles.length / 2 + " particles, " + labels.length + " labels");
        }
        if (pathsDrawn < 0) {
            throw new IllegalArgumentException("pathsDrawn must be non-negative, got " + pathsDrawn);
        }
    }

    /** Just labelled points (labels may be null). */
    public static CanvasFrame points(double[] xy, int[] labels) {
        return EMPTY.withParticles(xy, labels);
    }

    public CanvasFrame withHeatmap(ScalarGrid grid, HeatmapStyle style) {
        return new CanvasFrame(grid, style, field, fieldStyle, arrowScale, streamlines, particles, labels,
                trajectories, t, pathsDrawn, role, clicked, showDenoised, title, probe, headClasses, cells, overlay,
                meanShift, landings, clickedLabel);
    }

    /** A field as arrows, scaled by {@code scale}. */
    public CanvasFrame withArrows(VectorGrid grid, double scale) {
        return new CanvasFrame(heatmap, heatmapStyle, grid, FieldStyle.ARROWS, scale, streamlines, particles, labels,
                trajectories, t, pathsDrawn, role, clicked, showDenoised, title, probe, headClasses, cells, overlay,
                meanShift, landings, clickedLabel);
    }

    /** A field as streamlines traced from it. */
    public CanvasFrame withStreamlines(VectorGrid grid, List<double[]> lines) {
        return new CanvasFrame(heatmap, heatmapStyle, grid, FieldStyle.STREAMLINES, arrowScale, lines, particles,
                labels, trajectories, t, pathsDrawn, role, clicked, showDenoised, title, probe, headClasses, cells, overlay,
                meanShift, landings, clickedLabel);
    }

    public CanvasFrame withParticles(double[] xy, int[] classes) {
        return new CanvasFrame(heatmap, heatmapStyle, field, fieldStyle, arrowScale, streamlines, xy, classes,
                trajectories, t, pathsDrawn, role, clicked, showDenoised, title, probe, headClasses, cells, overlay,
                meanShift, landings, clickedLabel);
    }

    /** Paths in the role's colour (any classes of the paths before are dropped: see {@link #withHeadClasses}). */
    public CanvasFrame withTrajectories(Trajectories paths, double time, int drawn, TrajectoryRole pathRole) {
        return new CanvasFrame(heatmap, heatmapStyle, field, fieldStyle, arrowScale, streamlines, particles, labels,
                paths, time, drawn, pathRole, clicked, showDenoised, title, probe, null, cells, overlay,
                meanShift, landings, clickedLabel);
    }

    public CanvasFrame withClicked(Trajectories paths) {
        return withClicked(paths, null);
    }

    /** Paths drawn the way a click's are, named {@code label} in the key (null: "paths from a click"). */
    public CanvasFrame withClicked(Trajectories paths, String label) {
        return new CanvasFrame(heatmap, heatmapStyle, field, fieldStyle, arrowScale, streamlines, particles, labels,
                trajectories, t, pathsDrawn, role, paths, showDenoised, title, probe, headClasses, cells, overlay, meanShift,
                landings, label);
    }

    public CanvasFrame withShowDenoised(boolean show) {
        return new CanvasFrame(heatmap, heatmapStyle, field, fieldStyle, arrowScale, streamlines, particles, labels,
                trajectories, t, pathsDrawn, role, clicked, show, title, probe, headClasses, cells, overlay,
                meanShift, landings, clickedLabel);
    }

    public CanvasFrame withTitle(String caption) {
        return new CanvasFrame(heatmap, heatmapStyle, field, fieldStyle, arrowScale, streamlines, particles, labels,
                trajectories, t, pathsDrawn, role, clicked, showDenoised, caption, probe, headClasses, cells, overlay,
                meanShift, landings, clickedLabel);
    }

    /** Colours each trajectory's particle by its class (null: the role's colour). */
    public CanvasFrame withHeadClasses(int[] classes) {
        return new CanvasFrame(heatmap, heatmapStyle, field, fieldStyle, arrowScale, streamlines, particles, labels,
                trajectories, t, pathsDrawn, role, clicked, showDenoised, title, probe, classes, cells, overlay,
                meanShift, landings, clickedLabel);
    }

    public CanvasFrame withProbe(VelocityProbe p) {
        return new CanvasFrame(heatmap, heatmapStyle, field, fieldStyle, arrowScale, streamlines, particles, labels,
                trajectories, t, pathsDrawn, role, clicked, showDenoised, title, p, headClasses, cells, overlay,
                meanShift, landings, clickedLabel);
    }

    /** A view's own marks (null: none). */
    public CanvasFrame withOverlay(Overlay marks) {
        return new CanvasFrame(heatmap, heatmapStyle, field, fieldStyle, arrowScale, streamlines, particles, labels,
                trajectories, t, pathsDrawn, role, clicked, showDenoised, title, probe, headClasses, cells, marks,
                meanShift, landings, clickedLabel);
    }

    /** The block of continuity cells, or null for none. */
    public CanvasFrame withCells(ContinuityCells block) {
        return new CanvasFrame(heatmap, heatmapStyle, field, fieldStyle, arrowScale, streamlines, particles, labels,
                trajectories, t, pathsDrawn, role, clicked, showDenoised, title, probe, headClasses, block, overlay,
                meanShift, landings, clickedLabel);
    }

    /** The mean-shift reading at a probe, or null for none. */
    public CanvasFrame withMeanShift(MeanShiftProbe probe) {
        return new CanvasFrame(heatmap, heatmapStyle, field, fieldStyle, arrowScale, streamlines, particles, labels,
                trajectories, t, pathsDrawn, role, clicked, showDenoised, title, this.probe, headClasses, cells, overlay, probe,
                landings, clickedLabel);
    }

    /** Where the drawn denoising trajectories land, or null for none. */
    public CanvasFrame withLandings(List<DenoisingLanding.Landing> marks) {
        return new CanvasFrame(heatmap, heatmapStyle, field, fieldStyle, arrowScale, streamlines, particles, labels,
                trajectories, t, pathsDrawn, role, clicked, showDenoised, title, probe, headClasses, cells, overlay, meanShift,
                marks, clickedLabel);
    }
}
