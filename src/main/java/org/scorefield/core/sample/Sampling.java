package org.scorefield.core.sample;

import java.util.ArrayList;
import java.util.List;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.denoise.CountingDenoiser;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.TimeGrid;

/**
 * Runs a sampler from the prior or from given points: chooses the grid, draws the start noise,
 * counts NFE, records trajectories and finishes with the denoising step (docs/math.md §5.2).
 *
 * <p>Start and end: ODE samplers on a uniform grid start at t = 1; samplers that need λ, f or g²
 * there, and grids defined through λ, start at the schedule's {@code tMax()} (the same t = 1
 * except for schedules whose α vanishes at 1). The grid ends at {@code tMin} (σ > 0), and
 * {@code x̂0(x_{t_min}, t_min)} is the sample when {@code finalDenoise} is on.
 *
 * <p>Reproducibility: the prior noise comes from {@code derive(seed, "prior")} and the noise of
 * stochastic steps from {@code derive(seed, "sde")}, so the same seed gives the same output bit
 * for bit, and a deterministic and a stochastic sampler with one seed start from the same points.
 */
public final class Sampling {

    private Sampling() {
    }

    /**
     * The settings a denoiser read under another schedule than its own samples with: unless t_min was set, it
     * ends where the new schedule reaches the trained one's last half log-SNR (docs/math.md §2.10); any other
     * denoiser keeps the settings.
     */
    public static SamplerSettings endingWhereTrained(Denoiser denoiser, SamplerSettings settings) {
        return denoiser instanceof org.scorefield.core.denoise.RescheduledDenoiser read && Double.isNaN(settings.tMin())
                ? settings.withTMin(read.endTime()) : settings;
    }

    /** The time the grid starts at. */
    public static double startTime(Schedule schedule, SamplerSettings settings) {
        boolean capped = settings.grid().needsFiniteLambda() || settings.kind().needsFiniteCoefficients(settings);
        return capped ? schedule.tMax() : 1.0;
    }

    /** The time the grid ends at: the settings' t_min, or the schedule's. */
    public static double endTime(Schedule schedule, SamplerSettings settings) {
        double tEnd = Double.isNaN(settings.tMin()) ? schedule.tMin() : settings.tMin();
        InvalidInputException.require(schedule.sigma(tEnd) > 0,
                "t_min = " + tEnd + " leaves no noise under " + schedule.kind().id() + " (σ = 0); use t_min ≥ "
                        + schedule.tMin() + ".");
        return tEnd;
    }

    /** The grid a run with these settings visits. */
    public static TimeGrid grid(Schedule schedule, SamplerSettings settings) {
        return settings.grid().build(schedule, startTime(schedule, settings), endTime(schedule, settings),
                settings.steps());
    }

    /** n points of the prior {@code N(0, σ(t_0)² I)} from {@code derive(seed, "prior")}. */
    public static double[] prior(Schedule schedule, SamplerSettings settings, int n, long seed) {
        return prior(schedule, startTime(schedule, settings), n, seed);
    }

    /** n points of the prior {@code N(0, σ(tStart)² I)} from {@code derive(seed, "prior")}. */
    public static double[] prior(Schedule schedule, double tStart, int n, long seed) {
        double sigma = schedule.sigma(tStart);
        double[] x = new SeededRandom(SeededRandom.derive(seed, "prior")).gaussianPoints(n);
        for (int i = 0; i < x.length; i++) {
            x[i] *= sigma;
        }
        return x;
    }

    /** Samples n points: draws the prior from the seed, then runs the sampler. */
    public static SampleResult fromPrior(Denoiser denoiser, SamplerSettings settings, int n, long seed,
            Recording recording) {
        InvalidInputException.require(n >= 1, "The number of samples must be at least 1, got " + n + ".");
        return fromPoints(denoiser, settings, prior(denoiser.schedule(), settings, n, seed), seed, recording);
    }

    /**
     * Samples n points of a flow from its source: from the prior as {@link #fromPrior} does for
     * N(0, I), otherwise from n points of the source drawn from the seed (a flow carrying one
     * distribution to another starts from the other, docs/math.md §8.3).
     */
    public static SampleResult fromSource(Denoiser denoiser, SamplerSettings settings, FlowSource source, int n,
            long seed, Recording recording) {
        return source.isGaussian() ? fromPrior(denoiser, settings, n, seed, recording)
                : fromPoints(denoiser, settings, source.sample(n, seed), seed, recording);
    }

    /** Runs the sampler from given start points (for example a point the user clicked). */
    public static SampleResult fromPoints(Denoiser denoiser, SamplerSettings settings, double[] xStart, long seed,
            Recording recording) {
        return fromPoints(denoiser, settings, grid(denoiser.schedule(), settings), xStart, seed, recording);
    }

