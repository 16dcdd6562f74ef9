package org.scorefield.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.scorefield.app.fx.HeadlessFx;
import org.scorefield.app.theme.Look;
import org.scorefield.app.canvas.FrameBench;
import org.scorefield.app.canvas.TrajectoryRole;
import org.scorefield.app.export.Animation;
import org.scorefield.app.settings.AnimationFormat;
import org.scorefield.app.export.AnimationWriter;
import org.scorefield.app.export.VideoLibrary;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.Progress;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.flow.Reflow;
import org.scorefield.core.nn.Architecture;
import org.scorefield.core.nn.GemmCeiling;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.nn.Parameterization;
import org.scorefield.core.nn.TrainToQuality;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.nn.TrainingThreads;
import org.scorefield.core.nn.Trainer;
import org.scorefield.core.nn.TrainingSettings;
import org.scorefield.core.sample.Recording;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.sample.Sampling;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;
import org.scorefield.core.tensor.Nd4jRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code scorefield bench}: the speed and quality targets of the default model, every figure
 * measured in the same run. Training speed and the matrix-product ceiling are timed in alternating
 * blocks and reported as medians, so that a noisy shared machine moves both alike.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the default model on this machine: training speed (on the command line's threads and on "
                + "the window's one) and its share of the "
                + "matrix-product ceiling, time to quality on moons, sampling and field-evaluation times.",
            "Prints {\"train_ms_per_step\",\"train_threads\",\"train_ms_per_step_1_thread\",\"model_gflops\",\"gemm_gflops\",\"efficiency\",\"time_to_quality_s\","
                    + "\"sample_ms\",\"grid_eval_ms\",\"nll_ms\",\"map_ms\",\"frame_ms\",…}; with --table also the quality of every preset × objective; "
                    + "with --startup \"startup_window_s\",\"startup_window_first_step_s\",\"startup_cli_first_step_s\",\"train_process_s\"."},
        footer = {"", "Examples:", "  scorefield bench --quick", "  scorefield bench --table --heads eps,edm"})
final class BenchCommand implements Callable<Integer> {

