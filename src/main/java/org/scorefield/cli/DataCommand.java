package org.scorefield.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.PointCsv;
import org.scorefield.core.data.PointSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scorefield data}: draws points from a preset (or resamples a CSV file) and writes them. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = {"Draw N points from a preset, or resample a CSV file with replacement, and write them as CSV.",
            "Prints {\"data\",\"n\",\"seed\",\"labels\",\"mean\",\"std\",\"mixture\",\"out\"}."},
        footer = {"", "Examples:", "  scorefield data --data moons --n 2000 --seed 1 --out moons.csv",
            "  scorefield data --data 8gaussians --n 500 --seed 7"})
final class DataCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "<preset|file.csv>",
            description = "moons, 8gaussians, checkerboard, swissroll, rings, spirals, pinwheel, gmm-labelled, "
                    + "gaussian, or a CSV file of x,y[,label] rows.")
    String data;

    @Option(names = "--n", defaultValue = "1000", paramLabel = "N", description = "Number of points (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "CSV file to write (written atomically).")
    Path out;

    @Override
    public Integer call() {
        InvalidInputException.require(n >= 1 && n <= PointCsv.MAX_POINTS,
                "--n must lie between 1 and " + PointCsv.MAX_POINTS + ", got " + n + ".");
        DataDistribution distribution = DataSpec.parse(data, "--data");
        PointSet points = distribution.sample(n, seed);
        if (out != null) {
            PointCsv.write(points, out);
        }
        ObjectNode json = Json.object();
        json.put("data", distribution.id());
        json.put("n", points.size());
        json.put("seed", seed);
        json.put("labels", points.labelCount());
        json.set("mean", Json.array(points.mean()));
        json.set("std", Json.array(points.std()));
        json.put("mixture", distribution.mixture().isPresent());
        if (out != null) {
            json.put("out", out.toString());
        }
        Json.print(spec.commandLine().getOut(), json);
        return 0;
    }
}
