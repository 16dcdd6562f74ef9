package org.scorefield.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.io.InputFiles;
import org.scorefield.core.io.JsonFields;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.PresetDraw;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.flow.Coupling;
import org.scorefield.core.flow.CouplingKind;
import org.scorefield.core.flow.FlowSetup;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.guidance.ExactGuidance;
import org.scorefield.core.head.EdmPreconditioning;
import org.scorefield.core.nn.Activation;
import org.scorefield.core.nn.Architecture;
import org.scorefield.core.nn.ClassifierTrainer;
import org.scorefield.core.nn.LossWeighting;
import org.scorefield.core.nn.ModelFile;
import org.scorefield.core.nn.NoisyClassifier;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.nn.Parameterization;
import org.scorefield.core.nn.TimeEmbedding;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.nn.Trainer;
import org.scorefield.core.nn.TrainingSettings;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code scorefield train}: trains a network on one objective and writes it as a model file. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train an MLP denoiser on a data set with one objective (prediction head) and write it as a "
                + "model file, which 'sample --model' and 'solvers --model' then use like an oracle.",
            "Prints {\"steps\",\"seconds\",\"steps_per_s\",\"final_loss\",\"out\",\"head\",\"process\",\"parameters\",…}; "
                    + "with a classifier also \"classifier_steps\", \"classifier_seconds\", \"classifier_loss\", and "
                    + "\"classifier_accuracy\" and \"classifier_accuracy_half\": its accuracy on 10000 fresh noisy points of "
                    + "the data at the smallest training time and at t = 0.5 (for a labelled mixture, \"bayes_accuracy\" "
                    + "and \"bayes_accuracy_half\": the exact classifier's on the same points)."},
        footer = {"", "Examples:",
            "  scorefield train --data moons --head eps --steps 2000 --seed 1 --out moons-eps.json",
            "  scorefield train --data 8gaussians --head fm --width 64 --depth 3 --seed 2 --out 8g-fm.json",
            "  scorefield train --data points.csv --head edm --process edm --ema off --seed 3 --out points-edm.json",
            "  scorefield train --data moons --head fm --coupling ot --seed 4 --out moons-ot.json",
            "  scorefield train --data moons --data-n 16 --steps 3000 --seed 1 --out moons-16.json",
            "  scorefield train --data gmm-labelled --conditional --label-dropout 0.2 --seed 1 --out gmm-cond.json",
            "  scorefield train --data moons --head fm --source 8gaussians --coupling sinkhorn --sinkhorn-eps 0.05 "
                    + "--seed 5 --out 8g-to-moons.json"})
final class TrainCommand implements Callable<Integer> {

