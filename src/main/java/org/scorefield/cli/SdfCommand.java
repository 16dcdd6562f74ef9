package org.scorefield.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.data.PointCsv;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.metric.SampleQuality;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.sdf.ScoreDifferenceFlow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scorefield sdf}: score-difference flow from a source to the data without a network
 * (docs/math.md §10), measured against the data as {@code sample} measures samples.
 */
@Command(name = "sdf", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Move N source particles towards the data by score-difference flow, without a network: "
                + "z = y + σξ, y ← y + η·(D_p(z; σ) − D_q(z; σ))/σ², with D_p and D_q the kernel denoisers of the "
                + "data points and of the current particles. The data never moves. σ is annealed geometrically "
                + "from --sigma to --sigma-end (η scaled with σ²), or fixed with --no-anneal. The particles are "
                + "measured against a fresh sample of the data: SW2 and its noise floor, and modes for mixtures, "
                + "at the end and at ten checkpoints.",
            "Prints {\"sw2\",\"sw2_floor\",\"sw2_ratio\",\"modes\",\"modes_hit\",\"checkpoints\",\"seconds\",…}."},
        footer = {"", "Examples:",
            "  scorefield sdf --data moons --seed 1",
            "  scorefield sdf --data 8gaussians --source gaussian --n 1000 --iterations 200 --sigma 1 --eta 0.5 "
                    + "--seed 1 --out particles.csv",
            "  scorefield sdf --data moons --no-anneal --sigma 0.1 --eta 0.005 --iterations 300 --seed 2"})
final class SdfCommand implements Callable<Integer> {

    static final int MAX_POINTS = 20_000;
    static final int CHECKPOINTS = 10;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", defaultValue = "moons", paramLabel = "<preset|file.csv>",
            description = "The target: a preset or a CSV file of points (default ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--source", defaultValue = "gaussian", paramLabel = "<gaussian|preset|file.csv>",
            description = "Where the particles start: N(0, I), a preset or a CSV file (default ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--n", defaultValue = "1000", paramLabel = "N",
            description = "Particles, and target points drawn from a preset (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--iterations", defaultValue = "200", paramLabel = "K",
            description = "Updates (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--sigma", defaultValue = "1.0", paramLabel = "S",
            description = "σ, the first σ when annealed (default ${DEFAULT-VALUE}).")
    double sigma;

    @Option(names = "--sigma-end", defaultValue = "0.05", paramLabel = "S",
            description = "The last σ when annealed (default ${DEFAULT-VALUE}).")
    double sigmaEnd;

    @Option(names = "--anneal", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Anneal σ geometrically from --sigma to --sigma-end, η scaled with σ² (default); "
                    + "--no-anneal keeps σ fixed.")
    boolean anneal;

    @Option(names = "--eta", paramLabel = "E",
            description = "η at the first σ (default 0.5·σ²: each step moves half-way to the difference of the "
                    + "two denoisers).")
    Double eta;

    @Option(names = "--seed", required = true, paramLabel = "S",
            description = "Seed of the target draw, the source, the noise ξ and the measurement.")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the final particles as CSV (x,y).")
    Path out;

    @Override
    public Integer call() {
        InvalidInputException.require(n >= 2 && n <= MAX_POINTS, "--n must lie between 2 and " + MAX_POINTS
                + ", got " + n + ".");
        double e = eta == null ? 0.5 * sigma * sigma : eta;
        ScoreDifferenceFlow flow = new ScoreDifferenceFlow(sigma, sigmaEnd, anneal, e, iterations);
        DataDistribution target = DataSpec.parse(data, "--data");
        double[] targetPoints = target instanceof EmpiricalDistribution file ? file.points().xy()
                : target.sample(n, SeededRandom.derive(seed, "sdf-target")).xy();
        double[] start = ScoreDifferenceFlow.startingPoints(source.equals("gaussian") ? FlowSource.gaussian()
                : FlowSource.of(DataSpec.parse(source, "--source")), n, seed);

        double floor = SampleQuality.floor(target, n, seed);
        ObjectNode json = Json.object();
        ArrayNode checkpoints = Json.MAPPER.createArrayNode();
        int every = Math.max(1, iterations / CHECKPOINTS);
        long started = System.nanoTime();
        double[] y = flow.run(targetPoints, start, seed, (k, particles) -> {
            if (k % every == 0 || k == iterations) {
                ObjectNode c = checkpoints.addObject();
                c.put("iteration", k);
                Json.put(c, "sigma", flow.sigmaAt(k - 1));
                Json.put(c, "sw2_ratio", SampleQuality.of(particles, target, seed, floor).sw2().ratio());
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        for (double v : y) {
            InvalidInputException.require(Double.isFinite(v), "The particles left the finite numbers: η = " + e
                    + " is too large a step for σ = " + sigma + "; try a smaller --eta.");
        }
        SampleQuality quality = SampleQuality.of(y, target, seed, floor);
        if (out != null) {
            PointCsv.write(PointSet.of(y), out);
        }
        json.put("data", target.id());
        json.put("source", source.equals("gaussian") ? "gaussian" : DataSpec.parse(source, "--source").id());
        json.put("n", n);
        json.put("target_points", targetPoints.length / 2);
        json.put("iterations", iterations);
        Json.put(json, "sigma", sigma);
        json.put("anneal", anneal);
        if (anneal) {
            Json.put(json, "sigma_end", sigmaEnd);
        }
        Json.put(json, "eta", e);
        json.put("seed", seed);
        Json.put(json, "sw2", quality.sw2().value());
        Json.put(json, "sw2_floor", quality.sw2().floor());
        Json.put(json, "sw2_ratio", quality.sw2().ratio());
        quality.modes().ifPresent(m -> {
            json.put("modes", m.modes());
            json.put("modes_hit", m.modesHit());
        });
        Json.put(json, "start_sw2_ratio", SampleQuality.of(start, target, seed, floor).sw2().ratio());
        json.set("checkpoints", checkpoints);
        Json.put(json, "seconds", seconds);
        if (out != null) {
            json.put("out", out.toString());
        }
        Json.print(spec.commandLine().getOut(), json);
        return 0;
    }
}
