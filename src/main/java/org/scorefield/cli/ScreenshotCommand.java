package org.scorefield.cli;

import org.scorefield.core.session.Lesson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scorefield.app.theme.Look;
import org.scorefield.app.headless.Screenshot;
import org.scorefield.core.Identified;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.io.IoReasons;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scorefield screenshot}: builds the real explorer window headless (Monocle), runs a short
 * scripted session (load a preset, train a few hundred steps, sample) and writes the window to a PNG.
 */
@Command(name = "screenshot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Render the explorer window without a display after a short scripted session "
                + "(load a preset, train, sample) and write it to a PNG.",
            "Prints {\"out\",\"view\",\"width\",\"height\",\"steps\",\"seconds\"}."},
        footer = {"", "Examples:", "  scorefield screenshot --out window.png",
            "  scorefield screenshot --view split --width 1024 --height 700 --theme dark --out split.png"})
final class ScreenshotCommand implements Callable<Integer> {

    static final int MIN_SIZE = 640;
    static final int MAX_SIZE = 4096;

    @Spec
    CommandSpec spec;

    @Option(names = "--omega", defaultValue = "4", paramLabel = "W", description = "--view guidance: the "
            + "guidance scale ω (default ${DEFAULT-VALUE}); 0 ignores the class, 1 samples the class's own "
            + "distribution. --view guidance-split: the right-hand pane's ω (the left's is 1).")
    double omega;

    @Option(names = "--view", defaultValue = "main", paramLabel = "VIEW",
            description = "Which view: main (noising, density, samples), split (PF-ODE vs reverse SDE), fields "
                    + "(the learned score over the exact density), streamlines (of the learned PF-ODE velocity), "
                    + "difference (|learned − exact| score), denoised (x̂₀ beside each trajectory at t = 0.35, and "
                    + "paths from a click), errors (error against NFE of the solvers), reflow (a flow-matching model "
                    + "and two Reflow rounds side by side, about a minute), pairs (one batch of training pairs under "
                    + "minibatch OT), probe (the velocity probe of a flow-matching model), compare (model A, EDM, beside "
                    + "model B, flow matching, both trained --steps from the same seed), guidance (samples guided "
                    + "to class 2 at --omega over the tilted density; with --data gmm-labelled), brush (the Draw tool's "
                    + "class swatches, with strokes of classes 2 and 5 over the data) or guidance-split (ω a vs b: "
                    + "class 2 at ω = 1 beside --omega, from the same noise); path-likelihood (the exact log p_t along "
                    + "the sampling paths and two clicked ones, in the charts); swirl (8 Gaussians with the exact "
                    + "oracle: the flux pₜ·û, the continuity cells and samples turned by a swirl; use "
                    + "--steps 0); likelihood (log p₀ of the model beside the exact one and their difference, with "
                    + "a point half way up its climb to the prior; with --data 8gaussians); reschedule (a model "
                    + "trained under vp sampled after the process is switched to linear); "
                    + "memorisation (a model "
                    + "trained --steps on 16 points of the data, its samples on them, and the Memorisation chart: "
                    + "distances to the nearest training point, the model's beside the memorising oracle's; try "
                    + "--steps 2000); "
                    + "sdf (score-difference "
                    + "flow from N(0, I) to the data with the two denoisers' arrows, beside flow matching from the "
                    + "same particles, and their SW2 chart; use --steps 0); "
                    + "mean-shift (the Mean shift tool at a "
                    + "point between the data's clusters at t = 0.12: each point a disc by its weight, the kernel "
                    + "of bandwidth σ/α, x̂₀ and the step along the chord, with the model's x̂₀ beside the oracle's); "
                    + "denoising-trajectory (five paths of the exact oracle with their denoising trajectories, where "
                    + "each lands, and the exact log-densities along both in the charts; with --data 8gaussians); "
                    + "langevin (Langevin at one "
                    + "σ, score ascent and annealed Langevin side by side on gmm-labelled with the exact score); "
                    + "forward-sde (the data on Brownian paths of the forward SDE at t = 0.3). Default "
                    + "${DEFAULT-VALUE}.")
    String view;

    @Option(names = "--width", defaultValue = "1440", paramLabel = "W", description = "Window width (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "900", paramLabel = "H", description = "Window height (default ${DEFAULT-VALUE}).")
    int height;

    @Mixin
    LookOptions lookOptions;

    @Option(names = "--data", defaultValue = "moons", paramLabel = "PRESET", description = "The preset (default ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--source", paramLabel = "PRESET",
            description = "Flow matching from this preset to the data (sets the objective to flow matching).")
    String source;

    @Option(names = "--steps", defaultValue = "400", paramLabel = "K",
            description = "Training steps before sampling; 0 samples with the exact oracle (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--scene", paramLabel = "N",
            description = "Show scene N (from 1) of a lesson as the window shows it, instead of --view; "
                    + "with no training unless --steps is given.")
    Integer scene;

    @Option(names = "--lesson", defaultValue = "default", paramLabel = "FILE|default",
            description = "The lesson of --scene: a lesson file, or the one that ships (default).")
    String lesson;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "The PNG to write (atomically).")
    Path out;

    @Override
    public Integer call() throws IOException {
        Screenshot.View which = Identified.byId(Screenshot.View.class, view.toLowerCase(Locale.ROOT), "view");
        Look look = lookOptions.look();
        InvalidInputException.require(width >= MIN_SIZE && width <= MAX_SIZE && height >= MIN_SIZE / 2
                && height <= MAX_SIZE, "--width and --height must lie between " + MIN_SIZE + "×" + MIN_SIZE / 2
                + " and " + MAX_SIZE + "×" + MAX_SIZE + ", got " + width + "×" + height + ".");
        InvalidInputException.require(steps >= 0 && steps <= 100_000, "--steps must lie between 0 and 100000.");
        InvalidInputException.require(!Files.isDirectory(out), "Cannot write " + IoReasons.fileName(out) + ": it is a folder.");
        DatasetPreset preset = DatasetPreset.fromId(data);
        Screenshot.Script script;
        if (scene != null) {
            var parsed = spec.commandLine().getParseResult();
            for (String option : new String[] {"--view", "--data", "--source"}) {
                InvalidInputException.require(!parsed.hasMatchedOption(option), option + " cannot be used with "
                        + "--scene: the scene sets its own view and data.");
            }
            Lesson deck = LessonOption.read(lesson);
            LessonOption.requireScene(deck, scene);
            boolean trained = spec.commandLine().getParseResult().hasMatchedOption("--steps");
            script = Screenshot.Script.scene(deck, scene, width, height, look, trained ? steps : 0);
        } else {
            InvalidInputException.require(Double.isFinite(omega) && omega >= 0 && omega <= 8, "--omega must lie "
                    + "between 0 and 8, got " + omega + ".");
            script = new Screenshot.Script(which, width, height, look, preset, steps,
                    source == null ? null : DatasetPreset.fromId(source)).withOmega(omega);
        }
        Screenshot.Result result;
        try {
            result = Screenshot.write(script, out);
        } catch (IOException e) {
            throw IoReasons.cannotWrite(out, e);
        }
        ObjectNode json = Json.object();
        json.put("out", out.toString());
        json.put("view", scene != null ? "scene" : which.id());
        if (scene != null) {
            json.put("scene", scene);
            json.put("name", script.lesson().scenes().get(scene - 1).name());
        }
        json.put("width", width);
        json.put("height", height);
        json.put("steps", result.steps());
        Json.put(json, "seconds", result.seconds());
        Json.print(spec.commandLine().getOut(), json);
        return 0;
    }
}
