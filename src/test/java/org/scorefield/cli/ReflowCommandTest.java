package org.scorefield.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.flow.CouplingKind;
import org.scorefield.core.nn.ModelFile;
import org.scorefield.core.nn.TrainedModel;

/** {@code train --head fm} with a source and a coupling, and {@code reflow} on what it wrote. */
class ReflowCommandTest {

    @TempDir
    Path dir;

    @Test
    void trainWithACouplingAndASourceRecordsThemAndSampleStartsFromTheSource() throws java.io.IOException {
        Path out = dir.resolve("8g-moons.json");
        CliRun r = CliRun.of(TrainCommandTest.tiny("moons", "fm", out, "--source", "8gaussians", "--coupling",
                "sinkhorn", "--sinkhorn-eps", "0.2"));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("8gaussians", r.json().get("source").asText());
        assertEquals("sinkhorn", r.json().get("coupling").asText());
        assertEquals(0.2, r.json().get("sinkhorn_eps").asDouble());
        TrainedModel model = ModelFile.load(out);
        assertEquals(DatasetPreset.EIGHT_GAUSSIANS, model.flow().source().distribution().orElseThrow());
        assertEquals(CouplingKind.SINKHORN, model.flow().coupling().kind());

        // sampling starts from the model's source, not from N(0, I)
        Path paths = dir.resolve("paths.csv");
        CliRun s = CliRun.of("sample", "--model", out.toString(), "--solver", "euler", "--steps", "2", "--n", "300",
                "--seed", "2", "--trajectories", paths.toString());
        assertEquals(0, s.exitCode(), s.err());
        assertEquals("moons", s.json().get("reference").asText());
        // the starts (step 0) lie on the 8 modes, radius 1.35, std 0.17: not N(0, I), whose radii spread widely
        double[] radii = Files.readAllLines(paths).stream().skip(1).map(line -> line.split(","))
                .filter(f -> f[1].equals("0")).mapToDouble(f -> Math.hypot(Double.parseDouble(f[3]),
                        Double.parseDouble(f[4]))).toArray();
        assertEquals(300, radii.length);
        double mean = java.util.Arrays.stream(radii).average().orElseThrow();
        double spread = Math.sqrt(java.util.Arrays.stream(radii).map(x -> (x - mean) * (x - mean)).average().orElseThrow());
        assertEquals(DatasetPreset.EIGHT_GAUSSIANS_RADIUS, mean, 0.05);
        assertTrue(spread < 0.25, "radius spread " + spread);

        // the solver comparison starts from the source too; a stochastic sampler is refused in one sentence
        CliRun solvers = CliRun.of("solvers", "--model", out.toString(), "--solvers", "euler,heun", "--steps", "2,8",
                "--n", "50", "--ref-steps", "16", "--seed", "2");
        assertEquals(0, solvers.exitCode(), solvers.err());
        assertEquals("8gaussians", solvers.json().get("source").asText());
        CliRun sde = CliRun.of("sample", "--model", out.toString(), "--solver", "sde", "--steps", "4", "--n", "10",
                "--seed", "2");
        assertEquals(2, sde.exitCode());
        assertTrue(sde.err().contains("deterministic solver"), sde.err());
        assertFalse(sde.err().contains("Exception"), sde.err());
    }

    @Test
    void couplingOptionsAreRefusedForDiffusionHeadsAndBadValues() {
        CliRun r = CliRun.of(TrainCommandTest.tiny("moons", "eps", dir.resolve("m.json"), "--coupling", "ot"));
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("apply to flow matching (--head fm)"), r.err());
        CliRun bad = CliRun.of(TrainCommandTest.tiny("moons", "fm", dir.resolve("m.json"), "--coupling", "greedy"));
        assertTrue(bad.err().contains("Unknown coupling 'greedy'; choose one of independent, ot, sinkhorn."), bad.err());
        CliRun eps = CliRun.of(TrainCommandTest.tiny("moons", "fm", dir.resolve("m.json"), "--coupling", "sinkhorn",
                "--sinkhorn-eps", "0"));
        assertTrue(eps.err().contains("Sinkhorn's ε must lie between"), eps.err());
        assertFalse(Files.exists(dir.resolve("m.json")));
    }

    @Test
    void reflowWritesEveryRoundAndReportsItsFigures() {
        Path model = dir.resolve("fm.json");
        assertEquals(0, CliRun.of(TrainCommandTest.tiny("moons", "fm", model, "--coupling", "ot")).exitCode());
        String prefix = dir.resolve("rf").toString();
        CliRun r = CliRun.of("reflow", "--model", model.toString(), "--rounds", "2", "--pairs", "300", "--steps", "4",
                "--train-steps", "30", "--eval-points", "100", "--seed", "4", "--out", prefix);
        assertEquals(0, r.exitCode(), r.err());
        JsonNode rounds = r.json().get("rounds");
        assertEquals(3, rounds.size());
        for (int k = 0; k < 3; k++) {
            JsonNode round = rounds.get(k);
            assertEquals(k, round.get("round").asInt());
            for (String key : new String[] {"straightness", "straightness_raw", "transport_cost", "sw2_1step",
                "sw2_1step_floor", "sw2_2step", "seconds"}) {
                assertTrue(round.get(key).isNumber() && round.get(key).asDouble() >= 0, key + " of round " + k);
            }
        }
        assertEquals(rounds.get(0).get("sw2_1step_floor").asDouble(), rounds.get(2).get("sw2_1step_floor").asDouble());
        TrainedModel two = ModelFile.load(Path.of(prefix + "-round2.json"));
        assertEquals(2, two.flow().round());
        assertEquals(CouplingKind.OT, two.flow().coupling().kind());
        assertEquals(prefix + "-round1.json", rounds.get(1).get("out").asText());
    }

    @Test
    void reflowRefusesADiffusionModel() {
        Path model = dir.resolve("eps.json");
        assertEquals(0, CliRun.of(TrainCommandTest.tiny("moons", "eps", model)).exitCode());
        CliRun r = CliRun.of("reflow", "--model", model.toString(), "--rounds", "1", "--seed", "1", "--out",
                dir.resolve("x").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("Reflow straightens a flow-matching model"), r.err());
        assertFalse(Files.exists(dir.resolve("x-round1.json")));
    }
}
