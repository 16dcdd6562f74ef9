package org.scorefield.core.likelihood;

import java.util.function.Consumer;
import org.scorefield.core.Progress;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.EmpiricalDenoiser;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.field.ExactDensity;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.ScalarGrid;
import org.scorefield.core.schedule.GridKind;
import org.scorefield.core.schedule.Schedule;

/**
 * log p_0 of a denoiser's PF-ODE at every cell of a grid, each cell centre taken as a data point
 * and carried up to the prior by {@link Likelihood#logDensity} (docs/math.md §7.5). A heatmap shows
 * only the top {@code range} nats of a log-density, so the map is made in two passes:
 * <ol>
 *   <li>a coarse pass over a grid with half the cells per side and half the steps, bilinearly
 *       interpolated to the fine cells (the whole map, at an eighth of the work);</li>
 *   <li>a fine pass over the cells whose coarse value, or whose value on a second grid (the exact
 *       density beside it), lies within {@code range + }{@value #MARGIN} nats of its maximum.</li>
 * </ol>
 * Every cell that the map would colour above its floor is integrated from its own centre; the cells
 * below the floor keep the interpolated coarse value.
 */
public final class LogDensityMap {

    /** Cells per side of the log p0 view's map, over the canvas's default square {@code [−HALF, HALF]²}. */
    public static final int VIEW_CELLS = 128;
    public static final double VIEW_HALF = 4;
    /** The nats below its top that a log-density heatmap shows, and that the map refines. */
    public static final double VIEW_RANGE = 8;

    /** The grid of the log p0 view's map (and of bench's timing of it). */
    public static GridSpec viewGrid() {
        return GridSpec.square(VIEW_HALF, VIEW_CELLS);
    }

    /** Nats below the shown range that are still refined: more than the coarse pass's error. */
    public static final double MARGIN = 2;

    private LogDensityMap() {
    }

    /**
     * The integration the map uses: Heun in 24 steps uniform in log-SNR, exact divergence. On the
     * default model of 8gaussians (VP, 4,000 steps) it is within 0.05 nats on average (0.27 at
     * most) of RK4 in 64 such steps, over the cells in the top 8 nats (docs/math.md §7.5).
     */
    public static LikelihoodSettings defaults() {
        return new LikelihoodSettings(LikelihoodSolver.HEUN, GridKind.LOG_SNR, 24, Double.NaN,
                DivergenceEstimator.exact(), 0);
    }

    /**
     * The map.
     *
     * @param logDensity  log p_0 at every cell centre (refined cells) or interpolated (the others)
     * @param refined     which cells were integrated from their own centre
     * @param coarseCells the cells of the coarse pass
     * @param fineCells   the cells of the fine pass
     * @param evaluations calls of the denoiser, each a batch of one pass's points
     */
    public record Map(ScalarGrid logDensity, boolean[] refined, int coarseCells, int fineCells, long evaluations) {

        /** Denoiser calls times points, over the two passes (the coarse at half the steps). */
        public long pointEvaluations(LikelihoodSettings settings) {
            return settings.withSteps(Math.max(1, settings.steps() / 2)).evaluations() * coarseCells
                    + settings.evaluations() * fineCells;
        }
    }

