package org.scorefield.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --pytorch} without PyTorch (CI has none): {@code /bin/sh} stands in for the interpreter and a
 * shell script for bench/pytorch_reference.py, printing what the real script prints or failing as it fails.
 */
class PytorchRaceTest {

    @TempDir
    Path dir;

    private static final String[] BENCH = {"bench", "--quick", "--skip-speed", "--skip-frame", "--no-reflow",
        "--no-export"};

    private CliRun bench(Path script, String python) {
        String[] args = java.util.Arrays.copyOf(BENCH, BENCH.length + 4);
        args[BENCH.length] = "--pytorch";
        args[BENCH.length + 1] = script.toString();
        args[BENCH.length + 2] = "--python";
        args[BENCH.length + 3] = python;
        return CliRun.of(args);
    }

    private Path script(String body) throws IOException {
        Path s = dir.resolve("fake.sh");
        Files.writeString(s, "echo \"$@\" >> '" + dir.resolve("runs") + "'\n" + body + "\n");
        return s;
    }

    @Test
    void theScriptRunsOncePerRoundAndItsBlocksGiveTheMedian() throws IOException {
        Path s = script("echo '{\"ms_per_step\": 6, \"threads\": 1, \"torch\": \"9.9\", \"blas\": \"fake\", "
                + "\"parameters\": 35714, \"blocks\": [8, 4, 6, 5, 7]}'");
        CliRun r = bench(s, "/bin/sh");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = r.json();
        assertNull(json.get("pytorch_error"), json.toString());
        // --quick: 3 rounds, each with the script's 5 blocks {4, 5, 6, 7, 8}: the median of all 15 is 6.
        assertEquals(6.0, json.get("pytorch_ms_per_step").asDouble(), 0);
        double ours = json.get("pytorch_train_ms_per_step").asDouble();
        assertTrue(ours > 0, json.toString());
        assertEquals(6.0 / ours, json.get("pytorch_ratio").asDouble(), 1e-9);
        assertEquals("9.9", json.get("pytorch_torch").asText());
        assertEquals(1, json.get("pytorch_threads").asInt());
        // the process's policy: one thread in tests, so one trainer times both
        assertEquals(1, json.get("pytorch_train_threads").asInt());
        assertEquals(ours, json.get("pytorch_train_ms_per_step_1_thread").asDouble(), 0);
        assertEquals(3, json.get("pytorch_rounds").asInt());
        assertEquals(List.of("bench --json --blocks 5 --threads 1", "bench --json --blocks 5 --threads 1",
                "bench --json --blocks 5 --threads 1"), Files.readAllLines(dir.resolve("runs")));
    }

    @Test
    void onTwoThreadsASecondTrainerOnOneIsTimedBesideIt() throws IOException {
        Path s = script("echo '{\"ms_per_step\": 6, \"threads\": 1, \"torch\": \"9.9\", \"blas\": \"fake\", "
                + "\"parameters\": 35714, \"blocks\": [6, 6, 6, 6, 6]}'");
        org.scorefield.core.nn.TrainingThreads.use(2); // as the scorefield process sets it on two cores
        JsonNode json;
        try {
            json = bench(s, "/bin/sh").json();
        } finally {
            org.scorefield.core.nn.TrainingThreads.use(1);
        }
        assertNull(json.get("pytorch_error"), json.toString());
        assertEquals(2, json.get("pytorch_train_threads").asInt());
        double two = json.get("pytorch_train_ms_per_step").asDouble();
        double one = json.get("pytorch_train_ms_per_step_1_thread").asDouble();
        assertTrue(one > 0 && one != two, json.toString()); // timed apart: two trainers, not one figure twice
        assertEquals(6.0 / one, json.get("pytorch_ratio_1_thread").asDouble(), 1e-9);
        assertEquals(6.0 / two, json.get("pytorch_ratio").asDouble(), 1e-9);
    }

    @Test
    void aMissingTorchIsOneSentenceInTheJson() throws IOException {
        String sentence = "PyTorch cannot be imported by /usr/bin/python3 (No module named 'torch'): install it.";
        CliRun r = bench(script("echo 'Traceback (most recent call last):' >&2; echo \"" + sentence
                + "\" >&2; exit 3"), "/bin/sh");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(sentence, r.json().get("pytorch_error").asText());
        assertNull(r.json().get("pytorch_ms_per_step"));
        assertEquals(1, Files.readAllLines(dir.resolve("runs")).size(), "the race stops at the first failure");
    }

    @Test
    void aMissingInterpreterOrAnotherScriptIsOneSentence() throws IOException {
        JsonNode noPython = bench(script("exit 0"), dir.resolve("no-python").toString()).json();
        assertTrue(noPython.get("pytorch_error").asText().startsWith("Cannot run the Python interpreter "),
                noPython.toString());
        JsonNode notJson = bench(script("echo hello"), "/bin/sh").json();
        assertEquals("The PyTorch script printed no JSON object: hello.", notJson.get("pytorch_error").asText());
        JsonNode otherNetwork = bench(script("echo '{\"ms_per_step\": 1, \"parameters\": 10, \"blocks\": [1]}'"),
                "/bin/sh").json();
        assertTrue(otherNetwork.get("pytorch_error").asText().contains("has 10 parameters, Scorefield's 35714"),
                otherNetwork.toString());
    }

    @Test
    void badBytesAndFloodsOnStderrStillGiveItsLastSentence() throws IOException {
        // bytes that are not UTF-8, then 3 MB of noise, then the sentence: read leniently, and only the tail
        CliRun r = bench(script("printf '\\377\\376 not text\\n' >&2; head -c 3000000 /dev/zero | tr '\\0' 'x' >&2; "
                + "echo >&2; printf 'Torch failed \\351 here.\\n' >&2; exit 3"), "/bin/sh");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("Torch failed \uFFFD here.", r.json().get("pytorch_error").asText());
    }

    @Test
    void aMissingScriptIsRefusedBeforeAnyTiming() {
        CliRun r = bench(dir.resolve("nope.py"), "/bin/sh");
        assertEquals(2, r.exitCode());
        assertTrue(r.out().isEmpty());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("there is no file"), r.err());
    }
}
