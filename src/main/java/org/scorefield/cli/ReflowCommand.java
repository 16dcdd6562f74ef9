package org.scorefield.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.io.InputFiles;
import org.scorefield.core.Progress;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.flow.Reflow;
import org.scorefield.core.nn.ModelFile;
import org.scorefield.core.nn.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scorefield reflow}: straightens a flow-matching model round by round and measures every round. */
@Command(name = "reflow", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reflow a flow-matching model (train --head fm): each round integrates the current model "
                + "from fresh sources to make pairs, trains the next model on them, writes it as PREFIX-roundR.json "
                + "and measures it on evaluation sources that are the same for every round.",
            "Prints {\"rounds\":[{\"round\",\"straightness\",\"straightness_raw\",\"transport_cost\",\"sw2_1step\","
                    + "\"sw2_1step_floor\",\"sw2_2step\",\"seconds\"}, …]}; round 0 is the input model. "
                    + "straightness is S / E‖x1 − x0‖² along the model's own 100-step Euler paths (0 for straight "
                    + "paths), straightness_raw is S; sw2_euler gives SW2 at 1, 2, 4, 8 and 16 Euler steps."},
        footer = {"", "Examples:",
            "  scorefield train --data moons --head fm --steps 3000 --seed 1 --out moons-fm.json",
            "  scorefield reflow --model moons-fm.json --rounds 2 --pairs 10000 --seed 1 --out moons-reflow"})
final class ReflowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A flow-matching model file.")
    Path model;

    @Option(names = "--rounds", defaultValue = "1", paramLabel = "R",
            description = "Reflow rounds (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--pairs", defaultValue = "" + Reflow.Settings.DEFAULT_PAIRS, paramLabel = "N",
            description = "Pairs generated per round (default ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--steps", defaultValue = "" + Reflow.Settings.DEFAULT_SOLVER_STEPS, paramLabel = "K",
            description = "RK4 steps that integrate the model to make the pairs (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--train-steps", defaultValue = "" + Reflow.Settings.DEFAULT_TRAIN_STEPS, paramLabel = "T",
            description = "Optimiser steps per round (default ${DEFAULT-VALUE}).")
    int trainSteps;

    @Option(names = "--fresh", description = "Train each round from a fresh initialisation rather than fine-tune "
            + "the previous round's weights.")
    boolean fresh;

    @Option(names = "--eval-points", defaultValue = "" + Reflow.Settings.DEFAULT_EVAL_POINTS, paramLabel = "E",
            description = "Evaluation sources for straightness and SW2 (default ${DEFAULT-VALUE}).")
    int evalPoints;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Seed of the pairs, training and evaluation.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "PREFIX",
            description = "Round R's model is written (atomically) to PREFIX-roundR.json.")
    String out;

    @Override
    public Integer call() {
        InvalidInputException.require(rounds >= 0 && rounds <= Reflow.MAX_ROUNDS, "--rounds must lie between 0 and "
                + Reflow.MAX_ROUNDS + ", got " + rounds + ".");
        TrainedModel input = ModelFile.load(model);
        DenoiserSource source = DenoiserSource.of(model, input);
        DataDistribution data = source.reference().orElseThrow(() -> new InvalidInputException("Cannot reflow "
                + model + ": the rounds are measured against its training data, and there is " + source.description()
                + "."));
        Reflow.Settings settings = new Reflow.Settings(pairs, steps, trainSteps, !fresh, evalPoints, seed);
        for (int r = 1; r <= rounds; r++) {
            Path file = roundFile(r);
            InvalidInputException.require(!Files.isDirectory(file), "Cannot write " + file + ": it is a folder.");
        }
        Reflow reflow = new Reflow(data, input.flow().source(), settings);
        ArrayNode list = Json.MAPPER.createArrayNode();
        Reflow.Round round = reflow.measure(input, input.flow().round(), 0);
        list.add(json(round.metrics(), null));
        for (int r = 1; r <= rounds; r++) {
            round = reflow.next(round, Progress.NONE);
            Path file = roundFile(r);
            ModelFile.save(namingItsData(round.model(), data, file), file);
            list.add(json(round.metrics(), file));
        }
        ObjectNode root = Json.object();
        root.put("model", model.toString());
        root.put("data", input.data());
        root.put("source", input.flow().source().id());
        root.put("pairs", pairs);
        root.put("solver_steps", steps);
        root.put("train_steps", trainSteps);
        root.put("fine_tune", !fresh);
        root.put("eval_points", evalPoints);
        root.put("seed", seed);
        root.set("rounds", list);
        Json.print(spec.commandLine().getOut(), root);
        return 0;
    }

    /** A round's model naming a CSV of points by its path from the round's own file, where sample looks. */
    private static TrainedModel namingItsData(TrainedModel m, DataDistribution data, Path file) {
        if (!(data instanceof EmpiricalDistribution)) {
            return m;
        }
        return new TrainedModel(m.architecture(), m.parameterization(), m.weights(), m.settings(),
                InputFiles.pathFrom(file, Path.of(data.id())), m.steps(), m.loss(), m.flow());
    }

    private Path roundFile(int r) {
        return InputFiles.argument(out + "-round" + r + ".json", "--out");
    }

    private static ObjectNode json(Reflow.Metrics m, Path file) {
        ObjectNode node = Json.object();
        node.put("round", m.round());
        Json.put(node, "straightness", m.normalizedStraightness());
        Json.put(node, "straightness_raw", m.straightness());
        Json.put(node, "transport_cost", m.transportCost());
        Json.put(node, "sw2_1step", m.sw2OneStep());
        Json.put(node, "sw2_1step_floor", m.sw2Floor());
        Json.put(node, "sw2_2step", m.sw2TwoStep());
        ObjectNode byNfe = node.putObject("sw2_euler");
        int[] nfe = Reflow.nfe();
        double[] sw2 = m.sw2ByNfe();
        for (int k = 0; k < nfe.length; k++) {
            Json.put(byNfe, Integer.toString(nfe[k]), sw2[k]);
        }
        Json.put(node, "seconds", m.seconds());
        if (file != null) {
            node.put("out", file.toString());
        }
        return node;
    }
}
