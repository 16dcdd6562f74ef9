package org.scorefield.app.export;

import java.util.List;
import java.util.Locale;
import org.scorefield.app.canvas.CanvasFrame;
import org.scorefield.app.canvas.HeatmapStyle;
import org.scorefield.app.canvas.TrajectoryRole;
import org.scorefield.app.canvas.WorldView;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.ScalarGrid;
import org.scorefield.core.guidance.ExactGuidance;
import org.scorefield.core.guidance.GuidanceSweep;
import org.scorefield.core.sample.Trajectories;

/**
 * A guidance sweep as an animation (docs/math.md §9): as the animation runs from 0 to 1, ω runs from 0
 * to ω_max and each frame shows the samples of the grid value of ω nearest to it, all from the same
 * starting noise, in the samples' colour (not the class's: at small ω many are not in it), over the
 * tilted density p·p(c | x)^ω of that ω at the end of sampling, which guidance is often said to sample
 * (§9.3). The overlay gives the ω shown, the share in
 * the class and the NFE; nothing is interpolated between two grid values.
 */
public final class GuidanceSweepContent implements Animation.Content {

    /** Heatmap cells along the shorter side of a frame, as the window's density layer. */
    static final int HEATMAP_CELLS = 128;

    private final List<GuidanceSweep.Frame> frames;
    private final ExactGuidance exact;
    private final int target;
    private final GridSpec spec;
    private final double t;
    private final String title;
    private final ScalarGrid[] tilted;

    /**
     * @param frames the samples at each ω of the grid, in increasing ω (from {@link GuidanceSweep#run})
     * @param exact  the data's exact guidance, for the tilted density
     * @param target the class guided to
     * @param width  the frame's pixels, which the heatmap covers
     * @param t      the time of the tilted density: the sampler's last (the schedule's smallest)
     */
    public GuidanceSweepContent(List<GuidanceSweep.Frame> frames, ExactGuidance exact, int target, int width,
                                int height, double t, String title) {
        InvalidInputException.require(!frames.isEmpty(), "A guidance sweep needs at least one value of \u03c9.");
        this.frames = List.copyOf(frames);
        this.exact = exact;
        this.target = target;
        double[] half = WorldView.DEFAULT.visibleHalfSizes(width, height);
        double cell = 2 * Math.min(half[0], half[1]) / HEATMAP_CELLS;
        this.spec = new GridSpec(-half[0], half[0], -half[1], half[1],
                Math.max(2, (int) Math.round(2 * half[0] / cell)), Math.max(2, (int) Math.round(2 * half[1] / cell)));
        this.t = t;
        this.title = title;
        this.tilted = new ScalarGrid[frames.size()];
    }

    @Override
    public CanvasFrame at(double u) {
        int k = index(u);
        GuidanceSweep.Frame f = frames.get(k);
        Trajectories ends = new Trajectories(new double[] {0}, new double[][] {f.samples()}, null);
        return CanvasFrame.EMPTY.withHeatmap(tilted(k), HeatmapStyle.TILTED)
                .withTrajectories(ends, 0, 0, TrajectoryRole.ODE);
    }

    /** The tilted density of grid value k, computed once (frames between two grid values share it). */
    private synchronized ScalarGrid tilted(int k) {
        if (tilted[k] == null) {
            tilted[k] = exact.tiltedLogDensity(target, frames.get(k).omega(), spec, t);
        }
        return tilted[k];
    }

    private int index(double u) {
        return (int) Math.round(Math.max(0, Math.min(1, u)) * (frames.size() - 1));
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public double startTime() {
        return 0; // ω = 0 first, then up to ω_max
    }

    @Override
    public String label(double u) {
        GuidanceSweep.Frame f = frames.get(index(u));
        return String.format(Locale.ROOT, "\u03c9 = %.2f  \u00b7  %.0f%% in class %d  \u00b7  NFE %d", f.omega(),
                100 * f.classFraction(), target, f.nfe());
    }
}