    /**
     * The map of log p_0 over {@code spec}.
     *
     * @param alsoWhere a grid on {@code spec} (the exact density) whose top cells are refined too, or null
     * @param range     the nats below its maximum that a heatmap shows
     * @param progress  told the fraction done after every step; cancels the work by its {@link Progress#check()}
     * @param coarse    given the coarse map (interpolated to {@code spec}) before the fine pass starts
     */
    public static Map compute(Denoiser denoiser, GridSpec spec, LikelihoodSettings settings, ScalarGrid alsoWhere,
            double range, Progress progress, Consumer<ScalarGrid> coarse) {
        GridSpec small = new GridSpec(spec.xMin(), spec.xMax(), spec.yMin(), spec.yMax(), Math.max(2, spec.nx() / 2),
                Math.max(2, spec.ny() / 2));
        int steps = settings.steps();
        LikelihoodSettings rough = settings.withSteps(Math.max(1, steps / 2));
        // the fine pass is not known yet: its share of the bar is set as for a fifth of the grid
        double coarseShare = small.size() * 0.5 / (small.size() * 0.5 + 0.2 * spec.size());
        Likelihood.Result first = Likelihood.logDensity(denoiser, small.points(), rough,
                observer(progress, "Integrating a coarse grid", 0, coarseShare, rough.steps()));
        double[] values = interpolate(new ScalarGrid(small, first.logDensity()), spec);
        coarse.accept(new ScalarGrid(spec, values.clone()));

        double floor = max(values) - range - MARGIN;
        double alsoFloor = alsoWhere == null ? Double.NaN : alsoWhere.max() - range - MARGIN;
        boolean[] refined = new boolean[spec.size()];
        int count = 0;
        for (int k = 0; k < refined.length; k++) {
            refined[k] = values[k] >= floor || alsoWhere != null && alsoWhere.values()[k] >= alsoFloor;
            if (refined[k]) {
                count++;
            }
        }
        double[] points = new double[2 * count];
        double[] all = spec.points();
        int at = 0;
        for (int k = 0; k < refined.length; k++) {
            if (refined[k]) {
                points[at++] = all[2 * k];
                points[at++] = all[2 * k + 1];
            }
        }
        long evaluations = first.evaluations();
        if (count > 0) {
            Likelihood.Result fine = Likelihood.logDensity(denoiser, points, settings,
                    observer(progress, "Refining where the density shows", coarseShare, 1, steps));
            evaluations += fine.evaluations();
            at = 0;
            for (int k = 0; k < refined.length; k++) {
                if (refined[k]) {
                    values[k] = fine.logDensity()[at++];
                }
            }
        }
        progress.update("Done", 1);
        return new Map(new ScalarGrid(spec, values), refined, small.size(), count, evaluations);
    }

    /** Reports each step of a pass as the bar from {@code from} to {@code to}; checks for a cancel. */
    private static Likelihood.PathObserver observer(Progress progress, String phase, double from, double to,
            int steps) {
        return (step, t, x, logDet) -> {
            progress.check();
            progress.update(phase, from + (to - from) * step / steps);
        };
    }

    /** Bilinear interpolation of a grid at the cell centres of another (clamped at the border). */
    static double[] interpolate(ScalarGrid from, GridSpec to) {
        GridSpec s = from.spec();
        double[] out = new double[to.size()];
        for (int j = 0; j < to.ny(); j++) {
            double fy = Math.max(0, Math.min(s.ny() - 1, (to.y(j) - s.y(0)) / s.dy()));
            int j0 = Math.min(s.ny() - 2, (int) Math.floor(fy));
            double v = fy - j0;
            for (int i = 0; i < to.nx(); i++) {
                double fx = Math.max(0, Math.min(s.nx() - 1, (to.x(i) - s.x(0)) / s.dx()));
                int i0 = Math.min(s.nx() - 2, (int) Math.floor(fx));
                double u = fx - i0;
                out[to.index(i, j)] = (1 - u) * (1 - v) * from.value(i0, j0) + u * (1 - v) * from.value(i0 + 1, j0)
                        + (1 - u) * v * from.value(i0, j0 + 1) + u * v * from.value(i0 + 1, j0 + 1);
            }
        }
        return out;
    }

    private static double max(double[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (v > m) {
                m = v;
            }
        }
        return m;
    }

    /**
     * The exact log p_0 an oracle's map is compared with, and what it is.
     *
     * @param grid  the values
     * @param label "exact log p₀" for a Gaussian mixture; for memorised points, which have no density
     *              at t = 0, the density the likelihood ODE reaches as its steps grow: the points
     *              blurred by σ(t_min)/α(t_min) (docs/math.md §7.3)
     */
    public record Exact(ScalarGrid grid, String label) {
    }

    /**
     * The exact log p_0 of an oracle on a grid: the mixture's at t = 0, or the memorised points'
     * blurred as the likelihood ODE starting at {@code tMin} sees them; empty for any other denoiser.
     */
    public static java.util.Optional<Exact> exact(Denoiser oracle, GridSpec spec, double tMin) {
        if (oracle instanceof GaussianMixtureDenoiser mixture) {
            return java.util.Optional.of(new Exact(ExactDensity.logDensityGrid(mixture, spec, 0), "exact log p\u2080"));
        }
        if (oracle instanceof EmpiricalDenoiser empirical) {
            Schedule schedule = empirical.schedule();
            double blur = schedule.sigma(tMin) / schedule.alpha(tMin);
            return java.util.Optional.of(new Exact(ExactDensity.logDensityGrid(empirical.data(), 1, blur, spec),
                    String.format(java.util.Locale.ROOT, "memorised points  at t_min  (blur %.2g)", blur)));
        }
        return java.util.Optional.empty();
    }
}
