package org.scorefield.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.EmpiricalDenoiser;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.nn.ModelFile;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.schedule.Schedule;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --oracle}: the exact denoiser a command samples with (MATH.md §4), or instead
 * {@code --model}, a trained network (exactly one of the two).
 */
final class OracleOptions {

    static final String EMPIRICAL_PREFIX = "empirical:";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    /** The two mutually exclusive sources; picocli sets exactly one. */
    static final class Choice {

        @Option(names = "--oracle", paramLabel = "<preset|empirical:preset|file.csv>",
                description = {"Exact denoiser to sample with. A mixture preset (8gaussians, gmm-labelled, gaussian) "
                        + "uses its analytic mixture; any other preset, 'empirical:<preset>' or a CSV file uses the "
                        + "ideal denoiser of a point set, which memorises it. Samples are compared with what the "
                        + "oracle represents exactly: the mixture, or the memorised points."})
        String spec;

        @Option(names = "--model", paramLabel = "FILE",
                description = {"A model written by 'scorefield train', instead of --oracle. It samples with the "
                        + "process it was trained on (so --process and --param are refused), and samples are compared "
                        + "with the data it was trained on when that can still be found."})
        Path model;
    }

    @Option(names = "--data-n", defaultValue = "1000", paramLabel = "N",
            description = "Points the empirical oracle memorises when built from a preset (default ${DEFAULT-VALUE}).")
    int dataN;

    @Option(names = "--data-seed", defaultValue = "0", paramLabel = "S",
            description = "Seed of those points (default ${DEFAULT-VALUE}).")
    long dataSeed;

    /**
     * What an oracle argument resolved to.
     *
     * @param name      how the oracle is reported
     * @param reference the distribution the oracle samples exactly, which samples are compared with:
     *                  the mixture itself, or the memorised points (resampled with replacement)
     * @param points    the memorised points, or a sample of the mixture (for VE's σ_max)
     * @param mixture   the analytic mixture when the oracle is the mixture oracle
     */
    record Oracle(String name, DataDistribution reference, PointSet points, Optional<GaussianMixture> mixture) {

        Denoiser denoiser(Schedule schedule) {
            return mixture.<Denoiser>map(m -> new GaussianMixtureDenoiser(m, schedule))
                    .orElseGet(() -> new EmpiricalDenoiser(points, schedule));
        }
    }

    /**
     * The oracle with its schedule from {@code --process}, or the model with its own schedule.
     *
     * @throws InvalidInputException for a model file that cannot be used, or options that do not
     *         apply to a model
     */
    DenoiserSource resolve(ProcessOptions process) {
        if (choice.model == null) {
            Oracle oracle = resolve();
            return DenoiserSource.of(oracle, process.resolve(oracle.points()));
        }
        var parsed = command.commandLine().getParseResult();
        InvalidInputException.require(!parsed.hasMatchedOption("--data-n") && !parsed.hasMatchedOption("--data-seed"),
                "--data-n and --data-seed apply to --oracle only, not to --model.");
        TrainedModel model = ModelFile.load(choice.model);
        InvalidInputException.require(!process.given(), "--process and --param cannot be used with --model: the "
                + "model samples with the process it was trained on, "
                + model.parameterization().schedule().describe() + ".");
        return DenoiserSource.of(choice.model, model);
    }

    Oracle resolve() {
        InvalidInputException.require(dataN >= 1 && dataN <= 200_000,
                "--data-n must lie between 1 and 200000, got " + dataN + ".");
        String spec = choice.spec;
        boolean forceEmpirical = spec.startsWith(EMPIRICAL_PREFIX);
        String dataName = forceEmpirical ? spec.substring(EMPIRICAL_PREFIX.length()) : spec;
        DataDistribution data = DataSpec.parse(dataName);
        if (data instanceof EmpiricalDistribution file) {
            return new Oracle("empirical:" + file.id(), file, file.points(), Optional.empty());
        }
        PointSet points = data.sample(dataN, dataSeed);
        if (!forceEmpirical && data.mixture().isPresent()) {
            return new Oracle(data.id(), data, points, data.mixture());
        }
        // The memorising oracle's exact target is its own point set, not the preset it came from.
        String name = "empirical:" + data.id();
        return new Oracle(name, new EmpiricalDistribution(name, points), points, Optional.empty());
    }
}