    /**
     * Runs the sampler on a given grid, for comparisons in which several samplers must start at the
     * same time; the settings' steps, grid kind and t_min are then not used.
     */
    public static SampleResult fromPoints(Denoiser denoiser, SamplerSettings settings, TimeGrid grid, double[] xStart,
            long seed, Recording recording) {
        requireNoiseFor(denoiser, settings);
        Sampler sampler = settings.kind().create(settings);
        sampler.checkStable(denoiser.schedule(), grid);
        CountingDenoiser counted = new CountingDenoiser(denoiser);
        Recorder recorder = new Recorder(grid, recording, denoiser);
        SeededRandom noise = new SeededRandom(SeededRandom.derive(seed, "sde"));
        double[] x = sampler.run(counted, xStart, grid, noise, recorder);
        if (settings.finalDenoise()) {
            x = counted.denoise(x, grid.end()); // Final denoising step to t = 0.
            recorder.finalPoint(x);
        }
        requireFinite(x);
        return new SampleResult(x, counted.calls(), grid, recorder.trajectories());
    }

    /**
     * Finite but absurd inputs (a huge weight of a model file, a huge process constant) can overflow
     * on the way; such samples are refused here, where they arise, instead of reaching a metric or a
     * picture as NaN.
     */
    private static void requireFinite(double[] x) {
        for (double v : x) {
            InvalidInputException.require(Double.isFinite(v), "The samples became infinite or NaN: the denoiser's "
                    + "outputs overflow on the way (a model's weights or the process constants are too large).");
        }
    }

    /**
     * The NFE of one run of these settings under this schedule, counted by running the sampler on
     * one point with a denoiser that does no work, so that the figure is the sampler's own count and
     * not a formula beside it.
     *
     * @throws InvalidInputException if these settings cannot run on the schedule
     */
    public static long nfe(Schedule schedule, SamplerSettings settings) {
        return nfe(schedule, settings, grid(schedule, settings));
    }

    /** {@link #nfe(Schedule, SamplerSettings)} on a given grid. */
    public static long nfe(Schedule schedule, SamplerSettings settings, TimeGrid grid) {
        Denoiser idle = new Denoiser() {
            @Override
            public Schedule schedule() {
                return schedule;
            }

            @Override
            public double[] denoise(double[] xt, double t) {
                return new double[xt.length];
            }
        };
        return fromPoints(idle, settings, grid, new double[2], 0, Recording.NONE).nfe();
    }

    /**
     * Refuses a stochastic sampler for a denoiser whose x1 is not independent Gaussian noise (a flow
     * from another source, or trained on coupled pairs): the reverse SDE, Langevin and churn all
     * assume it, and would draw from the wrong distribution without any error to show for it.
     */
    public static void requireNoiseFor(Denoiser denoiser, SamplerSettings settings) {
        InvalidInputException.require(!settings.stochastic() || denoiser.gaussianNoise(),
                settings.kind().displayName() + " is stochastic, and stochastic sampling needs x\u2081 to be N(0, I) "
                        + "noise independent of x\u2080. This flow starts from another source or was trained on "
                        + "coupled pairs (OT, Sinkhorn, Reflow): sample it with a deterministic solver, or \u03b7 = 0.");
    }

    /** Keeps what the recording asks for, evaluating x̂0 (uncounted) where a sampler had none. */
    private static final class Recorder implements StepObserver {
        private final TimeGrid grid;
        private final Recording recording;
        private final Denoiser uncounted;
        private final List<Double> times = new ArrayList<>();
        private final List<double[]> positions = new ArrayList<>();
        private final List<double[]> denoised = new ArrayList<>();

        Recorder(TimeGrid grid, Recording recording, Denoiser uncounted) {
            this.grid = grid;
            this.recording = recording;
            this.uncounted = uncounted;
        }

        @Override
        public void atGridTime(int i, double[] x, double[] x0) {
            if (recording == Recording.NONE) {
                return;
            }
            double t = grid.time(i);
            times.add(t);
            positions.add(x.clone());
            if (recording == Recording.POSITIONS_AND_DENOISED) {
                denoised.add(x0 != null ? x0.clone() : uncounted.denoise(x, t));
            }
        }

        void finalPoint(double[] x) {
            if (recording == Recording.NONE) {
                return;
            }
            times.add(0.0);
            positions.add(x.clone());
            if (recording == Recording.POSITIONS_AND_DENOISED) {
                denoised.add(x.clone());
            }
        }

        Trajectories trajectories() {
            if (recording == Recording.NONE) {
                return null;
            }
            double[] t = times.stream().mapToDouble(Double::doubleValue).toArray();
            return new Trajectories(t, positions.toArray(double[][]::new),
                    recording == Recording.POSITIONS_AND_DENOISED ? denoised.toArray(double[][]::new) : null);
        }
    }
}
