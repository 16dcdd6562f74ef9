package org.scorefield.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sample --class K --guidance … --omega W} on the exact oracle of gmm-labelled (issue 17's figures). */
class SampleGuidanceTest {

    @TempDir
    Path dir;

    private static JsonNode run(String... extra) {
        String[] base = {"sample", "--oracle", "gmm-labelled", "--process", "vp", "--solver", "heun", "--steps", "32",
            "--n", "2000", "--seed", "1"};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exitCode(), r.err());
        return r.json();
    }

    @Test
    void atOmegaOneEveryClassIsItsOwnDistribution() {
        for (int c = 0; c < 3; c++) {
            JsonNode j = run("--class", String.valueOf(c));
            assertEquals(c, j.get("class").asInt());
            assertEquals("cfg", j.get("guidance").asText());
            assertEquals(1.0, j.get("omega").asDouble(), "--class alone means ω = 1");
            assertTrue(j.get("class_fraction").asDouble() >= 0.97, j.toString());
            assertTrue(j.get("sw2_class_ratio").asDouble() <= 1.3, j.toString());
            assertEquals(j.get("sw2_class").asDouble() / j.get("sw2_class_floor").asDouble(),
                    j.get("sw2_class_ratio").asDouble(), 1e-9);
            assertTrue(j.has("sw2_tilted_ratio"));
        }
    }

    @Test
    void omegaZeroIsTheUnconditionalSamplesBitForBit() throws Exception {
        Path plain = dir.resolve("plain.csv");
        Path zero = dir.resolve("zero.csv");
        run("--out", plain.toString());
        JsonNode j = run("--class", "2", "--omega", "0", "--out", zero.toString());
        assertEquals(0.0, j.get("omega").asDouble());
        assertEquals(Files.readString(plain), Files.readString(zero));
    }

    /** Guided harder, the samples leave the tilted density p·p(c|x)^ω far behind (docs/math.md §9.3). */
    @Test
    void strongGuidanceDoesNotSampleTheTiltedDensity() {
        JsonNode four = run("--class", "0", "--omega", "4", "--guidance", "classifier");
        assertEquals("classifier", four.get("guidance").asText());
        assertEquals(1.0, four.get("class_fraction").asDouble(), 0.005);
        assertTrue(four.get("sw2_tilted_ratio").asDouble() > 3, four.toString());
    }

    @Test
    void badGuidanceIsOneSentence() {
        String[][] cases = {
            {"--omega", "2"}, {"--class", "7"}, {"--class", "1", "--guidance", "magic"}, {"--class", "1", "--omega", "-1"}};
        String[] expected = {"--guidance and --omega guide towards a class: give it with --class K.",
            "--class must lie between 0 and 2 for gmm-labelled, got 7.",
            "--guidance takes cfg or classifier, not 'magic'.", "--omega must lie between 0 and 100, got -1.0."};
        for (int k = 0; k < cases.length; k++) {
            String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("sample", "--oracle",
                    "gmm-labelled", "--n", "50"), java.util.Arrays.stream(cases[k])).toArray(String[]::new);
            CliRun r = CliRun.of(args);
            assertEquals(2, r.exitCode(), r.err());
            assertEquals("scorefield sample: " + expected[k], r.err().strip());
        }
        CliRun points = CliRun.of("sample", "--oracle", "moons", "--n", "50", "--class", "0");
        assertTrue(points.err().contains("is known only by its points"), points.err());
    }
}