    /** Steps allowed in one run. */
    static final int MAX_STEPS = 10_000_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "<preset|file.csv>",
            description = "moons, 8gaussians, checkerboard, swissroll, rings, spirals, pinwheel, gmm-labelled, "
                    + "gaussian, or a CSV file of x,y[,label] rows (resampled with replacement).")
    String data;

    @Option(names = "--data-n", paramLabel = "N", description = "Train on exactly N points drawn once from the "
            + "preset (as 'sample --oracle empirical:<preset> --data-n N' memorises them), to watch a model memorise "
            + "tiny data (sample --memorisation); without it, 16,384 points drawn from --seed.")
    Integer dataN;

    @Option(names = "--data-seed", paramLabel = "S", description = "Seed of the --data-n points (default 0).")
    Long dataSeed;

    @Option(names = "--head", defaultValue = "edm", paramLabel = "<eps|x0|score|velocity|edm|fm>",
            description = {"What the network predicts: noise, clean data, score, velocity, EDM's preconditioned "
                    + "denoiser, or flow matching's x1 - x0 (default ${DEFAULT-VALUE}, the fastest to train). fm "
                    + "trains on the linear path, which is then its default process."})
    String head;

    @Mixin
    ProcessOptions processOptions;

    @Option(names = "--weighting", defaultValue = "uniform", paramLabel = "<uniform|likelihood>",
            description = "Loss weight of the score head: 1, or g(t)^2 (likelihood weighting; default ${DEFAULT-VALUE}).")
    String weighting;

    @Option(names = "--coupling", defaultValue = "independent", paramLabel = "<independent|ot|sinkhorn>",
            description = "How flow matching (--head fm) pairs each batch of data with source points: at random, by "
                    + "the exact minibatch assignment minimising the squared distances, or by the entropic (Sinkhorn) "
                    + "plan (default ${DEFAULT-VALUE}).")
    String coupling;

    @Option(names = "--sinkhorn-eps", defaultValue = "" + Coupling.DEFAULT_EPSILON, paramLabel = "E",
            description = "Sinkhorn's entropic regularisation, in squared-distance units: small is close to OT, "
                    + "large close to independent (default ${DEFAULT-VALUE}).")
    double sinkhornEpsilon;

    @Option(names = "--source", defaultValue = FlowSource.GAUSSIAN_ID, paramLabel = "<gaussian|preset|file.csv>",
            description = "Where flow matching's paths start at t = 1: gaussian is N(0, I) (the off-centre "
                    + "preset of that name is preset:gaussian); or a preset or CSV file, to transport one "
                    + "distribution to another (default ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--steps", defaultValue = "2000", paramLabel = "K",
            description = "Optimiser steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--batch", defaultValue = "" + TrainingSettings.DEFAULT_BATCH, paramLabel = "B",
            description = "Points per step (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--width", defaultValue = "" + Architecture.DEFAULT_WIDTH, paramLabel = "W",
            description = "Neurons per hidden layer (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--depth", defaultValue = "" + Architecture.DEFAULT_DEPTH, paramLabel = "D",
            description = "Hidden layers (default ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--activation", defaultValue = "silu", paramLabel = "<silu|gelu|relu>",
            description = "Nonlinearity (default ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--residual", description = "Hidden layers after the first add their input (ResNet blocks).")
    boolean residual;

    @Option(names = "--embedding", defaultValue = "sinusoidal", paramLabel = "<sinusoidal|fourier>",
            description = "Time embedding: geometric frequencies, or random Fourier features drawn from --seed "
                    + "(default ${DEFAULT-VALUE}).")
    String embedding;

    @Option(names = "--lr", defaultValue = "" + TrainingSettings.DEFAULT_LEARNING_RATE, paramLabel = "LR",
            description = "Adam's learning rate after warm-up (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--ema", defaultValue = "on", paramLabel = "<on|off>",
            description = "Save the exponential moving average of the weights (decay "
                    + TrainingSettings.DEFAULT_EMA_DECAY + ") rather than the last weights (default ${DEFAULT-VALUE}).")
    String ema;

    @Option(names = "--warmup", defaultValue = "" + TrainingSettings.DEFAULT_WARMUP, paramLabel = "N",
            description = "Steps over which the learning rate rises from 0 (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--clip", defaultValue = "" + TrainingSettings.DEFAULT_CLIP, paramLabel = "C",
            converter = ClipConverter.class,
            description = "Largest gradient norm; 'off' turns clipping off (default ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--t-min", defaultValue = "" + TrainingSettings.DEFAULT_T_MIN, paramLabel = "T",
            description = "Smallest training time; edm and fm ignore it (default ${DEFAULT-VALUE}).")
    double tMin;

    @Option(names = "--seed", required = true, paramLabel = "S",
            description = "Seed of the initial weights, the data draws and the noise.")
    long seed;

    @Option(names = "--conditional", description = "Train with the data's class labels as an input, each replaced "
            + "by \"none\" with probability --label-dropout, so that one network gives every class and the whole "
            + "data (classifier-free guidance: sample --model … --class K --omega W).")
    boolean conditional;

    @Option(names = "--label-dropout", paramLabel = "P", description = "With --conditional: the probability that a "
            + "point trains with the label \"none\", 0 ≤ P < 1 (default " + TrainingSettings.DEFAULT_LABEL_DROPOUT
            + ", Ho & Salimans 2022).")
    Double labelDropout;

    @Option(names = "--classifier-steps", paramLabel = "N", description = "Steps of the noisy classifier p_t(c|x) "
            + "trained after the network, on the data's classes, for classifier guidance (sample --model … --class K "
            + "--guidance classifier). Default with --conditional: a quarter of --steps, at least 500 (at most "
            + "--steps); otherwise 0, none.")
    Integer classifierSteps;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Model file to write (atomically).")
    Path out;

    /** Points of the data, noised at one time, on which the classifier's accuracy is measured. */
    static final int ACCURACY_POINTS = 10_000;
    /** The fewest classifier steps by default (with --conditional). */
    static final int MIN_CLASSIFIER_STEPS = 500;

    /** {@code --clip off} (or {@code inf}) for no clipping; otherwise a number. */
    static final class ClipConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.equals("off") || v.equals("inf") || v.equals("infinity")) {
                return Double.POSITIVE_INFINITY;
            }
            try {
                return Double.valueOf(v);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + JsonFields.quote(value) + "' is neither a number nor 'off'");
            }
        }
    }

    @Override
    public Integer call() {
        InvalidInputException.require(steps >= 1 && steps <= MAX_STEPS,
                "--steps must lie between 1 and " + MAX_STEPS + ", got " + steps + ".");
        InvalidInputException.require(!Files.isDirectory(out), "Cannot write " + out + ": it is a folder.");
        InvalidInputException.require(ema.equals("on") || ema.equals("off"), "--ema takes on or off, not '" + JsonFields.quote(ema) + "'.");
        Objective objective = Objective.fromId(head);
        DataDistribution distribution = DataSpec.parse(data, "--data");
        if (distribution instanceof EmpiricalDistribution file) {
            // The model file names its data by its path from the model's folder, which is where
            // 'sample --model' looks for it (and only there, see InputFiles.named).
            distribution = new EmpiricalDistribution(InputFiles.pathFrom(out, Path.of(data)), file.points());
        }
        if (dataN != null || dataSeed != null) {
            InvalidInputException.require(distribution instanceof DatasetPreset, "--data-n and --data-seed draw a "
                    + "fixed training set from a preset; a CSV file is its own training set.");
            InvalidInputException.require(dataN != null, "--data-seed chooses the --data-n points: give --data-n too.");
            InvalidInputException.require(dataN >= 2 && dataN <= PresetDraw.MAX_POINTS, "--data-n must lie between 2 "
                    + "and " + PresetDraw.MAX_POINTS + ", got " + dataN + ".");
            InvalidInputException.require(dataSeed == null || dataSeed >= 0, "--data-seed must not be negative, got "
                    + dataSeed + ".");
            distribution = PresetDraw.of((DatasetPreset) distribution, dataN, dataSeed == null ? 0 : dataSeed);
        }
        Architecture architecture = Architecture.defaults().withSize(width, depth)
                .withActivation(Activation.fromId(activation)).withResidual(residual)
                .withEmbedding(TimeEmbedding.fromId(embedding), seed);
        InvalidInputException.require(labelDropout == null || conditional, "--label-dropout applies to conditional "
                + "training: give it with --conditional.");
        double dropout = labelDropout == null ? TrainingSettings.DEFAULT_LABEL_DROPOUT : labelDropout;
        InvalidInputException.require(dropout >= 0 && dropout < 1, "--label-dropout must lie in [0, 1), got "
                + dropout + ".");
        FlowSetup flow = flowSetup(objective);
        int classifierRun = classifierSteps(flow);
        int classes = 0;
        if (conditional || classifierRun > 0) {
            int[] labels = distribution.sample(2000, seed).labels();
            classes = labels == null ? 0 : java.util.Arrays.stream(labels).max().orElse(-1) + 1;
            InvalidInputException.require(classes >= 2, (conditional ? "--conditional" : "--classifier-steps")
                    + " needs data with two classes or more; " + distribution.id() + " has "
                    + (classes <= 1 ? "one" : classes) + ".");
        }
        if (conditional) {
            architecture = architecture.withClasses(classes);
        }
        TrainingSettings settings = new TrainingSettings(batch, learningRate, warmup, clip, ema.equals("on"),
                TrainingSettings.DEFAULT_EMA_DECAY, tMin, seed, dropout);
        Schedule schedule = processOptions.resolve(
                objective == Objective.FLOW_MATCHING ? ScheduleKind.LINEAR : ScheduleKind.fromId(processOptions.process));
        Parameterization parameterization = new Parameterization(objective, schedule,
                LossWeighting.fromId(weighting), EdmPreconditioning.standard());

        Trainer trainer = new Trainer(distribution, parameterization, architecture, settings, flow);
        long started = System.nanoTime();
        for (int k = 0; k < steps && trainer.failure().isEmpty(); k++) {
            trainer.step();
            if (k == 0) {
                org.scorefield.StartupProbe.mark("first_step");
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        trainer.failure().ifPresent(why -> {
            throw new InvalidInputException(why);
        });
        TrainedModel model = trainer.snapshot();
        ObjectNode classifierJson = Json.object();
        classifierJson.put("classifier_steps", classifierRun);
        if (classifierRun > 0) {
            model = model.withClassifier(trainClassifier(distribution, parameterization,
                    NoisyClassifier.architectureFor(architecture, classes), settings, classifierRun, classifierJson));
        }
        ModelFile.save(model, out);

        ObjectNode json = Json.object();
        json.put("data", model.data());
        json.put("head", objective.id());
        if (objective == Objective.FLOW_MATCHING) {
            json.put("source", flow.source().id());
            json.put("coupling", flow.coupling().kind().id());
            if (flow.coupling().kind() == CouplingKind.SINKHORN) {
                Json.put(json, "sinkhorn_eps", flow.coupling().epsilon());
            }
        }
        json.set("process", SampleCommand.processJson(schedule));
        json.put("parameters", architecture.parameterCount());
        json.put("classes", architecture.classes());
        if (conditional) {
            Json.put(json, "label_dropout", dropout);
        }
        json.put("seed", seed);
        json.put("steps", trainer.steps());
        Json.put(json, "seconds", seconds);
        Json.put(json, "steps_per_s", trainer.steps() / seconds);
        Json.put(json, "final_loss", model.loss());
        json.setAll(classifierJson);
        if (!schedule.warnings().isEmpty()) {
            json.set("warnings", Json.MAPPER.valueToTree(schedule.warnings()));
        }
        json.put("out", out.toString());
        Json.print(spec.commandLine().getOut(), json);
        return 0;
    }

    /**
     * The classifier's steps: {@code --classifier-steps}, or by default with --conditional a quarter
     * of the network's, at least {@value #MIN_CLASSIFIER_STEPS} and at most --steps. None for a flow
     * from another source or with coupled pairs, whose x_t is not α·x0 + σ·ε.
     */
    private int classifierSteps(FlowSetup flow) {
        if (classifierSteps == null) {
            return conditional && flow.isStandard() ? Math.min(steps, Math.max(MIN_CLASSIFIER_STEPS, steps / 4)) : 0;
        }
        InvalidInputException.require(classifierSteps >= 0 && classifierSteps <= MAX_STEPS, "--classifier-steps "
                + "must lie between 0 and " + MAX_STEPS + ", got " + classifierSteps + ".");
        InvalidInputException.require(classifierSteps == 0 || flow.isStandard(), "--classifier-steps trains a "
                + "classifier on x_t = α·x0 + σ·ε, which does not describe a flow with --source or --coupling: "
                + "leave one out.");
        return classifierSteps;
    }

    /**
     * Trains the noisy classifier after the network (so the network's speed is its own) and reports
     * its steps, time, loss and accuracy into {@code json}.
     */
    private NoisyClassifier trainClassifier(DataDistribution distribution, Parameterization parameterization,
                                            Architecture architecture, TrainingSettings settings, int count,
                                            ObjectNode json) {
        ClassifierTrainer trainer = new ClassifierTrainer(distribution, parameterization, architecture, settings);
        long started = System.nanoTime();
        for (int k = 0; k < count && trainer.failure().isEmpty(); k++) {
            trainer.step();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        trainer.failure().ifPresent(why -> {
            throw new InvalidInputException("The classifier's " + Character.toLowerCase(why.charAt(0))
                    + why.substring(1));
        });
        NoisyClassifier classifier = trainer.snapshot();
        Json.put(json, "classifier_seconds", seconds);
        Json.put(json, "classifier_loss", trainer.smoothedLoss());
        var exact = distribution.mixture().map(m -> new ExactGuidance(m, parameterization.schedule()));
        for (double t : new double[] {trainer.smallestTime(), 0.5}) {
            String suffix = t == 0.5 ? "_half" : "";
            var points = ClassifierTrainer.noisyPoints(distribution, parameterization, t, ACCURACY_POINTS, seed);
            Json.put(json, "classifier_accuracy" + suffix, points.accuracy(classifier.classify(points.xt(), t)));
            exact.ifPresent(g -> Json.put(json, "bayes_accuracy" + suffix,
                    points.accuracy(NoisyClassifier.argmax(g.classifier(points.xt(), t), g.classes()))));
        }
        return classifier;
    }

    /** The source and coupling of flow matching; refused for another head unless left at their defaults. */
    private FlowSetup flowSetup(Objective objective) {
        boolean set = !source.equals(FlowSource.GAUSSIAN_ID) || !coupling.equals("independent")
                || sinkhornEpsilon != Coupling.DEFAULT_EPSILON;
        InvalidInputException.require(objective == Objective.FLOW_MATCHING || !set,
                "--source, --coupling and --sinkhorn-eps apply to flow matching (--head fm), not to " + objective.id()
                        + ".");
        CouplingKind kind = CouplingKind.fromId(coupling);
        FlowSource from = source.equals(FlowSource.GAUSSIAN_ID) || source.startsWith(FlowSource.PRESET_PREFIX)
                ? FlowSource.fromPresetId(source) : FlowSource.of(DataSpec.parse(source, "--source"));
        return FlowSetup.of(from, new Coupling(kind, sinkhornEpsilon));
    }
}
