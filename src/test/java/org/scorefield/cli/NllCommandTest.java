package org.scorefield.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scorefield nll}: the issue's bars, its JSON fields, its per-point file and its refusals. */
class NllCommandTest {

    @TempDir
    Path dir;

    /** The oracle of 8gaussians gives the exact mixture NLL to 0.02 nats under VP and linear (RK4, 64 steps). */
    @Test
    void theOracleMatchesTheExactMixture() {
        for (String process : List.of("vp", "linear")) {
            CliRun r = CliRun.of("nll", "--oracle", "8gaussians", "--process", process, "--solver", "rk4", "--steps",
                    "64", "--n", "1000", "--seed", "1");
            assertEquals(0, r.exitCode(), r.err());
            JsonNode j = r.json();
            assertEquals(j.get("nll_exact").asDouble(), j.get("nll").asDouble(), 0.02, process);
            assertEquals("exact", j.get("divergence").asText());
            assertEquals("t=0", j.get("nll_exact_at").asText());
            assertTrue(j.get("nll_std_error").asDouble() > 0 && j.get("nll_std_error").asDouble() < 0.1);
            assertEquals(256, j.get("nfe").asInt());
            assertTrue(j.get("seconds").asDouble() > 0);
        }
    }

    /**
     * A model of 8gaussians trained with the default recipe for 4,000 steps: its NLL within 0.15 nats
     * of the exact mixture's, through the network's exact divergence; the per-point file averages to it.
     */
    @Test
    void aTrainedModelComesWithinTheIssuesBar() throws Exception {
        Path model = dir.resolve("m.json");
        CliRun train = CliRun.of("train", "--data", "8gaussians", "--steps", "4000", "--seed", "1", "--out",
                model.toString());
        assertEquals(0, train.exitCode(), train.err());
        Path out = dir.resolve("points.csv");
        CliRun r = CliRun.of("nll", "--model", model.toString(), "--n", "1000", "--seed", "1", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = r.json();
        assertEquals("network", j.get("divergence_by").asText());
        double nll = j.get("nll").asDouble();
        assertEquals(j.get("nll_exact").asDouble(), nll, 0.15);
        List<String> lines = Files.readAllLines(out);
        assertEquals("x,y,log_p0,log_p0_exact,log_prior,log_det,end_x,end_y", lines.get(0));
        assertEquals(1001, lines.size());
        double sum = 0;
        double sumExact = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double logP0 = Double.parseDouble(f[2]);
            sum -= logP0;
            sumExact -= Double.parseDouble(f[3]);
            // log p_0 = log prior + ℓ + 2 log α(t_min), with α(0.001) of VP
            double alpha = Math.exp(-0.5 * (0.1 * 0.001 + 0.5 * 19.9 * 0.001 * 0.001));
            assertEquals(Double.parseDouble(f[4]) + Double.parseDouble(f[5]) + 2 * Math.log(alpha), logP0, 1e-9);
        }
        assertEquals(nll, sum / 1000, 1e-9);
        assertEquals(j.get("nll_exact").asDouble(), sumExact / 1000, 1e-9);
    }

    /** Hutchinson's NLL scatters per point but its mean stays within a few standard errors of the exact one. */
    @Test
    void hutchinsonIsReportedAsSuch() {
        CliRun r = CliRun.of("nll", "--oracle", "8gaussians", "--process", "linear", "--steps", "16", "--n", "300",
                "--seed", "2", "--hutchinson", "2");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = r.json();
        assertEquals("hutchinson", j.get("divergence").asText());
        assertEquals(2, j.get("probes").asInt());
        assertEquals(j.get("nll_exact").asDouble(), j.get("nll").asDouble(), 4 * j.get("nll_std_error").asDouble());
        // the spread per point is real, and the mean over 300 points of a zero-mean error stays within 4 of its
        // standard errors of the exact-divergence NLL
        double spread = j.get("hutchinson_spread").asDouble();
        assertTrue(spread > 0.01, j.toString());
        assertEquals(j.get("nll_exact_divergence").asDouble(), j.get("nll").asDouble(), 4 * spread / Math.sqrt(300));
    }

    /**
     * Memorised points have no density at t = 0: their exact value is the oracle's density at t_min,
     * read as the ODE reads it, and says so.
     */
    @Test
    void theMemorisedPointsAreComparedAtTMin() {
        CliRun r = CliRun.of("nll", "--oracle", "moons", "--data-n", "200", "--n", "100", "--steps", "32");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = r.json();
        assertEquals("t_min", j.get("nll_exact_at").asText());
        assertEquals(j.get("nll_exact").asDouble(), j.get("nll").asDouble(), 0.05);
    }

    @Test
    void badInputIsOneSentence() {
        String[][] cases = {
            {"nll", "--oracle", "8gaussians", "--n", "0"},
            {"nll", "--oracle", "8gaussians", "--steps", "0"},
            {"nll", "--oracle", "8gaussians", "--solver", "ddim"},
            {"nll", "--oracle", "8gaussians", "--grid", "nope"},
            {"nll", "--oracle", "8gaussians", "--hutchinson", "0"},
            {"nll", "--oracle", "8gaussians", "--t-min", "1"},
            {"nll", "--oracle", "8gaussians", "--process", "ve", "--t-min", "-0.5"},
            {"nll", "--model", dir.resolve("missing.json").toString()},
            {"nll"},
        };
        for (String[] args : cases) {
            CliRun r = CliRun.of(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertTrue(r.out().isEmpty());
        }
    }
}
