package org.scorefield.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.flow.ExactOracle;
import org.scorefield.core.flow.ExactPath;
import org.scorefield.core.nn.ModelFile;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.schedule.GridKind;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.session.Session;
import org.scorefield.core.session.SessionFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --oracle}: the exact denoiser a command samples with (docs/math.md §4), or instead
 * {@code --model}, a trained network, or {@code --session}, a workspace saved by the window
 * (exactly one of the three).
 */
final class OracleOptions {

    static final String EMPIRICAL_PREFIX = "empirical:";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    // "0..1" so that render --scene can stand in for them; every other use requires one (see #require)
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice;

    private Session loaded;
    private TrainedModel loadedModel;

    /** The three mutually exclusive sources; picocli sets exactly one. */
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

        @Option(names = "--session", paramLabel = "FILE",
                description = {"A session saved by the window (.scorefield), instead of --oracle or --model: its "
                        + "trained model (or, without one or with the exact oracle chosen, the exact oracle of its "
                        + "data under its process), and its sampler, steps, seed and view as defaults for the options "
                        + "not given."})
        Path session;
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
     * @param points    the memorised points, or a sample of the mixture
     * @param mixture   the analytic mixture when the oracle is the mixture oracle
     */
    record Oracle(String name, DataDistribution reference, PointSet points, Optional<GaussianMixture> mixture) {

        Denoiser denoiser(Schedule schedule) {
            return ExactOracle.of(mixture, points, ExactPath.diffusion(schedule));
        }
    }

    /**
     * The oracle with its schedule from {@code --process}, or the model with its own schedule.
     *
     * @throws InvalidInputException for a model file that cannot be used, or options that do not
     *         apply to a model
     */
    DenoiserSource resolve(ProcessOptions process) {
        require();
        var parsed = command.commandLine().getParseResult();
        if (choice.session != null) {
            InvalidInputException.require(!parsed.hasMatchedOption("--data-n") && !parsed.hasMatchedOption("--data-seed")
                    && !process.given(), "--data-n, --data-seed, --process and --param cannot be used with --session: "
                    + "the session has its own data and process.");
            return DenoiserSource.of(choice.session, session().orElseThrow());
        }
        if (choice.model == null) {
            Oracle oracle = resolve();
            return DenoiserSource.of(oracle, process.resolve());
        }
        InvalidInputException.require(!parsed.hasMatchedOption("--data-n") && !parsed.hasMatchedOption("--data-seed"),
                "--data-n and --data-seed apply to --oracle only, not to --model.");
        TrainedModel model = model().orElseThrow();
        InvalidInputException.require(!process.given(), "--process and --param cannot be used with --model: the "
                + "model samples with the process it was trained on, "
                + model.parameterization().schedule().describe() + ".");
        return DenoiserSource.of(choice.model, model);
    }

    /** Whether one of --oracle, --model and --session was given. */
    boolean given() {
        return choice != null;
    }

    /** Refuses a command line with none of --oracle, --model and --session, as picocli words it. */
    void require() {
        if (choice == null) {
            throw new picocli.CommandLine.ParameterException(command.commandLine(), "Missing required argument "
                    + "(specify one of these): (--oracle=<preset|empirical:preset|file.csv> | --model=FILE | "
                    + "--session=FILE)");
        }
    }

    /** The trained model: {@code --model}'s, or the session's if it has one; empty for an oracle. */
    Optional<TrainedModel> model() {
        require();
        if (choice.model != null) {
            if (loadedModel == null) {
                loadedModel = ModelFile.load(choice.model);
            }
            return Optional.of(loadedModel);
        }
        return session().flatMap(Session::model);
    }

    /** The session of {@code --session}, read once; empty without it. */
    Optional<Session> session() {
        if (choice == null) {
            return Optional.empty();
        }
        if (choice.session != null && loaded == null) {
            loaded = SessionFile.load(choice.session);
        }
        return Optional.ofNullable(loaded);
    }

    /**
     * A value for an option that was not given: the session's setting {@code key} when there is a
     * session that has it, otherwise the option's own value.
     */
    <T> T fromSession(String option, T given, java.util.function.Function<Session.Settings, Optional<T>> setting) {
        if (command.commandLine().getParseResult().hasMatchedOption(option)) {
            return given;
        }
        return session().flatMap(s -> setting.apply(s.settings())).orElse(given);
    }

    /**
     * The sampler for {@code --solver} and {@code --steps} (null when not given): with a session,
     * the session's solver, steps, grid and η where the options are not given.
     */
    SamplerSettings sampler(String solver, Integer steps) {
        SamplerKind kind = SamplerKind.fromId(fromSession("--solver", solver,
                s -> Settings.SOLVER.read(s).map(Settings.SOLVER::id)));
        Integer k = fromSession("--steps", steps, Settings.STEPS::read);
        SamplerSettings defaults = SamplerSettings.defaults(kind);
        Optional<Session.Settings> saved = session().map(Session::settings);
        GridKind grid = saved.flatMap(Settings.GRID::read).orElse(defaults.grid());
        double eta = saved.flatMap(Settings.ETA::read).orElse(defaults.eta());
        return kind.settings(k != null ? k : defaults.steps(), grid, eta);
    }

    Oracle resolve() {
        require();
        InvalidInputException.require(dataN >= 1 && dataN <= 200_000,
                "--data-n must lie between 1 and 200000, got " + dataN + ".");
        String spec = choice.spec;
        boolean forceEmpirical = spec.startsWith(EMPIRICAL_PREFIX);
        String dataName = forceEmpirical ? spec.substring(EMPIRICAL_PREFIX.length()) : spec;
        DataDistribution data = DataSpec.parse(dataName, "--oracle");
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
