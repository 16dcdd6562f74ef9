package org.scorefield.core.metric;

import java.util.ArrayList;
import java.util.List;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.Progress;
import org.scorefield.core.denoise.CountingDenoiser;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.sample.Recording;
import org.scorefield.core.sample.SampleResult;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.sample.Sampling;
import org.scorefield.core.schedule.GridKind;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.TimeGrid;

/**
 * The data behind an error-versus-NFE chart (docs/math.md §11.5, "solver error"): every solver at every
 * step count starts from the same prior points at the same time, runs to the same t_min, and is
 * compared with a fine RK4 reference solve of the PF-ODE from those points. "Faster" means a lower
 * NFE at equal error (docs/math.md §5.15).
 *
 * <p>The comparison is made at t_min, before any final denoising step, so that it measures the
 * ODE solution itself. The reference is checked by solving again with half its steps; the distance
 * between the two is reported so that a user can see the reference is far more accurate than the
 * solvers it judges. Stochastic samplers can be listed too: their distance to the PF-ODE solution
 * does not vanish with more steps, which is a lesson of its own, and their rows say so.
 */
public final class ErrorVersusNfe {

    /** RK4 steps of the reference solve by default. */
    public static final int DEFAULT_REFERENCE_STEPS = 512;

    /** One solver at one step count. */
    public record Row(SamplerKind solver, int steps, long nfe, double error, boolean stochastic) {
    }

    /**
     * All rows, and the reference's own accuracy.
     *
     * @param rows           one per (solver, steps), in the order asked
     * @param referenceError mean distance between the reference and the same solve with half its steps
     * @param tStart         the common start time
     * @param tEnd           the common end time, where errors are measured
     */
    public record Result(List<Row> rows, double referenceError, double tStart, double tEnd) {
    }

    private ErrorVersusNfe() {
    }

    /**
     * Runs every solver at every step count.
     *
     * @param denoiser       the model or oracle
     * @param solvers        one base setting per solver (its grid and t_min are taken from the first)
     * @param steps          the step counts K
     * @param n              number of start points
     * @param seed           seed of the start points (and of any stochastic noise)
     * @param referenceSteps RK4 steps of the reference solve
     */
    public static Result compute(Denoiser denoiser, List<SamplerSettings> solvers, int[] steps, int n, long seed,
            int referenceSteps) {
        return compute(denoiser, FlowSource.gaussian(), solvers, steps, n, seed, referenceSteps);
    }

    /**
     * Runs every solver at every step count from the points of a flow's source: the prior for
     * N(0, I), otherwise n points of the source drawn from the seed (as {@link Sampling#fromSource}).
     */
    public static Result compute(Denoiser denoiser, FlowSource source, List<SamplerSettings> solvers, int[] steps,
            int n, long seed, int referenceSteps) {
        return compute(denoiser, source, solvers, steps, n, seed, referenceSteps, Progress.NONE);
    }

    /**
     * As {@link #compute(Denoiser, FlowSource, List, int[], int, long, int)}, reporting the share of
     * denoiser calls made so far and stopping at the next call once {@code progress} is cancelled.
     *
     * @throws java.util.concurrent.CancellationException when cancelled; nothing is returned then
     */
    public static Result compute(Denoiser denoiser, FlowSource source, List<SamplerSettings> solvers, int[] steps,
            int n, long seed, int referenceSteps, Progress progress) {
        InvalidInputException.require(!solvers.isEmpty(), "Name at least one solver.");
        InvalidInputException.require(steps.length > 0, "Name at least one step count.");
        InvalidInputException.require(n >= 1, "The number of start points must be at least 1, got " + n + ".");
        InvalidInputException.require(referenceSteps >= 2,
                "The reference needs at least 2 steps, got " + referenceSteps + ".");
        Schedule schedule = denoiser.schedule();
        GridKind grid = solvers.get(0).grid();
        double tStart = 1.0;
        for (SamplerSettings s : solvers) {
            tStart = Math.min(tStart, Sampling.startTime(schedule, s.withGrid(grid)));
        }
        double tEnd = Sampling.endTime(schedule, solvers.get(0));
        double[] start = source.isGaussian() ? Sampling.prior(schedule, tStart, n, seed) : source.sample(n, seed);

        SamplerSettings rk4 = SamplerSettings.defaults(SamplerKind.RK4).withFinalDenoise(false);
        TimeGrid referenceGrid = grid.build(schedule, tStart, tEnd, referenceSteps);
        TimeGrid halfGrid = grid.build(schedule, tStart, tEnd, referenceSteps / 2);
        /** One solver at one step count, on its grid. */
        record Run(SamplerSettings settings, TimeGrid grid) {
        }
        List<Run> runs = new ArrayList<>();
        for (SamplerSettings base : solvers) {
            for (int k : steps) {
                runs.add(new Run(base.withGrid(grid).withFinalDenoise(false).withSteps(k),
                        grid.build(schedule, tStart, tEnd, k)));
            }
        }
        // every call the comparison will make, so that progress is the share of them made so far
        long all = Sampling.nfe(schedule, rk4, referenceGrid) + Sampling.nfe(schedule, rk4, halfGrid)
                + runs.stream().mapToLong(r -> Sampling.nfe(schedule, r.settings(), r.grid())).sum();
        long[] made = {0};
        Denoiser watched = new CountingDenoiser(denoiser, () -> {
            progress.check();
            if (made[0]++ % 16 == 0) {
                progress.update("Solving the reference and every solver", made[0] / (double) all);
            }
        });
        double[] reference = endpoints(watched, rk4, referenceGrid, start, seed);
        double[] halfReference = endpoints(watched, rk4, halfGrid, start, seed);

        List<Row> rows = new ArrayList<>();
        for (Run run : runs) {
            SamplerSettings sk = run.settings();
            SampleResult r = Sampling.fromPoints(watched, sk, run.grid(), start, seed, Recording.NONE);
            rows.add(new Row(sk.kind(), sk.steps(), r.nfe(), SolverError.meanEndpointDistance(r.samples(), reference),
                    sk.stochastic()));
        }
        return new Result(rows, SolverError.meanEndpointDistance(reference, halfReference), tStart, tEnd);
    }

    private static double[] endpoints(Denoiser denoiser, SamplerSettings settings, TimeGrid grid, double[] start,
            long seed) {
        return Sampling.fromPoints(denoiser, settings, grid, start, seed, Recording.NONE).samples();
    }
}
