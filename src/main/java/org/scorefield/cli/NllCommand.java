package org.scorefield.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.io.AtomicFiles;
import org.scorefield.core.io.IoReasons;
import org.scorefield.core.likelihood.DivergenceEstimator;
import org.scorefield.core.likelihood.ExactLikelihood;
import org.scorefield.core.likelihood.Likelihood;
import org.scorefield.core.likelihood.LikelihoodSettings;
import org.scorefield.core.likelihood.LikelihoodSolver;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.GridKind;
import org.scorefield.core.schedule.Schedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scorefield nll}: the negative log-likelihood an oracle's or a model's PF-ODE gives fresh data
 * points, by the instantaneous change of variables (docs/math.md §7), beside the exact value where
 * there is one.
 */
@Command(name = "nll", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw N fresh points of the data (the oracle's mixture or memorised points, or the model's "
                + "training data), carry each up the probability-flow ODE from t_min to the top of the grid (t = 1, "
                + "or t_max for the log-SNR and EDM grids of schedules whose α vanishes at 1; reported as t_top) "
                + "while integrating the divergence of the velocity, and report the mean −log p_0 in nats: "
                + "log p_0(x) = log N(x(t_top); 0, σ(t_top)²I) + ∫∇·u dt + 2 log α(t_min). Beside it, the exact "
                + "value on the same points where it is "
                + "known: a mixture's −log p_0, or the memorised points' density at t_min read the same way.",
            "Prints {\"nll\",\"nll_exact\",\"nll_std_error\",\"divergence\",\"seconds\",…}."},
        footer = {"", "Examples:",
            "  scorefield nll --oracle 8gaussians --process vp --solver rk4 --steps 64 --n 1000 --seed 1",
            "  scorefield nll --model m.json --n 1000 --seed 1",
            "  scorefield nll --oracle 8gaussians --process linear --hutchinson 1 --out points.csv"})
final class NllCommand implements Callable<Integer> {

    /** The most points one run evaluates. */
    static final int MAX_POINTS = 100_000;

    @Spec
    CommandSpec spec;

    @Mixin
    OracleOptions oracleOptions;

    @Mixin
    ProcessOptions processOptions;

    @Option(names = "--solver", defaultValue = "rk4", paramLabel = "<euler|heun|rk4>",
            description = "Runge–Kutta method for the likelihood ODE (default ${DEFAULT-VALUE}).")
    String solver;

    @Option(names = "--steps", defaultValue = "64", paramLabel = "K",
            description = "Steps from t_min up to the top of the grid (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--grid", defaultValue = "logsnr", paramLabel = "<uniform|logsnr|edm>",
            description = "How the steps are spaced, as for sampling (default ${DEFAULT-VALUE}).")
    String grid;

    @Option(names = "--t-min", paramLabel = "T",
            description = "Where the integration starts (default: the schedule's t_min, where σ > 0).")
    Double tMin;

    @Option(names = "--n", defaultValue = "1000", paramLabel = "N",
            description = "Fresh data points to evaluate (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Seed of the points and of Hutchinson's probes (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--hutchinson", paramLabel = "M",
            description = "Estimate the divergence with Hutchinson's estimator, M Rademacher probes per point, "
                    + "instead of exactly (docs/math.md §7.2); the same points are then also integrated with the "
                    + "exact divergence, reported as nll_exact_divergence, and hutchinson_spread is the standard "
                    + "deviation over the points of the difference in log p_0.")
    Integer hutchinson;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write every point as CSV: x,y,log_p0,log_p0_exact,log_prior,log_det,end_x,end_y.")
    Path out;

