package org.scorefield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged {@code target/scorefield.jar}, run as a user runs it: {@code java -jar} with its
 * dependencies found through the manifest in {@code target/lib/}.
 */
class PackagedJarIT {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("scorefield.jar", "target/scorefield.jar"));
        assertTrue(Files.isRegularFile(jar), "package the jar first: " + jar.toAbsolutePath());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("OMP_NUM_THREADS");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished in time");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void sampleWithTheNativeOraclePrintsExactlyOneJsonObject() throws Exception {
        Run r = run("sample", "--oracle", "moons", "--process", "vp", "--solver", "heun", "--steps", "8", "--n", "200",
                "--seed", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err(), "nothing on stderr when all is well");
        assertEquals(1, r.out().strip().lines().count(), r.out());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(17, json.get("nfe").asInt());
        assertEquals("empirical:moons", json.get("oracle").asText());
        assertTrue(json.get("sw2").asDouble() > 0);
    }

    @Test
    void versionAndHelpWork() throws Exception {
        Run version = run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("scorefield "), version.out());
        assertEquals(0, run("solvers", "--help").exitCode());
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws Exception {
        Run r = run("sample", "--oracle", "8gaussians", "--solver", "nope");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertEquals("scorefield sample: Unknown solver 'nope'; choose one of euler, heun, rk4, ddim, ddim-eta, dpm2m, "
                + "sde, edm-churn, langevin, pc.", r.err().strip());
    }

    /** JavaFX warns about the class path on every start; a failed render must still be one line. */
    @Test
    void aFailedRenderOrScreenshotPrintsOneLineWithoutJavaFxChatter() throws Exception {
        Run render = run("render", "--oracle", "moons", "--fps", "60", "--format", "gif", "--out",
                "target/never-written.gif");
        assertEquals(2, render.exitCode(), render.err());
        assertEquals(1, render.err().strip().lines().count(), render.err());
        assertTrue(render.err().startsWith("scorefield render: A GIF plays at most 50 frames per second"), render.err());
        Run screenshot = run("screenshot", "--view", "main", "--steps", "0", "--out", "/");
        assertEquals(2, screenshot.exitCode(), screenshot.err());
        assertEquals(1, screenshot.err().strip().lines().count(), screenshot.err());
    }
}
