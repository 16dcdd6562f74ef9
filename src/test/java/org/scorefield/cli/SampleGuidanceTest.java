package org.scorefield.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sample --class K --guidance … --omega W} on the exact oracle of gmm-labelled, of the moons' labelled
 * points and of a labelled CSV file (issue 17's figures).
 */
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
        CliRun points = CliRun.of("sample", "--oracle", "checkerboard", "--n", "50", "--class", "0");
        assertEquals(2, points.exitCode(), points.err());
        assertEquals("scorefield sample: --class needs labelled data: empirical:checkerboard has no labels (use a "
                + "labelled preset such as moons or gmm-labelled, or a CSV file of x,y,label rows).",
                points.err().strip());
    }

    private static JsonNode runOn(String oracle, String... extra) {
        String[] base = {"sample", "--oracle", oracle, "--process", "vp", "--solver", "heun", "--steps", "32",
            "--n", "2000", "--seed", "1"};
        CliRun r = CliRun.of(java.util.stream.Stream.concat(java.util.Arrays.stream(base),
                java.util.Arrays.stream(extra)).toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        return r.json();
    }

    /**
     * The memorising oracle of the moons' labelled points guides to each moon: at ω = 1 the samples are
     * the class's points (the nearest point's class every time), and at t = 0 the tilted density of a
     * point set is the class's points too, so both measures agree.
     */
    @Test
    void labelledPointsGuideToTheirClass() {
        for (int c = 0; c < 2; c++) {
            JsonNode j = runOn("moons", "--class", String.valueOf(c));
            assertEquals("empirical:moons", j.get("oracle").asText());
            assertEquals(1.0, j.get("class_fraction").asDouble(), 0.005, j.toString());
            assertTrue(j.get("sw2_class_ratio").asDouble() <= 1.3, j.toString());
            assertEquals(j.get("sw2_class").asDouble(), j.get("sw2_tilted").asDouble(), 0.0);
        }
        JsonNode zero = runOn("moons", "--class", "1", "--omega", "0");
        assertEquals(0.5, zero.get("class_fraction").asDouble(), 0.05, "unguided, half the samples in each moon");
    }

    @Test
    void aCsvFileWithLabelsGuidesAndOneWithoutIsRefused() throws Exception {
        StringBuilder labelled = new StringBuilder("x,y,label\n");
        StringBuilder plain = new StringBuilder("x,y\n");
        for (int i = 0; i < 150; i++) {
            int c = i % 3;
            double a = 2 * Math.PI * c / 3 + 0.01 * i;
            labelled.append(2 * Math.cos(a)).append(',').append(2 * Math.sin(a)).append(',').append(c).append('\n');
            plain.append(2 * Math.cos(a)).append(',').append(2 * Math.sin(a)).append('\n');
        }
        Path withLabels = dir.resolve("three.csv");
        Path without = dir.resolve("plain.csv");
        Files.writeString(withLabels, labelled);
        Files.writeString(without, plain);
        JsonNode j = runOn(withLabels.toString(), "--class", "2");
        assertEquals(2, j.get("class").asInt());
        assertEquals(1.0, j.get("class_fraction").asDouble(), 0.005, j.toString());
        assertTrue(j.get("sw2_class_ratio").asDouble() <= 1.3, j.toString());
        CliRun r = CliRun.of("sample", "--oracle", without.toString(), "--n", "50", "--class", "0");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("scorefield sample: --class needs labelled data: empirical:plain.csv has no labels (use a "
                + "labelled preset such as moons or gmm-labelled, or a CSV file of x,y,label rows).", r.err().strip());
    }
}
