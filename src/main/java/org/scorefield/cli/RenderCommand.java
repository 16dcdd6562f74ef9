package org.scorefield.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import org.scorefield.app.settings.AnimationSubject;
import org.scorefield.core.Progress;
import org.scorefield.core.flow.ExactPath;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.flow.Reflow;
import org.scorefield.core.guidance.ExactGuidance;
import org.scorefield.core.guidance.GuidanceSweep;
import org.scorefield.app.export.GuidanceSweepContent;
import org.scorefield.core.nn.Architecture;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.nn.Parameterization;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.nn.Trainer;
import org.scorefield.core.nn.TrainingSettings;
import org.scorefield.core.nn.TrainingSnapshots;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.session.Session;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.scorefield.app.fx.HeadlessFx;
import org.scorefield.app.theme.Look;
import org.scorefield.app.canvas.TrajectoryRole;
import org.scorefield.app.export.Animation;
import org.scorefield.app.settings.AnimationFormat;
import org.scorefield.app.export.AnimationWriter;
import org.scorefield.app.export.VideoLibrary;
import org.scorefield.app.settings.FrameSize;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.io.IoReasons;
import org.scorefield.core.io.JsonFields;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.schedule.ForwardNoising;
import org.scorefield.core.sample.Recording;
import org.scorefield.core.sample.SampleResult;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.SamplerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scorefield render}: an animation of the canvas, frame by frame from the seeds, to GIF, MP4, APNG or PNGs. */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Render an animation of the canvas without a display, frame by frame from the model or oracle "
                + "(not by screen capture), drawn exactly as the window draws it: the forward-noising sweep or "
                + "sampling trajectories. The same seeds give the same file.",
            "Prints {\"frames\",\"seconds\",\"bytes\",…}."},
        footer = {"", "Examples:",
            "  scorefield render --oracle 8gaussians --what sampling --format mp4 --size 1280x720 --fps 30 --seconds 10 "
                    + "--out sampling.mp4",
            "  scorefield render --model moons-fm.json --what sampling --format gif --size square --out moons.gif",
            "  scorefield render --oracle moons --what noising --format apng --size 720p --seconds 4 --out noising.png",
            "  scorefield render --oracle gmm-labelled --what guidance --class 2 --omega-max 6 --out guidance.mp4",
            "  scorefield render --session lecture.scorefield --format mp4 --out lecture.mp4   (the session's model,"
                    + " sampler, seeds, look and export settings)"})
