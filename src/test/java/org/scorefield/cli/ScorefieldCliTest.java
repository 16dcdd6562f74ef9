package org.scorefield.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.PointCsv;
import org.scorefield.core.data.PointSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ScorefieldCliTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"", "data", "train", "sample", "solvers"})
    void everyCommandHasHelp(String command) {
        CliRun r = command.isEmpty() ? CliRun.of("--help") : CliRun.of(command, "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("Usage: scorefield"), r.out());
        assertTrue(r.err().isEmpty());
    }

    /** An argument of 100,000 characters, or a path holding a NUL or naming a folder or a device: one short line. */
    @ParameterizedTest
    @ValueSource(strings = {"--solver", "--theme", "--oracle", "--data", "--process", "--grid"})
    void oddArgumentsAreRefusedInOneShortLine(String option) {
        String huge = "q".repeat(100_000);
        for (String value : new String[] {huge, "a\u0000b.csv", "/", "/dev/zero", ""}) {
            String[] args = option.equals("--data") ? new String[] {"data", "--data", value}
                    : option.equals("--theme") ? new String[] {"render", "--oracle", "moons", "--theme", value, "--out",
                        dir.resolve("x.gif").toString()}
                    : option.equals("--oracle") ? new String[] {"sample", "--oracle", value}
                    : new String[] {"sample", "--oracle", "moons", option, value};
            CliRun r = CliRun.of(args);
            assertEquals(ScorefieldCli.BAD_INPUT, r.exitCode(), option + " " + value.length() + ": " + r.err());
            assertEquals("", r.out());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().length() < 600, option + ": " + r.err().length() + " characters");
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void dataWritesTheSeededPresetAndDescribesIt() {
        Path out = dir.resolve("moons.csv");
        CliRun r = CliRun.of("data", "--data", "moons", "--n", "300", "--seed", "4", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        PointSet written = PointCsv.read(out);
        assertEquals(DatasetPreset.MOONS.sample(300, 4), written);
        JsonNode json = r.json();
        assertEquals("moons", json.get("data").asText());
        assertEquals(300, json.get("n").asInt());
        assertEquals(2, json.get("labels").asInt());
        assertEquals(written.mean()[0], json.get("mean").get(0).asDouble(), 1e-15);
        assertFalse(json.get("mixture").asBoolean());
    }

    @Test
    void sampleReportsNfeMetricsAndModesAndIsReproducible() throws IOException {
        String[] args = {"sample", "--oracle", "8gaussians", "--process", "vp", "--solver", "heun", "--steps", "16",
            "--n", "500", "--seed", "3", "--out", dir.resolve("a.csv").toString()};
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().isEmpty(), r.err());
        JsonNode json = r.json();
        for (String key : List.of("nfe", "seconds", "sw2", "sw2_floor", "energy", "energy_floor", "modes_hit")) {
            assertTrue(json.has(key), key);
        }
        assertEquals(2 * 16 + 1, json.get("nfe").asInt());
        assertEquals(8, json.get("modes_hit").asInt());
        assertTrue(json.get("sw2").asDouble() < 2 * json.get("sw2_floor").asDouble(), json.toString());
        assertEquals("vp", json.get("process").get("name").asText());
        assertEquals(20, json.get("process").get("beta_max").asDouble());

        args[args.length - 1] = dir.resolve("b.csv").toString();
        CliRun again = CliRun.of(args);
        assertEquals(json.get("sw2").asDouble(), again.json().get("sw2").asDouble(), 0.0);
        assertEquals(Files.readString(dir.resolve("a.csv")), Files.readString(dir.resolve("b.csv")));
        assertEquals(500, PointCsv.read(dir.resolve("a.csv")).size());
    }

    @Test
    void sampleWritesEveryTrajectoryWithItsDenoisedPath() throws IOException {
        Path traj = dir.resolve("paths.csv");
        CliRun r = CliRun.of("sample", "--oracle", "gaussian", "--solver", "euler", "--steps", "5", "--n", "4",
                "--seed", "1", "--trajectories", traj.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(traj);
        assertEquals("particle,step,t,x,y,denoised_x,denoised_y", lines.get(0));
        assertEquals(1 + 4 * (5 + 2), lines.size(), "4 particles x (6 grid times + the final point)");
        String[] first = lines.get(1).split(",");
        assertEquals("0", first[0]);
        assertEquals(1.0, Double.parseDouble(first[2]), 0.0);
        String[] last = lines.get(7).split(",");
        assertEquals(0.0, Double.parseDouble(last[2]), 0.0);
        assertEquals(last[3], last[5], "the final point is its own x̂0");
    }

    @Test
    void sampleUnderVeTakesTheWindowsSigmaMaxUnlessGiven() {
        JsonNode auto = CliRun.of("sample", "--oracle", "moons", "--process", "ve", "--steps", "4", "--n", "20")
                .json();
        // the window's VE starts from the same constants: the two must agree (the README says 5)
        org.scorefield.app.model.ProcessState window = new org.scorefield.app.model.ProcessState();
        window.kindProperty().set(org.scorefield.core.schedule.ScheduleKind.VE);
        assertEquals(window.value("sigma_max"), auto.get("process").get("sigma_max").asDouble());
        assertEquals(5, auto.get("process").get("sigma_max").asDouble());
        JsonNode given = CliRun.of("sample", "--oracle", "moons", "--process", "ve", "--param", "sigma_max=7",
                "--steps", "4", "--n", "20").json();
        assertEquals(7, given.get("process").get("sigma_max").asDouble());
    }

    @Test
    void solversGiveErrorVersusNfeRowsAgainstAnAccurateReference() {
        CliRun r = CliRun.of("solvers", "--oracle", "8gaussians", "--solvers", "euler,rk4", "--steps", "8,16,32",
                "--grid", "logsnr", "--n", "100", "--seed", "2", "--ref-steps", "256");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = r.json();
        JsonNode rows = json.get("rows");
        assertEquals(6, rows.size());
        assertEquals("euler", rows.get(0).get("solver").asText());
        assertEquals(8, rows.get(0).get("nfe").asInt());
        assertEquals(32, rows.get(3).get("nfe").asInt(), "rk4 at 8 steps");
        for (int i = 0; i < 2; i++) {
            assertTrue(rows.get(i + 1).get("error").asDouble() < rows.get(i).get("error").asDouble());
            assertTrue(rows.get(i + 4).get("error").asDouble() < rows.get(i + 3).get("error").asDouble());
        }
        assertTrue(json.get("reference_error").asDouble() < 1e-2 * rows.get(5).get("error").asDouble(),
                "the reference is 100x more accurate than the best solver: " + json);
    }

    @Test
    void badInputIsOneLineOnStderrAndExitCodeTwo() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x,y\n1,2\n3,oops\n");
        String[][] cases = {
            {"sample", "--oracle", "moonz"},
            {"sample", "--oracle", bad.toString()},
            {"sample", "--oracle", "8gaussians", "--bogus"},
            {"sample", "--oracle", "8gaussians", "--steps", "0"},
            {"sample", "--oracle", "8gaussians", "--process", "ve", "--param", "sigma_min=5", "--param",
                "sigma_max=1"},
            {"solvers", "--oracle", "8gaussians", "--solvers", "heun,nope"},
            {"data", "--data", "moons", "--n", "-3"},
            {"sample"},
            {"unknown-command"},
        };
        for (String[] args : cases) {
            CliRun r = CliRun.of(args);
            String what = String.join(" ", args);
            assertEquals(ScorefieldCli.BAD_INPUT, r.exitCode(), what);
            assertTrue(r.out().isEmpty(), what + " printed " + r.out());
            assertEquals(1, r.err().strip().lines().count(), what + ": " + r.err());
        }
        assertTrue(CliRun.of("sample", "--oracle", bad.toString()).err().contains("bad.csv line 3"));
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("something broke");
        }
    }

    @Test
    void anInternalFailureIsExitCodeOneWithoutAStackTrace() {
        StringWriter err = new StringWriter();
        CommandLine cli = ScorefieldCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err));
        cli.addSubcommand("boom", new Boom());
        cli.setErr(new PrintWriter(err, true)); // reaches the subcommand added after creation
        assertEquals(ScorefieldCli.INTERNAL_ERROR, cli.execute("boom"));
        assertTrue(err.toString().startsWith("scorefield boom: internal error: java.lang.IllegalStateException: "
                + "something broke"), err.toString());
        assertEquals(1, err.toString().strip().lines().count());
    }
}
