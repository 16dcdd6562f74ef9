package org.scorefield.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.nn.Trainer;

/**
 * Scorefield's training step against the same recipe in PyTorch ({@code bench/pytorch_reference.py}),
 * timed in rounds that alternate on a shared machine: {@code blocks} of {@link BenchCommand#BLOCK_STEPS}
 * Scorefield steps, then one run of {@code python SCRIPT bench --json --blocks blocks} (which warms
 * up and times its blocks the same way), and again. Both sides' figures are medians over all their
 * blocks, so a load that comes and goes moves both alike.
 *
 * <p>A missing interpreter, a missing torch or a failing script ends the race with one sentence in
 * {@code pytorch_error}; the rest of the benchmark stands.
 */
final class PytorchRace {

    /** The interpreter Debian's python3-torch installs for. */
    static final String DEFAULT_PYTHON = "/usr/bin/python3";
    /** The longest one run of the script may take: its warm-up and blocks on the slow reference BLAS are ~15 s. */
    static final long TIMEOUT_SECONDS = 600;

    private final Path script;
    private final String python;
    private final int threads;

    PytorchRace(Path script, String python, int threads) {
        this.script = script;
        this.python = python;
        this.threads = threads;
    }

    /** Refuses a script that is not there before any timing starts. */
    static void requireScript(Path script) {
        InvalidInputException.require(Files.isRegularFile(script), "--pytorch needs the reference script, e.g. "
                + "bench/pytorch_reference.py; there is no file " + script + ".");
    }

    /**
     * Runs {@code rounds} alternating rounds with warmed-up trainers (the command line's, then one on
     * one thread unless it is the same) and writes the {@code pytorch_…} figures into json.
     */
    void run(Trainer trainer, Trainer single, int rounds, int blocks, int parameters, ObjectNode json) {
        List<Double> ours = new ArrayList<>();
        List<Double> oursSingle = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        JsonNode last = null;
        for (int r = 0; r < rounds; r++) {
            timeBlocks(trainer, blocks, ours);
            if (single != trainer) {
                timeBlocks(single, blocks, oursSingle);
            }
            String error;
            try {
                last = runScript(blocks);
                error = check(last, parameters);
            } catch (ScriptFailure e) {
                error = e.getMessage();
            }
            if (error != null) {
                json.put("pytorch_error", error);
                return;
            }
            last.get("blocks").forEach(v -> theirs.add(v.asDouble()));
        }
        double pytorchMs = median(theirs);
        double scorefieldMs = median(ours);
        Json.put(json, "pytorch_ms_per_step", pytorchMs);
        Json.put(json, "pytorch_train_ms_per_step", scorefieldMs);
        json.put("pytorch_train_threads", trainer.threads());
        Json.put(json, "pytorch_ratio", pytorchMs / scorefieldMs);
        double singleMs = single != trainer ? median(oursSingle) : scorefieldMs;
        Json.put(json, "pytorch_train_ms_per_step_1_thread", singleMs);
        Json.put(json, "pytorch_ratio_1_thread", pytorchMs / singleMs);
        json.put("pytorch_torch", last.path("torch").asText());
        json.put("pytorch_threads", last.path("threads").asInt());
        json.put("pytorch_blas", last.path("blas").asText("unknown"));
        json.put("pytorch_rounds", rounds);
        json.put("pytorch_blocks_per_round", blocks);
    }

    /** Appends the milliseconds per step of {@code blocks} blocks of the trainer's steps. */
    private static void timeBlocks(Trainer trainer, int blocks, List<Double> out) {
        for (int b = 0; b < blocks; b++) {
            out.add(1e3 * BenchCommand.stepSeconds(trainer, BenchCommand.BLOCK_STEPS));
        }
    }

    /** Why the script's answer cannot be used, or null when it can. */
    private static String check(JsonNode answer, int parameters) {
        JsonNode blocks = answer.get("blocks");
        if (blocks == null || !blocks.isArray() || blocks.isEmpty() || !answer.path("ms_per_step").isNumber()) {
            return "The PyTorch script's JSON has no \"ms_per_step\" and \"blocks\": it is not bench/pytorch_reference.py.";
        }
        for (JsonNode v : blocks) {
            if (!v.isNumber() || !(v.asDouble() > 0) || !Double.isFinite(v.asDouble())) {
                return "The PyTorch script reported a block time that is not a positive number: " + v + ".";
            }
        }
        int theirs = answer.path("parameters").asInt(-1);
        if (theirs != parameters) {
            return "The PyTorch script's network has " + theirs + " parameters, Scorefield's " + parameters
                    + ": it does not train the default recipe.";
        }
        return null;
    }

    /** One run of the script; its JSON, or a {@link ScriptFailure} that says why not in one sentence. */
    private JsonNode runScript(int blocks) throws ScriptFailure {
        Path out = null;
        Path err = null;
        Process process = null;
        try {
            out = Files.createTempFile("scorefield-pytorch-", ".json");
            err = Files.createTempFile("scorefield-pytorch-", ".err");
            List<String> command = List.of(python, script.toString(), "bench", "--json", "--blocks",
                    Integer.toString(blocks), "--threads", Integer.toString(threads));
            try {
                process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            } catch (IOException e) {
                throw new ScriptFailure("Cannot run the Python interpreter " + python + " (" + e.getMessage()
                        + "): give one with --python.");
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new ScriptFailure("The PyTorch script did not finish within " + TIMEOUT_SECONDS + " s.");
            }
            if (process.exitValue() != 0) {
                throw new ScriptFailure(lastLine(err, "The PyTorch script failed with exit status "
                        + process.exitValue() + "."));
            }
            String text = ChildProcess.text(out, false).strip();
            try {
                JsonNode answer = Json.MAPPER.readTree(text);
                if (answer != null && answer.isObject()) {
                    return answer;
                }
            } catch (IOException e) {
                // not JSON: said below
            }
            String first = text.lines().findFirst().orElse("");
            throw new ScriptFailure("The PyTorch script printed no JSON object"
                    + (first.isEmpty() ? "." : ": " + abbreviate(first) + "."));
        } catch (IOException e) {
            throw new ScriptFailure("Cannot hold the PyTorch script's output in a temporary file: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScriptFailure("The PyTorch race was interrupted.");
        } finally {
            ChildProcess.stop(process);
            delete(out);
            delete(err);
        }
    }

    /** The last non-blank line the script wrote to stderr (its one sentence), or the fallback. */
    private static String lastLine(Path err, String fallback) throws IOException {
        String last = ChildProcess.lastLine(ChildProcess.text(err, true));
        return last.isEmpty() ? fallback : abbreviate(last);
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    private static void delete(Path p) {
        if (p != null) {
            p.toFile().delete();
        }
    }

    private static double median(List<Double> values) {
        return BenchCommand.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** A run of the script that gave nothing to use, with the sentence that says why. */
    private static final class ScriptFailure extends Exception {
        ScriptFailure(String message) {
            super(message);
        }
    }
}
