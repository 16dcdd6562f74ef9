package org.scorefield.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sample --sample-process}: a model trained under one schedule sampled under another through the
 * change of time and scale (docs/math.md §2.10, book Prop 6.3.3).
 */
class SampleProcessCommandTest {

    @TempDir
    Path dir;

    /**
     * The bar: a model of moons trained under VP (the default recipe, 2,000 steps) and sampled under
     * the linear schedule reaches an SW2 within 1.2× of its own schedule's, and from the same noise the two
     * samplers' end points agree.
     */
    @Test
    void aVpModelSampledUnderTheLinearScheduleEndsWhereItsOwnDoes() throws Exception {
        Path model = dir.resolve("vp.json");
        CliRun train = CliRun.of("train", "--data", "moons", "--steps", "2000", "--seed", "1", "--out",
                model.toString());
        assertEquals(0, train.exitCode(), train.err());
        Path own = dir.resolve("own.csv");
        Path other = dir.resolve("linear.csv");
        CliRun a = CliRun.of("sample", "--model", model.toString(), "--n", "4000", "--seed", "7", "--out", own.toString());
        CliRun b = CliRun.of("sample", "--model", model.toString(), "--sample-process", "linear", "--n", "4000",
                "--seed", "7", "--out", other.toString());
        assertEquals(0, a.exitCode(), a.err());
        assertEquals(0, b.exitCode(), b.err());
        JsonNode ja = a.json();
        JsonNode jb = b.json();
        assertFalse(ja.has("sample_process"));
        assertEquals("vp", jb.get("process").get("name").asText(), "the process it was trained on");
        assertEquals("linear", jb.get("sample_process").get("name").asText());
        // linear reaches VP's last half log-SNR, λ = log(α/σ), at t = 1/(1 + e^λ)
        double b1 = 0.1 * 1e-3 + 0.5 * 19.9 * 1e-6;
        double lambdaEnd = Math.log(Math.exp(-b1 / 2) / Math.sqrt(-Math.expm1(-b1)));
        assertEquals(1 / (1 + Math.exp(lambdaEnd)), jb.get("t_min").asDouble(), 1e-9);
        double ratio = jb.get("sw2").asDouble() / ja.get("sw2").asDouble();
        assertTrue(ratio <= 1.2, "SW2 under linear / under VP = " + ratio);

        double[] distance = pairedDistances(own, other);
        Arrays.sort(distance);
        // the moons are about 1 wide; the same noise ends within 0.01 for 9 samples in 10
        assertTrue(distance[distance.length / 2] < 0.005, "median " + distance[distance.length / 2]);
        assertTrue(distance[distance.length * 9 / 10] < 0.01, "90th percentile " + distance[distance.length * 9 / 10]);
    }

    @Test
    void anUnknownProcessIsOneSentence() {
        CliRun r = CliRun.of("sample", "--oracle", "moons", "--sample-process", "brownian", "--n", "10");
        assertTrue(r.exitCode() != 0, "exit code " + r.exitCode());
        assertTrue(r.err().contains("Unknown process 'brownian'"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    private static double[] pairedDistances(Path a, Path b) throws Exception {
        List<String> la = Files.readAllLines(a);
        List<String> lb = Files.readAllLines(b);
        assertEquals(la.size(), lb.size());
        double[] d = new double[la.size() - 1];
        for (int i = 1; i < la.size(); i++) {
            String[] p = la.get(i).split(",");
            String[] q = lb.get(i).split(",");
            d[i - 1] = Math.hypot(Double.parseDouble(p[0]) - Double.parseDouble(q[0]),
                    Double.parseDouble(p[1]) - Double.parseDouble(q[1]));
        }
        return d;
    }
}