    /** The quality target: SW2 within this factor of the noise floor (and every mode hit). */
    static final double QUALITY_FACTOR = 1.5;
    static final int GRID = 64;
    static final int WARMUP_STEPS = 500;
    /** Training steps per timed block. */
    static final int BLOCK_STEPS = 25;
    /** Training steps between two quality checks. */
    static final int CHECK_EVERY = 250;

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Fewer repetitions: finishes in under a minute.")
    boolean quick;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Training seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-seconds", defaultValue = "30", paramLabel = "S",
            description = "Training-time budget to reach quality (default ${DEFAULT-VALUE}).")
    double maxSeconds;

    @Option(names = "--table", description = "Also train every preset with every objective (up to --max-seconds "
            + "each) and report SW2/floor and seconds.")
    boolean table;

    @Option(names = "--presets", split = ",", paramLabel = "LIST", description = "Presets of the table (default: all).")
    List<String> presets;

    @Option(names = "--heads", split = ",", paramLabel = "LIST", description = "Objectives of the table (default: all).")
    List<String> heads;

    @Option(names = "--skip-speed", description = "Only the table (and the frame time).")
    boolean skipSpeed;

    @Option(names = "--skip-frame", description = "Leave out the canvas frame-time measurement.")
    boolean skipFrame;

    @Option(names = "--reflow", negatable = true, description = "Time one Reflow round of 10,000 pairs on moons "
            + "(about a minute with its input model; on by default, off with --quick).")
    Boolean reflow;

    @Option(names = "--export", negatable = true, description = "Time a 10 s, 30 fps, 1280×720 sampling animation "
            + "as MP4 and WebM (FFmpeg), MP4 by jcodec for reference, and GIF (about 40 s; on by default, off with "
            + "--quick).")
    Boolean export;

    @Option(names = "--pytorch", paramLabel = "SCRIPT", description = "Also time the default recipe in PyTorch "
            + "(bench/pytorch_reference.py) in rounds alternating with Scorefield's own blocks: pytorch_ms_per_step "
            + "and pytorch_ratio (its time over Scorefield's).")
    Path pytorch;

    @Option(names = "--python", defaultValue = PytorchRace.DEFAULT_PYTHON, paramLabel = "PATH",
            description = "The interpreter that runs --pytorch (default ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--pytorch-threads", defaultValue = "1", paramLabel = "N",
            description = "torch.set_num_threads of the --pytorch script (default ${DEFAULT-VALUE}).")
    int pytorchThreads;

    @Option(names = "--startup", description = "Also time start-up in fresh processes of this program, alternating: "
            + "the window's first frame and its first training step, and a whole 'train --data moons --steps 2000' "
            + "(--startup-runs of each, medians; about 25 s).")
    boolean startup;

    @Option(names = "--startup-runs", defaultValue = "5", paramLabel = "N",
            description = "Processes of each kind for --startup (default ${DEFAULT-VALUE}).")
    int startupRuns;

    /**
     * Untimed frames before the frame-time measurement (about 3 s): a window that has been open a
     * while runs compiled code; with 60, the JIT still compiled the trainer's and painter's loops
     * during the timed frames.
     */
    static final int FRAME_WARMUP = 240;
    /**
     * Timed frames without --quick (about 10 s): the 95th percentile of 200 frames (2 s) rose and fell
     * with whether a burst of the shared machine's other work fell inside those two seconds.
     */
    static final int FRAMES = 1000;

    @Override
    public Integer call() {
        InvalidInputException.require(maxSeconds > 0 && maxSeconds <= 3600,
                "--max-seconds must lie in (0, 3600], got " + maxSeconds + ".");
        if (pytorch != null) {
            PytorchRace.requireScript(pytorch);
            InvalidInputException.require(pytorchThreads >= 1 && pytorchThreads <= 64,
                    "--pytorch-threads must lie between 1 and 64, got " + pytorchThreads + ".");
        }
        InvalidInputException.require(startupRuns >= 1 && startupRuns <= 50,
                "--startup-runs must lie in [1, 50], got " + startupRuns + ".");
        Nd4jRuntime.ensureConfigured();
        ObjectNode json = Json.object();
        json.put("quick", quick);
        json.put("cores", Runtime.getRuntime().availableProcessors());
        Architecture arch = Architecture.defaults();
        TrainingSettings settings = TrainingSettings.defaults(seed);
        ObjectNode model = json.putObject("default_model");
        model.put("objective", Objective.DEFAULT.id());
        model.put("process", ScheduleKind.VP.id());
        model.put("width", arch.width());
        model.put("depth", arch.depth());
        model.put("activation", arch.activation().id());
        model.put("parameters", arch.parameterCount());
        model.put("batch", settings.batch());
        model.put("learning_rate", settings.learningRate());
        if (!skipSpeed) {
            speed(json, arch, settings);
        }
        if (pytorch != null) {
            pytorch(json, arch, settings);
        }
        if (table) {
            json.set("quality_table", qualityTable(arch, settings));
        }
        if (!skipFrame) {
            frame(json, arch, settings);
        }
        if (reflow == null ? !quick : reflow) {
            reflow(json, arch);
        }
        if (export == null ? !quick : export) {
            export(json);
        }
        if (startup) {
            StartupBench.run(json, startupRuns);
        }
        Json.print(spec.commandLine().getOut(), json);
        return 0;
    }

    private void speed(ObjectNode json, Architecture arch, TrainingSettings settings) {
        DataDistribution moons = DatasetPreset.MOONS;
        Schedule vp = ScheduleKind.VP.createDefault();
        // Training speed against the matrix-product ceiling, in alternating blocks: on the threads
        // the command line trains with, and on one thread (what the window uses)
        int threads = TrainingThreads.current();
        Trainer[] both = warmedTrainers(arch, settings);
        Trainer trainer = both[0];
        Trainer single = both[1];
        GemmCeiling ceiling = GemmCeiling.ofTrainingStep(arch, settings.batch(), threads);
        GemmCeiling singleCeiling = threads > 1 ? GemmCeiling.ofTrainingStep(arch, settings.batch(), 1) : ceiling;
        int blocks = quick ? 7 : 21;
        int perBlock = BLOCK_STEPS;
        ceiling.run(WARMUP_STEPS);
        singleCeiling.run(WARMUP_STEPS);
        double[] stepSeconds = new double[blocks];
        double[] gemmSeconds = new double[blocks];
        double[] singleSeconds = new double[blocks];
        double[] singleGemmSeconds = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            stepSeconds[b] = stepSeconds(trainer, perBlock);
            gemmSeconds[b] = ceiling.run(perBlock) / perBlock;
            if (threads > 1) {
                singleSeconds[b] = stepSeconds(single, perBlock);
                singleGemmSeconds[b] = singleCeiling.run(perBlock) / perBlock;
            }
        }
        double step = median(stepSeconds);
        double gemm = median(gemmSeconds);
        double flops = ceiling.flops();
        Json.put(json, "train_ms_per_step", step * 1e3);
        json.put("train_threads", threads);
        Json.put(json, "model_gflops", flops / step / 1e9);
        Json.put(json, "gemm_gflops", flops / gemm / 1e9);
        Json.put(json, "efficiency", gemm / step);
        Json.put(json, "gemm_ms_per_step", gemm * 1e3);
        Json.put(json, "steps_per_s", 1 / step);
        if (threads > 1) {
            double one = median(singleSeconds);
            double oneGemm = median(singleGemmSeconds);
            Json.put(json, "train_ms_per_step_1_thread", one * 1e3);
            Json.put(json, "efficiency_1_thread", oneGemm / one);
            Json.put(json, "gemm_ms_per_step_1_thread", oneGemm * 1e3);
            Json.put(json, "thread_speedup", one / step);
        }

        // Time to quality once the JIT has compiled the training step (as in a running explorer),
        // from several training seeds: one run's figure depends on its seed by a factor of 2–4.
        int runs = quick ? 3 : 5;
        double[] seconds = new double[runs];
        ArrayNode perSeed = json.putArray("time_to_quality_runs");
        TrainToQuality.Result ttq = null;
        for (int r = 0; r < runs; r++) {
            TrainingSettings runSettings = settings.withSeed(seed + r);
            ttq = TrainToQuality.run(
                    () -> new Trainer(moons, Parameterization.of(Objective.DEFAULT, vp), arch, runSettings),
                    moons, QUALITY_FACTOR, CHECK_EVERY, maxSeconds, seed + r + 1);
            seconds[r] = ttq.reached() ? ttq.trainSeconds() : Double.POSITIVE_INFINITY;
            ObjectNode run = perSeed.addObject();
            run.put("seed", seed + r);
            run.put("reached", ttq.reached());
            run.put("steps", ttq.steps());
            Json.put(run, "train_s", ttq.trainSeconds());
            Json.put(run, "wall_s", ttq.wallSeconds());
            Json.put(run, "sw2_ratio", ttq.ratio());
        }
        Json.put(json, "time_to_quality_s", median(seconds));
        TrainedModel trained = ttq.model() != null ? ttq.model() : trainer.snapshot();
        Denoiser denoiser = trained.denoiser();
        SamplerSettings heun = SamplerSettings.defaults(SamplerKind.HEUN);
        int sampleRuns = quick ? 3 : 7;
        double[] sampleMs = new double[sampleRuns];
        for (int r = -1; r < sampleRuns; r++) {
            long start = System.nanoTime();
            Sampling.fromPrior(denoiser, heun, 1000, seed + r, Recording.NONE);
            if (r >= 0) {
                sampleMs[r] = (System.nanoTime() - start) / 1e6;
            }
        }
        Json.put(json, "sample_ms", median(sampleMs));
        json.put("sample_points", 1000);
        json.put("sample_steps", heun.steps());

        double[] grid = grid(GRID, 3.0);
        int gridRuns = quick ? 11 : 31;
        double[] gridMs = new double[gridRuns];
        for (int r = -3; r < gridRuns; r++) {
            long start = System.nanoTime();
            denoiser.velocity(grid, 0.5);
            if (r >= 0) {
                gridMs[r] = (System.nanoTime() - start) / 1e6;
            }
        }
        Json.put(json, "grid_eval_ms", median(gridMs));
        json.put("grid", GRID + "x" + GRID);
        likelihood(json, trained, moons);
    }

    /** Seconds per step over {@code steps} steps. */
    static double stepSeconds(Trainer trainer, int steps) {
        long start = System.nanoTime();
        for (int k = 0; k < steps; k++) {
            trainer.step();
        }
        return (System.nanoTime() - start) / 1e9 / steps;
    }

    /**
     * The default step against the same recipe in PyTorch ({@link PytorchRace}): 3 rounds (5 without
     * --quick) of 5 Scorefield blocks, then the script's 5 blocks, after the same warm-up.
     */
    private void pytorch(ObjectNode json, Architecture arch, TrainingSettings settings) {
        Trainer[] both = warmedTrainers(arch, settings);
        new PytorchRace(pytorch, python, pytorchThreads).run(both[0], both[1], quick ? 3 : 5, 5, arch.parameterCount(),
                json);
    }

    /**
     * The default trainer on the command line's threads and, when those are more than one, the same on
     * one thread (else the same trainer twice), each past {@value #WARMUP_STEPS} steps: the JIT compiles
     * the step's Java loops within a few hundred.
     */
    private static Trainer[] warmedTrainers(Architecture arch, TrainingSettings settings) {
        int threads = TrainingThreads.current();
        Trainer trainer = defaultTrainer(arch, settings, threads);
        Trainer single = threads > 1 ? defaultTrainer(arch, settings, 1) : trainer;
        for (int k = 0; k < WARMUP_STEPS; k++) {
            trainer.step();
            if (single != trainer) {
                single.step();
            }
        }
        return new Trainer[] {trainer, single};
    }

    /** The default model's trainer on moons, stepping on the given threads. */
    private static Trainer defaultTrainer(Architecture arch, TrainingSettings settings, int threads) {
        return new Trainer(DatasetPreset.MOONS, Parameterization.of(Objective.DEFAULT, ScheduleKind.VP.createDefault()),
                arch, settings).onThreads(threads);
    }

    /** Points of the held-out NLL. */
    static final int NLL_POINTS = 1000;

    /**
     * The likelihood targets of issue 18 on the trained model, with the window's settings: the
     * held-out NLL of 1,000 points as measured while training, and the log p0 view's 128 × 128 map
     * (a coarse pass, then the cells of the top nats refined; without the exact map's cells, which
     * for moons has none of its own), each with its ratio to one plain forward pass over the same
     * points (docs/math.md §7.4, §7.5).
     */
    private void likelihood(ObjectNode json, TrainedModel trained, DataDistribution data) {
        double[] points = org.scorefield.core.likelihood.HeldOutData.of(data, NLL_POINTS).points();
        org.scorefield.core.field.GridSpec spec = org.scorefield.core.likelihood.LogDensityMap.viewGrid();
        double[] map = spec.points();
        int runs = quick ? 3 : 5;
        double[] nllMs = new double[runs];
        double[] nllForwardMs = new double[runs];
        double[] mapMs = new double[runs];
        double[] mapForwardMs = new double[runs];
        Denoiser denoiser = trained.denoiser();
        double nll = Double.NaN;
        int refined = 0;
        for (int r = -1; r < runs; r++) {
            long a = System.nanoTime();
            nll = org.scorefield.core.likelihood.Likelihood.logDensity(denoiser, points,
                    org.scorefield.core.likelihood.HeldOutData.WHILE_TRAINING,
                    org.scorefield.core.likelihood.Likelihood.PathObserver.NONE).nll();
            long b = System.nanoTime();
            denoiser.denoise(points, 0.5);
            long c = System.nanoTime();
            refined = org.scorefield.core.likelihood.LogDensityMap.compute(denoiser, spec,
                    org.scorefield.core.likelihood.LogDensityMap.defaults(), null,
                    org.scorefield.core.likelihood.LogDensityMap.VIEW_RANGE, Progress.NONE, coarse -> { }).fineCells();
            long d = System.nanoTime();
            denoiser.denoise(map, 0.5);
            long e = System.nanoTime();
            if (r >= 0) {
                nllMs[r] = (b - a) / 1e6;
                nllForwardMs[r] = (c - b) / 1e6;
                mapMs[r] = (d - c) / 1e6;
                mapForwardMs[r] = (e - d) / 1e6;
            }
        }
        Json.put(json, "nll_ms", median(nllMs));
        Json.put(json, "nll_forward_ratio", median(nllMs) / median(nllForwardMs));
        json.put("nll_points", NLL_POINTS);
        Json.put(json, "nll", nll);
        Json.put(json, "map_ms", median(mapMs));
        Json.put(json, "map_forward_ratio", median(mapMs) / median(mapForwardMs));
        json.put("map", spec.nx() + "x" + spec.ny());
        json.put("map_refined_cells", refined);
    }

    /**
     * The FX-thread time of one explorer frame (5,000 particles, 32 × 32 arrows, a 128 × 128 density
     * heatmap on a 1200 × 800 canvas) while the default model trains: see {@link FrameBench}.
     */
    private void frame(ObjectNode json, Architecture arch, TrainingSettings settings) {
        // the window trains on one thread and draws on the other core
        Trainer trainer = defaultTrainer(arch, settings, 1);
        FrameBench.Result r = FrameBench.run(trainer, FRAME_WARMUP, quick ? 60 : FRAMES);
        Json.put(json, "frame_ms", r.frameMs());
        Json.put(json, "frame_paint_ms", r.paintMs());
        Json.put(json, "frame_p95_ms", r.frameP95Ms());
        Json.put(json, "frame_baseline_ms", r.baselineMs());
        json.put("frame_frames", r.frames());
        json.put("frame_warmup_frames", FRAME_WARMUP);
        json.put("frame_scene", FrameBench.WIDTH + "x" + FrameBench.HEIGHT + ", " + FrameBench.PARTICLES
                + " particles, " + FrameBench.ARROWS + "x" + FrameBench.ARROWS + " arrows, " + FrameBench.HEATMAP + "x"
                + FrameBench.HEATMAP + " heatmap");
        json.put("frame_train_steps", r.trainedSteps());
    }

    /** Flow-matching steps of the Reflow benchmark's input model (moons from N(0, I), independent pairs). */
    static final int REFLOW_INPUT_STEPS = 3000;

    /**
     * One Reflow round with the window's defaults (10,000 pairs, RK4 with 32 steps, 3,000 fine-tuning
     * steps) from a flow-matching model of moons: the round's wall time, and its straightness and
     * 1-step SW2 against the input's.
     */
    private void reflow(ObjectNode json, Architecture arch) {
        TrainingSettings fm = TrainingSettings.defaults(seed);
        Trainer trainer = new Trainer(DatasetPreset.MOONS, Parameterization.of(Objective.FLOW_MATCHING,
                ScheduleKind.LINEAR.createDefault()), arch, fm);
        for (int k = 0; k < REFLOW_INPUT_STEPS; k++) {
            trainer.step();
        }
        Reflow.Settings rs = Reflow.Settings.defaults(seed);
        Reflow reflow = new Reflow(DatasetPreset.MOONS, FlowSource.gaussian(), rs);
        Reflow.Round zero = reflow.measure(trainer.snapshot(), 0, 0);
        Reflow.Round one = reflow.next(zero, Progress.NONE);
        Json.put(json, "reflow_round_s", one.metrics().seconds());
        json.put("reflow_pairs", rs.pairs());
        json.put("reflow_train_steps", rs.trainSteps());
        Json.put(json, "reflow_straightness_0", zero.metrics().normalizedStraightness());
        Json.put(json, "reflow_straightness_1", one.metrics().normalizedStraightness());
        Json.put(json, "reflow_sw2_1step_ratio_0", zero.metrics().oneStepRatio());
        Json.put(json, "reflow_sw2_1step_ratio_1", one.metrics().oneStepRatio());
    }

    /** Frames painted untimed before the export benchmark. */
    static final int EXPORT_WARMUP = 60;

    /**
     * The export target: 10 s at 30 fps and 1280×720 of Heun's trajectories (1,000 samples, 40 paths)
     * on the 8gaussians oracle, written as MP4 and WebM (FFmpeg), as MP4 by jcodec (the reference the
     * FFmpeg figures are divided by) and as GIF; wall time of each, rendering included, after
     * {@value #EXPORT_WARMUP} frames painted untimed ({@code export_warmup_s}) and FFmpeg's native library
     * loaded (timed apart: {@code export_ffmpeg_load_s}).
     */
    private void export(ObjectNode json) {
        HeadlessFx.start();
        var denoiser = new GaussianMixtureDenoiser(
                DatasetPreset.EIGHT_GAUSSIANS.mixture().orElseThrow(), ScheduleKind.VP.createDefault());
        SamplerSettings heun = SamplerSettings.defaults(SamplerKind.HEUN);
        var run = Sampling.fromPrior(denoiser, heun, 1000, seed, Recording.POSITIONS);
        var animation = new Animation(
                Animation.sampling(run.trajectories(), 40,
                        TrajectoryRole.ODE, heun.kind().displayName(), run.nfe(), null),
                1280, 720, 30, 10, 0.5, true, Look.DEFAULT);
        // untimed: the painter's first frames (JIT, the toolkit's first canvas), which a window has painted long
        // before its first export; the time is reported apart
        long warming = System.nanoTime();
        var warm = new Animation.Painter(animation);
        for (int i = 0; i < EXPORT_WARMUP; i++) {
            warm.frame(i * animation.frameCount() / EXPORT_WARMUP);
        }
        Json.put(json, "export_warmup_s", (System.nanoTime() - warming) / 1e9);
        long loading = System.nanoTime();
        VideoLibrary best = VideoLibrary.best();
        Json.put(json, "export_ffmpeg_load_s", (System.nanoTime() - loading) / 1e9);
        Json.put(json, "export_load_average", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        record Target(String name, AnimationFormat format, VideoLibrary video) { }
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("mp4", AnimationFormat.MP4, best));
        if (best.writes(AnimationFormat.WEBM)) {
            targets.add(new Target("webm", AnimationFormat.WEBM, best));
        }
        if (best != VideoLibrary.JCODEC) {
            targets.add(new Target("jcodec", AnimationFormat.MP4, VideoLibrary.JCODEC));
        }
        targets.add(new Target("gif", AnimationFormat.GIF, best));
        java.util.Map<String, double[]> measured = new java.util.HashMap<>();
        for (Target target : targets) {
            Path out = null;
            try {
                out = Files.createTempFile("scorefield-bench-", target.format().extension());
                long started = System.nanoTime();
                long bytes = AnimationWriter.write(target.format(), target.video(), out, animation, Progress.NONE);
                double seconds = (System.nanoTime() - started) / 1e9;
                measured.put(target.name(), new double[] {seconds, bytes});
                Json.put(json, "export_" + target.name() + "_s", seconds);
                json.put("export_" + target.name() + "_bytes", bytes);
                if (target.format() != AnimationFormat.GIF) {
                    json.put("export_" + target.name() + "_encoder", target.video().encoder(target.format()));
                }
            } catch (IOException e) {
                throw new InvalidInputException("The export benchmark cannot write a temporary file: " + e.getMessage());
            } finally {
                if (out != null) {
                    out.toFile().delete();
                }
            }
        }
        VideoLibrary.ffmpegProblem().ifPresent(why -> json.put("export_webm_skipped", "FFmpeg could not load: " + why));
        double[] jcodec = measured.get("jcodec");
        for (String name : new String[] {"mp4", "webm"}) {
            double[] m = measured.get(name);
            if (jcodec != null && m != null) {
                Json.put(json, "export_" + name + "_speedup_vs_jcodec", jcodec[0] / m[0]);
                Json.put(json, "export_" + name + "_size_vs_jcodec", m[1] / jcodec[1]);
            }
        }
        json.put("export_frames", animation.frameCount());
    }

    private ArrayNode qualityTable(Architecture arch, TrainingSettings settings) {
        List<DatasetPreset> presetList = new ArrayList<>();
        if (presets == null) {
            presetList.addAll(Arrays.asList(DatasetPreset.values()));
        } else {
            presets.forEach(p -> presetList.add(DatasetPreset.fromId(p.trim())));
        }
        List<Objective> objectives = new ArrayList<>();
        if (heads == null) {
            objectives.addAll(Arrays.asList(Objective.values()));
        } else {
            heads.forEach(h -> objectives.add(Objective.fromId(h.trim())));
        }
        ArrayNode rows = Json.MAPPER.createArrayNode();
        for (DatasetPreset preset : presetList) {
            for (Objective objective : objectives) {
                Schedule schedule = objective == Objective.FLOW_MATCHING
                        ? ScheduleKind.LINEAR.createDefault() : ScheduleKind.VP.createDefault();
                TrainToQuality.Result r = TrainToQuality.run(
                        () -> new Trainer(preset, Parameterization.of(objective, schedule), arch, settings),
                        preset, QUALITY_FACTOR, CHECK_EVERY, maxSeconds, seed + 1);
                ObjectNode row = rows.addObject();
                row.put("preset", preset.id());
                row.put("objective", objective.id());
                row.put("process", schedule.kind().id());
                row.put("reached", r.reached());
                Json.put(row, "sw2_ratio", r.ratio());
                r.modes().ifPresent(m -> row.put("modes", m.modesHit() + "/" + m.modes()));
                row.put("steps", r.steps());
                Json.put(row, "train_s", r.trainSeconds());
                r.failure().ifPresent(f -> row.put("failure", f));
                System.err.println(row);
            }
        }
        return rows;
    }

    /** An n×n grid of points over [−half, half]², interleaved. */
    static double[] grid(int n, double half) {
        double[] xy = new double[2 * n * n];
        for (int i = 0, k = 0; i < n; i++) {
            for (int j = 0; j < n; j++, k += 2) {
                xy[k] = -half + 2 * half * j / (n - 1);
                xy[k + 1] = -half + 2 * half * i / (n - 1);
            }
        }
        return xy;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
}