final class RenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    static final int DEFAULT_STEPS = 32;
    static final int DEFAULT_REFLOW_TRAIN_STEPS = 600;
    static final int DEFAULT_TRAINING_STEPS = 2000;

    @Mixin
    OracleOptions oracleOptions;

    @Mixin
    ProcessOptions processOptions;

    @Option(names = "--scene", paramLabel = "N",
            description = "Animate scene N (from 1) of a lesson as the window's Export section would, instead of "
                    + "--oracle, --model or --session: the scene's data, process, sampler and view; --what, --size "
                    + "(720p, 1080p, square or WxH), --fps, --seconds, --hold, --overlay, --theme and --presenter "
                    + "apply.")
    Integer scene;

    @Option(names = "--lesson", defaultValue = "default", paramLabel = "FILE|default",
            description = "The lesson of --scene: a lesson file, or the one that ships (default).")
    String lesson;

    @Option(names = "--what", defaultValue = "sampling",
            paramLabel = "<noising|sampling|split|reflow|training|guidance>",
            description = "What moves: the data noised from t = 0 to 1; sampling trajectories from t = 1 to 0; the "
                    + "PF-ODE beside the reverse SDE from the same noise; the Reflow rounds of a flow model side by "
                    + "side; a model's samples as it trains from its first step; or a guidance sweep, the samples of "
                    + "--class from the same noise as \u03c9 grows from 0 to --omega-max, over the tilted density "
                    + "(data with classes: gmm-labelled) (default ${DEFAULT-VALUE}).")
    String what;

    @Option(names = "--omega-max", defaultValue = "4", paramLabel = "W",
            description = "--what guidance: \u03c9 runs from 0 to W, sampled once at each of "
                    + GuidanceSweep.DEFAULT_VALUES + " evenly spaced values (default ${DEFAULT-VALUE}).")
    double omegaMax;

    @Option(names = "--class", paramLabel = "K",
            description = "--what guidance: the class guided to (default: a --session's guided class, else 0).")
    Integer guidedClass;

    @Option(names = "--rounds", defaultValue = "2", paramLabel = "R",
            description = "--what reflow: Reflow rounds after the model's own (default ${DEFAULT-VALUE}); with a "
                    + "--session that has rounds, its rounds unless this, --pairs or --train-steps is given.")
    int rounds;

    @Option(names = "--pairs", defaultValue = "2000", paramLabel = "N",
            description = "--what reflow: pairs per round (default ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--train-steps", paramLabel = "K",
            description = "--what reflow: fine-tuning steps per round (default " + DEFAULT_REFLOW_TRAIN_STEPS + "); "
                    + "--what training: steps trained (default " + DEFAULT_TRAINING_STEPS + ").")
    Integer trainSteps;

    @Option(names = "--snapshots", defaultValue = "40", paramLabel = "K",
            description = "--what training: how many times the model samples as it trains (default ${DEFAULT-VALUE}).")
    int snapshots;

    @Option(names = "--format", paramLabel = "<gif|mp4|webm|apng|png>",
            description = "GIF (one fixed palette, looping), MP4 (H.264), WebM (VP9), APNG, or a folder of PNGs "
                    + "(default: from the file name, else gif).")
    String format;

    @Option(names = "--size", defaultValue = "720p", paramLabel = "<720p|1080p|square|WxH>",
            description = "Frame size: 1280x720, 1920x1080, 1080x1080 or any W×H (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--fps", defaultValue = "30", paramLabel = "F", description = "Frames per second (default ${DEFAULT-VALUE}).")
    double fps;

    @Option(names = "--seconds", defaultValue = "6", paramLabel = "S", description = "Duration (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--hold", paramLabel = "S",
            description = "Seconds the first and last frames are held (default 0.5, or an eighth of a shorter "
                    + "duration, as the window does).")
    Double hold;

    @Option(names = "--overlay", defaultValue = "on", paramLabel = "<on|off>",
            description = "Draw the title, t and NFE (default ${DEFAULT-VALUE}).")
    String overlay;

    @Mixin
    LookOptions lookOptions;

    @Option(names = "--solver", defaultValue = "heun", paramLabel = "SOLVER", description = "Sampler (default ${DEFAULT-VALUE}).")
    String solver;

    @Option(names = "--steps", paramLabel = "K", description = "Sampler steps (default " + DEFAULT_STEPS + ").")
    Integer steps;

    @Option(names = "--n", defaultValue = "1000", paramLabel = "N",
            description = "Samples (or data points noised) (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--paths", defaultValue = "40", paramLabel = "P",
            description = "Trajectories drawn in full; every sample's head is drawn (default ${DEFAULT-VALUE}).")
    int paths;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the start noise and the data (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file (a folder for png), written atomically.")
    Path out;

    /** The Reflow rounds a --what reflow animation shows, for the JSON. */
    private int[] animatedRounds;

    @Override
    public Integer call() {
        HeadlessFx.start(); // before any other JavaFX class loads
        AnimationFormat chosen = format != null ? AnimationFormat.fromId(format.toLowerCase(Locale.ROOT)) : fromName(out);
        if (scene != null) {
            return scene(chosen);
        }
        DenoiserSource source = oracleOptions.resolve(processOptions);
        size = oracleOptions.fromSession("--size", size, s -> Settings.FRAME_SIZE.read(s).flatMap(RenderCommand::sessionSize));
        int[] wh = parseSize(size);
        // A session gives what the window showed for every option that is not given.
        Look shown = lookOptions.look();
        Look look = new Look(oracleOptions.fromSession("--theme", shown.dark(), Settings.DARK::read),
                oracleOptions.fromSession("--presenter", shown.presenter(), Settings.PRESENTER::read));
        n = oracleOptions.fromSession("--n", n, Settings.SAMPLE_COUNT::read);
        paths = oracleOptions.fromSession("--paths", paths, Settings.PATHS::read);
        seed = oracleOptions.fromSession("--seed", seed, Settings.SAMPLING_SEED::read);
        fps = oracleOptions.fromSession("--fps", fps, s -> Settings.FPS.read(s).map(Integer::doubleValue));
        seconds = oracleOptions.fromSession("--seconds", seconds, Settings.SECONDS::read);
        overlay = oracleOptions.fromSession("--overlay", overlay,
                s -> Settings.OVERLAY.read(s).map(on -> on ? "on" : "off"));
        what = oracleOptions.fromSession("--what", what, s -> Settings.ANIMATION.read(s).map(Settings.ANIMATION::id));
        pairs = oracleOptions.fromSession("--pairs", pairs, Settings.REFLOW_PAIRS::read);
        trainSteps = oracleOptions.fromSession("--train-steps", trainSteps,
                s -> Settings.REFLOW_TRAIN_STEPS.read(s).filter(k -> "reflow".equalsIgnoreCase(what)));
        double held = hold != null ? hold : Math.min(0.5, seconds / 8);
        AnimationSubject which = subject();
        // ω a vs b compares the window's two panes: a lesson scene (--scene) has them, plain options do not
        InvalidInputException.require(which != AnimationSubject.GUIDANCE_SPLIT, "The \u03c9 a vs b animation "
                + "(--what guidance_split, or a session saved with it chosen) shows the window's view of two guidance "
                + "scales: export it from the window, animate a lesson's scene with --scene, or pass --what guidance.");
        InvalidInputException.require(n >= 2 && n <= 100_000, "--n must lie between 2 and 100000, got " + n + ".");
        InvalidInputException.require(paths >= 0 && paths <= n, "--paths must lie between 0 and --n.");

        // A session's own points with the window's fixed ends, on its path (the process, or flow matching's
        // linear path from its source): the dots on its canvas.
        Optional<ExactPath> sessionExact = oracleOptions.session().map(DenoiserSource::exactPath);
        Optional<ForwardNoising> sessionData = oracleOptions.session().map(ss -> sessionExact.get().source()
                .forwardNoising(ss.data().points(), ss.data().seed()));
        int[] sessionLabels = oracleOptions.session().map(ss -> ss.data().points().labels()).orElse(null);
        Optional<Schedule> sessionPath = sessionExact.map(ExactPath::schedule);
        Animation.Content content;
        if (which == AnimationSubject.NOISING && sessionData.isPresent()) {
            content = Animation.noising(sessionData.get(), sessionLabels, sessionPath.get());
        } else if (which == AnimationSubject.NOISING) {
            PointSet data = source.reference().orElseThrow(() -> new InvalidInputException(
                    "The noising sweep needs the data, and " + source.description() + ".")).sample(n, seed);
            content = Animation.noising(data, source.denoiser().schedule(), seed);
        } else {
            Integer k = steps == null && oracleOptions.session().isEmpty() ? Integer.valueOf(DEFAULT_STEPS) : steps;
            SamplerSettings settings = org.scorefield.core.sample.Sampling.endingWhereTrained(source.denoiser(),
                    oracleOptions.sampler(solver, k));
            boolean dataShown = oracleOptions.session().flatMap(ss -> Settings.SHOW_DATA.read(ss.settings()))
                .orElse(Settings.SHOW_DATA.defaultValue());
            ForwardNoising layer = dataShown ? sessionData.orElse(null) : null;
            Schedule process = sessionPath.orElse(null);
            content = switch (which) {
                case SPLIT -> split(source, settings, layer, sessionLabels, process);
                case REFLOW -> reflow(source);
                case TRAINING -> training(source, settings);
                case GUIDANCE -> guidance(source, settings, wh);
                default -> {
                    SampleResult result = source.sample(settings, n, seed, Recording.POSITIONS);
                    TrajectoryRole role = settings.kind().isStochastic(settings) ? TrajectoryRole.SDE : TrajectoryRole.ODE;
                    yield layer != null
                            ? Animation.sampling(result.trajectories(), paths, role, settings.kind().displayName(),
                                    result.nfe(), layer, sessionLabels, process)
                            : Animation.sampling(result.trajectories(), paths, role, settings.kind().displayName(),
                                    result.nfe(), null);
                }
            };
        }
        Animation animation = new Animation(content, wh[0], wh[1], fps, seconds, held, overlay.equals("on"),
                look);
        long started = System.nanoTime();
        long bytes = AnimationWriter.write(chosen, out, animation, Progress.NONE);
        double elapsed = (System.nanoTime() - started) / 1e9;
        ObjectNode json = Json.object();
        json.put("out", out.toString());
        json.put("format", chosen.id());
        json.put("what", which.name().toLowerCase(Locale.ROOT));
        json.put("width", wh[0]);
        json.put("height", wh[1]);
        Json.put(json, "fps", fps);
        json.put("frames", animation.frameCount());
        Json.put(json, "seconds", elapsed);
        json.put("bytes", bytes);
        json.put("encoder", VideoLibrary.forWriting(chosen).encoder(chosen));
        if (which == AnimationSubject.GUIDANCE) {
            Json.put(json, "omega_max", omegaMax);
            json.put("class", guidedClass);
        }
        if (animatedRounds != null) {
            var list = json.putArray("rounds");
            for (int r : animatedRounds) {
                list.add(r);
            }
        }
        Json.print(spec.commandLine().getOut(), json);
        return 0;
    }

    /** What --what names, with --overlay checked beside it. */
    private AnimationSubject subject() {
        InvalidInputException.require(overlay.equals("on") || overlay.equals("off"),
                "--overlay takes on or off, not '" + JsonFields.quote(overlay) + "'.");
        // A vs B trains a second model beside the window's: the window makes that animation, not render
        InvalidInputException.require(!AnimationSubject.COMPARE.name().equalsIgnoreCase(what), "The A vs B animation "
                + "(--what compare, or a session saved with it chosen) shows the window's A vs B view, which trains "
                + "a second model beside the first: export it from the window's Export section, or pass --what.");
        return java.util.Arrays.stream(AnimationSubject.values())
                .filter(w -> w.name().equalsIgnoreCase(what)).findFirst()
                .orElseThrow(() -> new InvalidInputException("--what takes noising, sampling, split, reflow, training "
                        + "or guidance, not '" + JsonFields.quote(what) + "'."));
    }

    /** {@code --scene N}: the lesson's scene, animated as the window's export would animate it. */
    private int scene(AnimationFormat chosen) {
        var parsed = spec.commandLine().getParseResult();
        for (String option : new String[] {"--process", "--param", "--data-n", "--data-seed", "--solver", "--steps",
            "--n", "--paths", "--seed", "--rounds", "--pairs", "--train-steps", "--snapshots"}) {
            InvalidInputException.require(!parsed.hasMatchedOption(option), option + " cannot be used with --scene: "
                    + "the scene sets its own data, process and sampler.");
        }
        InvalidInputException.require(!oracleOptions.given(), "--scene cannot be combined with --oracle, --model or "
                + "--session: the scene sets its own data and process.");
        org.scorefield.core.session.Lesson deck = LessonOption.read(lesson);
        LessonOption.requireScene(deck, scene);
        AnimationSubject which = subject();
        int[] wh = parseSize(size);
        double held = hold != null ? hold : Math.min(0.5, seconds / 8);
        org.scorefield.app.headless.SceneAnimation.Result result;
        try {
            result = org.scorefield.app.headless.SceneAnimation.write(new org.scorefield.app.headless.SceneAnimation
                    .Request(deck, scene, which, chosen, wh[0], wh[1], fps, seconds, held, overlay.equals("on"),
                    lookOptions.look()), out);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("Scene " + scene + " (" + deck.scenes().get(scene - 1).name() + "): "
                    + JsonFields.phrase(e.getMessage()) + ".", e);
        }
        ObjectNode json = Json.object();
        json.put("out", out.toString());
        json.put("format", chosen.id());
        json.put("what", which.name().toLowerCase(Locale.ROOT));
        json.put("scene", scene);
        json.put("name", deck.scenes().get(scene - 1).name());
        json.put("width", wh[0]);
        json.put("height", wh[1]);
        Json.put(json, "fps", fps);
        json.put("frames", result.frames());
        Json.put(json, "seconds", result.seconds());
        json.put("bytes", result.bytes());
        json.put("encoder", VideoLibrary.forWriting(chosen).encoder(chosen));
        Json.print(spec.commandLine().getOut(), json);
        return 0;
    }

    /** The window's split view: Euler–Maruyama on the sampler's grid, η = 0 and η (1 unless the session says), from the same start noise. */
    private Animation.Content split(DenoiserSource source, SamplerSettings chosen, ForwardNoising layer, int[] labels,
                                    Schedule process) {
        // the SDE's η: the session's, when it is above 0, as the window's split view takes it
        double eta = oracleOptions.session().flatMap(ss -> Settings.ETA.read(ss.settings())).filter(e -> e > 0)
                .orElse(1.0);
        SamplerSettings base = SamplerKind.SDE.settings(chosen.steps(), chosen.grid(), 0);
        SampleResult ode = source.sample(base.withEta(0), n, seed, Recording.POSITIONS);
        SampleResult sde = source.sample(base.withEta(eta), n, seed, Recording.POSITIONS);
        return Animation.split(ode.trajectories(), base.withEta(0).title(), ode.nfe(), sde.trajectories(),
                base.withEta(eta).title(), sde.nfe(), paths, layer, labels, process);
    }

    /**
     * Reflow rounds of the model (a flow-matching one), each round's paths from the same sources: a
     * session's own rounds when it has some and neither --rounds nor --pairs nor --train-steps is given
     * (the rounds its window shows, their paths drawn again), otherwise rounds made now.
     */
    private Animation.Content reflow(DenoiserSource source) {
        Optional<Session.Rounds> saved = oracleOptions.session().flatMap(Session::rounds);
        var parsed = spec.commandLine().getParseResult();
        if (saved.isPresent() && !parsed.hasMatchedOption("--rounds") && !parsed.hasMatchedOption("--pairs")
                && !parsed.hasMatchedOption("--train-steps")) {
            DataDistribution data = source.reference().orElseThrow(() -> new InvalidInputException(
                    "--what reflow draws the rounds over the data, and there is " + source.description() + "."));
            // as the window shows them: the newest side by side, or the newest alone; only those are drawn
            boolean sideBySide = oracleOptions.session().flatMap(ss -> Settings.REFLOW_SIDE_BY_SIDE.read(ss.settings()))
                    .orElse(Settings.REFLOW_SIDE_BY_SIDE.defaultValue());
            List<Reflow.Round> shown = saved.get().draw(data, sideBySide ? Settings.SIDE_BY_SIDE_ROUNDS : 1);
            animatedRounds = shown.stream().mapToInt(round -> round.metrics().round()).toArray();
            return Animation.reflow(shown, paths, data.sample(n, seed));
        }
        TrainedModel model = oracleOptions.model().orElseThrow(() -> new InvalidInputException(
                "--what reflow needs a flow-matching model: --model m.json or a --session with one."));
        InvalidInputException.require(rounds >= 1 && rounds <= 8, "--rounds must lie between 1 and 8, got " + rounds + ".");
        DataDistribution data = source.reference().orElseThrow(() -> new InvalidInputException(
                "--what reflow measures the rounds against the model's data, and there is " + source.description() + "."));
        Reflow reflow = new Reflow(data, model.flow().source(), new Reflow.Settings(pairs,
                Reflow.Settings.DEFAULT_SOLVER_STEPS, trainSteps != null ? trainSteps : DEFAULT_REFLOW_TRAIN_STEPS, true,
                Math.max(paths, 200), seed));
        List<Reflow.Round> list = new ArrayList<>();
        list.add(reflow.measure(model, model.flow().round(), 0));
        for (int r = 1; r <= rounds; r++) {
            list.add(reflow.next(list.get(list.size() - 1), Progress.NONE));
        }
        animatedRounds = list.stream().mapToInt(round -> round.metrics().round()).toArray();
        return Animation.reflow(list, paths, data.sample(n, seed));
    }

    /**
     * The guidance sweep: --class sampled from the same noise at {@value GuidanceSweep#DEFAULT_VALUES}
     * values of ω from 0 to --omega-max, by the exact oracle of a labelled mixture (its guided field) or a
     * conditional model (classifier-free guidance), over the tilted density of each ω.
     */
    private Animation.Content guidance(DenoiserSource source, SamplerSettings settings, int[] wh) {
        guidedClass = guidedClass != null ? guidedClass : oracleOptions.session()
                .flatMap(ss -> Settings.GUIDED_CLASS.read(ss.settings())).filter(c -> c >= 0).orElse(0);
        InvalidInputException.require(Double.isFinite(omegaMax) && omegaMax > 0 && omegaMax <= 100, "--omega-max "
                + "must lie in (0, 100], got " + omegaMax + ".");
        var mixture = source.reference().flatMap(DataDistribution::mixture);
        InvalidInputException.require(source.start().isGaussian(), "--what guidance steers a diffusion from "
                + "N(0, I) noise; this flow starts from another source.");
        Schedule schedule = source.denoiser().schedule();
        ExactGuidance exact;
        java.util.function.DoubleFunction<org.scorefield.core.denoise.Denoiser> guided;
        if (source.key().equals("oracle")) {
            // the oracle's exact classes: its mixture's, or the labels of the points it memorises (§9.2)
            PointSet points = source.reference().orElse(null)
                    instanceof org.scorefield.core.data.EmpiricalDistribution memorised ? memorised.points() : null;
            InvalidInputException.require(mixture.isPresent() || points != null && points.hasLabels(), "--what "
                    + "guidance guides the samples to a class, and " + source.name() + " has no classes: use "
                    + "labelled data, such as --oracle gmm-labelled.");
            exact = ExactGuidance.of(mixture, points, schedule);
            // exact classifier guidance is the same field as exact classifier-free guidance (docs/math.md §9.2)
            ExactGuidance oracle = exact;
            guided = w -> oracle.guided(guidedClass, w);
        } else {
            TrainedModel model = oracleOptions.model().orElseThrow(() -> new InvalidInputException("--what guidance "
                    + "guides a conditional model or the exact oracle of labelled data; this session samples with "
                    + "its exact oracle of points, which has no classes."));
            InvalidInputException.require(model.architecture().classes() > 0, "This model was trained without "
                    + "classes, so it cannot be guided: train it with --conditional, or use --oracle gmm-labelled.");
            InvalidInputException.require(mixture.isPresent(), "--what guidance judges the samples against the exact "
                    + "classes of the model's training data, which must be a labelled mixture (gmm-labelled).");
            exact = new ExactGuidance(mixture.get(), schedule);
            guided = w -> ExactGuidance.classifierFree(model.denoiser(guidedClass), model.denoiser(), w);
        }
        int c = guidedClass;
        InvalidInputException.require(exact.classes() > 1, "--what guidance guides the samples to a class, and "
                + source.name() + " has only one: use labelled data, such as --oracle gmm-labelled.");
        InvalidInputException.require(c >= 0 && c < exact.classes(), "--class must lie between 0 and "
                + (exact.classes() - 1) + " for " + source.name() + ", got " + c + ".");
        // classifier-free guidance evaluates the class's denoiser and the whole data's (ω ∉ {0, 1})
        List<GuidanceSweep.Frame> frames = GuidanceSweep.run(guided, ExactGuidance::evaluationsPerCall, exact, c,
                GuidanceSweep.grid(omegaMax, GuidanceSweep.DEFAULT_VALUES), settings, n, seed, Progress.NONE);
        String title = String.format(Locale.ROOT, "guidance sweep  \u00b7  %s  \u00b7  class %d  \u00b7  %s, %d steps",
                source.name(), c, settings.kind().displayName(), settings.steps());
        return new GuidanceSweepContent(frames, exact, c, wh[0], wh[1], schedule.tMin(), title);
    }

    /** A model trained from its first step (the model's settings, or the defaults), sampled at --snapshots steps. */
    private Animation.Content training(DenoiserSource source, SamplerSettings sampler) {
        DataDistribution data = source.reference().orElseThrow(() -> new InvalidInputException(
                "--what training trains on the data, and there is " + source.description() + "."));
        Optional<TrainedModel> model = oracleOptions.model();
        Trainer trainer = model.map(m -> new Trainer(data, m.parameterization(), m.architecture(), m.settings(), m.flow()))
                .orElseGet(() -> new Trainer(data, Parameterization.of(Objective.DEFAULT, source.denoiser().schedule()),
                        Architecture.defaults(), TrainingSettings.defaults(seed)));
        long total = trainSteps != null ? trainSteps : DEFAULT_TRAINING_STEPS;
        List<TrainingSnapshots.Snapshot> shots = TrainingSnapshots.record(trainer, total, snapshots, sampler, n, seed,
                () -> false);
        return Animation.training(shots, data.sample(n, seed), "training on " + data.id() + "  ·  "
                + sampler.kind().displayName() + ", " + sampler.steps() + " steps");
    }

    /** The --size of a session's frame size; none for the canvas's size, which a session does not know. */
    private static Optional<String> sessionSize(FrameSize size) {
        return switch (size) {
            case HD720 -> Optional.of("720p");
            case HD1080 -> Optional.of("1080p");
            case SQUARE -> Optional.of("square");
            case CANVAS -> Optional.empty();
        };
    }

    /** The format a file name implies: .gif, .mp4, .webm, .png (APNG); no extension means a PNG folder. */
    static AnimationFormat fromName(Path out) {
        String name = IoReasons.fileName(out).toLowerCase(Locale.ROOT);
        if (name.endsWith(".mp4")) {
            return AnimationFormat.MP4;
        } else if (name.endsWith(".webm")) {
            return AnimationFormat.WEBM;
        } else if (name.endsWith(".png") || name.endsWith(".apng")) {
            return AnimationFormat.APNG;
        } else if (!name.contains(".")) {
            return AnimationFormat.PNG;
        }
        return AnimationFormat.GIF;
    }

    /** 720p, 1080p, square or W×H (x or ×). */
    static int[] parseSize(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "720p":
                return new int[] {1280, 720};
            case "1080p":
                return new int[] {1920, 1080};
            case "square":
                return new int[] {1080, 1080};
            default:
                String[] parts = s.split("[x×]");
                try {
                    if (parts.length == 2) {
                        return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
                    }
                } catch (NumberFormatException e) {
                    // refused below
                }
                throw new InvalidInputException("--size takes 720p, 1080p, square or W×H such as 1280x720, not '"
                        + text + "'.");
        }
    }
}