    @Override
    public Integer call() {
        InvalidInputException.require(n >= 1 && n <= MAX_POINTS, "--n must lie between 1 and " + MAX_POINTS
                + ", got " + n + ".");
        DivergenceEstimator estimator = hutchinson == null ? DivergenceEstimator.exact()
                : DivergenceEstimator.hutchinson(hutchinson);
        LikelihoodSettings settings = new LikelihoodSettings(LikelihoodSolver.fromId(solver), GridKind.fromId(grid),
                steps, tMin == null ? Double.NaN : tMin, estimator, SeededRandom.derive(seed, "nll-probes"));
        DenoiserSource source = oracleOptions.resolve(processOptions);
        InvalidInputException.require(source.start().isGaussian(), "The likelihood needs the density the ODE starts "
                + "from; this flow starts from " + source.start().id() + ", and only N(0, I) is supported.");
        DataDistribution reference = source.reference().orElseThrow(() -> new InvalidInputException("nll evaluates "
                + "fresh points of the model's training data, and " + source.description() + "."));
        Denoiser denoiser = source.denoiser();
        Schedule schedule = denoiser.schedule();
        double[] points = reference.sample(n, SeededRandom.derive(seed, "nll-data")).xy();

        long started = System.nanoTime();
        Likelihood.Result result = Likelihood.logDensity(denoiser, points, settings, Likelihood.PathObserver.NONE);
        double seconds = (System.nanoTime() - started) / 1e9;
        InvalidInputException.require(Double.isFinite(result.nll()), "The likelihood came out " + result.nll()
                + ": the velocity or its divergence overflowed along the way; try more --steps or another --grid.");
        double forwardSeconds = forwardSeconds(denoiser, points, result.tMin());

        Exact exact = exact(reference, schedule, result.tMin(), points);
        if (out != null) {
            write(out, points, result, exact.logDensity());
        }
        ObjectNode json = Json.object();
        source.putName(json);
        json.put("reference", source.description());
        json.set("process", SampleCommand.processJson(schedule));
        json.put("solver", settings.solver().id());
        json.put("grid", settings.grid().id());
        json.put("steps", settings.steps());
        json.put("n", n);
        json.put("seed", seed);
        Json.put(json, "nll", result.nll());
        Json.put(json, "nll_exact", exact.nll());
        if (exact.at() != null) {
            json.put("nll_exact_at", exact.at());
        } else {
            json.putNull("nll_exact_at");
        }
        Json.put(json, "nll_std_error", result.nllStandardError());
        json.put("divergence", estimator.id());
        if (!estimator.isExact()) {
            // the lesson of Hutchinson's estimator is its spread: the same points with the exact divergence
            json.put("probes", estimator.probes());
            Likelihood.Result exactDivergence = Likelihood.logDensity(denoiser, points,
                    settings.withEstimator(DivergenceEstimator.exact(), settings.seed()), Likelihood.PathObserver.NONE);
            Json.put(json, "nll_exact_divergence", exactDivergence.nll());
            Json.put(json, "hutchinson_spread", spread(result.logDensity(), exactDivergence.logDensity()));
        }
        json.put("divergence_by", denoiser.exactDivergence() ? "network" : "central differences");
        Json.put(json, "t_min", result.tMin());
        Json.put(json, "t_top", result.tTop());
        json.put("nfe", result.evaluations());
        Json.put(json, "seconds", seconds);
        Json.put(json, "forward_seconds", forwardSeconds);
        Json.put(json, "forward_ratio", seconds / forwardSeconds);
        if (!schedule.warnings().isEmpty()) {
            json.set("warnings", Json.MAPPER.valueToTree(schedule.warnings()));
        }
        if (out != null) {
            json.put("out", out.toString());
        }
        Json.print(spec.commandLine().getOut(), json);
        return 0;
    }

    /**
     * The exact log-density of each point and where it is taken: a mixture's at t = 0, memorised points'
     * at t_min; none for a model of data without a closed form.
     */
    private record Exact(double[] logDensity, String at) {

        double nll() {
            return logDensity == null ? Double.NaN : -Arrays.stream(logDensity).average().orElse(Double.NaN);
        }
    }

    private Exact exact(DataDistribution reference, Schedule schedule, double tMin, double[] points) {
        Optional<GaussianMixture> mixture = reference.mixture();
        if (mixture.isPresent()) {
            return new Exact(ExactLikelihood.mixture(mixture.get(), points), "t=0");
        }
        if (oracleOptions.model().isEmpty() && reference instanceof EmpiricalDistribution memorised) {
            return new Exact(ExactLikelihood.points(memorised.points(), schedule, tMin, points), "t_min");
        }
        return new Exact(null, null);
    }

    /** The standard deviation over the points of the difference a − b (NaN for one point). */
    private static double spread(double[] a, double[] b) {
        double mean = 0;
        for (int p = 0; p < a.length; p++) {
            mean += (a[p] - b[p]) / a.length;
        }
        double squares = 0;
        for (int p = 0; p < a.length; p++) {
            squares += (a[p] - b[p] - mean) * (a[p] - b[p] - mean);
        }
        return a.length > 1 ? Math.sqrt(squares / (a.length - 1)) : Double.NaN;
    }

    /** The median time of one plain call of the denoiser on the same points, of five. */
    private static double forwardSeconds(Denoiser denoiser, double[] points, double t) {
        double[] times = new double[5];
        for (int i = 0; i < times.length; i++) {
            long started = System.nanoTime();
            denoiser.denoise(points, t);
            times[i] = (System.nanoTime() - started) / 1e9;
        }
        Arrays.sort(times);
        return times[2];
    }

    private static void write(Path file, double[] points, Likelihood.Result r, double[] exact) {
        try {
            AtomicFiles.write(file, w -> {
                w.write("x,y,log_p0,log_p0_exact,log_prior,log_det,end_x,end_y\n");
                for (int p = 0; p < r.logDensity().length; p++) {
                    w.write(points[2 * p] + "," + points[2 * p + 1] + "," + r.logDensity()[p] + ","
                            + (exact == null ? "" : String.valueOf(exact[p])) + "," + r.logPrior()[p] + ","
                            + r.logDet()[p] + "," + r.end()[2 * p] + "," + r.end()[2 * p + 1] + "\n");
                }
            });
        } catch (IOException e) {
            throw IoReasons.cannotWrite(file, e);
        }
    }
}
