package org.scorefield.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.scorefield.Main;
import org.scorefield.StartupProbe;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.io.AtomicFiles;

/**
 * {@code scorefield bench --startup}: start-up as a user meets it, in fresh processes of this same
 * program started the way this one was (its JVM options, so a class-data archive this process uses
 * is used by them too). Each run launches the explorer window, which takes one training step and
 * closes ({@link StartupProbe}'s {@code step} mode), then a whole {@code train --data moons --steps
 * 2000}; the two alternate so that a change of the machine's load touches both alike. Times run from
 * the moment this process launched the child to the milestone the child prints, so they include the
 * JVM's own start.
 *
 * <p>Without a display (Linux with no {@code DISPLAY}) the window is built on Monocle's headless
 * platform, as {@code screenshot} builds it, and the report says so.
 */
final class StartupBench {

    /** Steps of the whole training process measured, the command line a user would type. */
    static final int TRAIN_STEPS = 2000;
    /** The window's collector setting (pom.xml's gc.options, the launcher's, jpackage's). */
    static final String WINDOW_GC = "-XX:MaxGCPauseMillis=20";
    /** A child that has not finished by then has hung: it is killed and the bench fails. */
    static final long CHILD_TIMEOUT_S = 300;

    /** JVM options of this process that a child must not inherit (debugging, logging, archive dumps). */
    private static final List<String> NOT_INHERITED = List.of("-agentlib:", "-agentpath:", "-javaagent:", "-Xlog",
            "-XX:ArchiveClassesAtExit", "-XX:DumpLoadedClassList", "-XX:StartFlightRecording", "-Xshare:dump",
            "-verbose", "-Xdebug", "-Xrunjdwp");

    private StartupBench() {
    }

    /** One child's milestones in seconds since it was launched, and its whole wall time. */
    record Run(Map<String, Double> milestones, double processSeconds) {
    }

    static void run(ObjectNode json, int runs) {
        List<String> launcher = launcher();
        boolean display = hasDisplay();
        Path scratch;
        try {
            scratch = Files.createTempDirectory("scorefield-startup-");
        } catch (IOException e) {
            throw new InvalidInputException("The start-up benchmark cannot make a temporary folder: " + e.getMessage());
        }
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        double[] window = new double[runs];
        double[] windowStep = new double[runs];
        double[] cliStep = new double[runs];
        double[] train = new double[runs];
        boolean archived;
        try {
            archived = classesFromArchive(launcher, scratch);
            for (int r = 0; r < runs; r++) {
                Run w = launch(window(launcher), display, scratch, "step", List.of());
                window[r] = w.milestones().getOrDefault("window", Double.NaN);
                windowStep[r] = w.milestones().getOrDefault("first_step", Double.NaN);
                Run t = launch(launcher, true, scratch, "print", List.of("train", "--data", "moons", "--steps",
                        "" + TRAIN_STEPS, "--seed", "1", "--out", scratch.resolve("model.json").toString()));
                cliStep[r] = t.milestones().getOrDefault("first_step", Double.NaN);
                train[r] = t.processSeconds();
            }
        } finally {
            AtomicFiles.deleteQuietly(scratch);
        }
        Json.put(json, "startup_window_s", BenchCommand.median(window));
        Json.put(json, "startup_window_first_step_s", BenchCommand.median(windowStep));
        Json.put(json, "startup_cli_first_step_s", BenchCommand.median(cliStep));
        Json.put(json, "train_process_s", BenchCommand.median(train));
        json.put("train_process_steps", TRAIN_STEPS);
        json.set("startup_window_runs", Json.array(window));
        json.set("train_process_runs", Json.array(train));
        json.put("startup_runs", runs);
        json.put("startup_window_platform", display ? "display" : "monocle (no display)");
        json.put("startup_class_data_archive", archived);
        ArrayNode load = json.putArray("startup_load_average");
        load.add(loadBefore);
        load.add(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * Whether a child started as the runs are loads this program's classes from a class-data archive:
     * one more start ({@code --version}, untimed) that logs where its classes came from. An archive on
     * the command line that the JVM refused (a stale one: the jar rebuilt since) says false here, as
     * the launcher's silenced log would not.
     */
    private static boolean classesFromArchive(List<String> launcher, Path scratch) {
        if (launcher.stream().noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"))) {
            return false;
        }
        Path log = scratch.resolve("class-load.txt");
        List<String> command = new ArrayList<>(launcher);
        command.add(1, "-Xlog:class+load=info:file=" + log);
        command.add("--version");
        Process p = null;
        try {
            p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(CHILD_TIMEOUT_S, TimeUnit.SECONDS) || !Files.isRegularFile(log)) {
                return false;
            }
            try (Stream<String> lines = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                return lines.anyMatch(l -> l.contains(" " + Main.class.getName() + " source: shared objects file"));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            ChildProcess.stop(p);
        }
    }

    /**
     * The command that starts this program again: this JVM with the options it was given (less those
     * of {@link #NOT_INHERITED}), then {@code -jar} and the jar, or the class path and {@link Main}
     * when it runs from a folder of classes.
     */
    static List<String> launcher() {
        return launcher(ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /** {@link #launcher()} for a JVM started with these options. */
    static List<String> launcher(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : jvmOptions) {
            if (NOT_INHERITED.stream().noneMatch(option::startsWith)) {
                command.add(option);
            }
        }
        Path code = codeSource();
        if (code != null && Files.isRegularFile(code) && code.toString().endsWith(".jar")) {
            command.add("-jar");
            command.add(code.toString());
        } else {
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(Main.class.getName());
        }
        return command;
    }

    /** The window's launcher: with the collector setting the window runs with (README), if this process had none. */
    static List<String> window(List<String> launcher) {
        if (launcher.stream().anyMatch(o -> o.startsWith("-XX:MaxGCPauseMillis"))) {
            return launcher;
        }
        List<String> command = new ArrayList<>(launcher);
        command.add(1, WINDOW_GC);
        return command;
    }

    private static Path codeSource() {
        try {
            var source = Main.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether a window can open on a screen: not Linux/BSD without an X or Wayland display. */
    static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }

    private static Run launch(List<String> launcher, boolean display, Path scratch, String probe, List<String> args) {
        List<String> command = new ArrayList<>(launcher);
        // the window's recent files and autosaves go to a scratch home: no crash prompt, nothing left behind
        command.add(1, "-Dscorefield.home=" + scratch.resolve("home"));
        if (!display) {
            command.addAll(1, List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-Dheadless.geometry=1440x900-32"));
        }
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put(StartupProbe.ENV, probe);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        File err = scratch.resolve("stderr.txt").toFile();
        pb.redirectError(err);
        long launched = System.currentTimeMillis();
        long started = System.nanoTime();
        Process p = null;
        // a child that hangs or fails is this program's own fault, not the user's input: internal errors
        try {
            p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(CHILD_TIMEOUT_S, TimeUnit.SECONDS)) {
                throw new IllegalStateException("A start-up run did not finish within " + CHILD_TIMEOUT_S + " s: "
                        + String.join(" ", args.isEmpty() ? List.of("(the window)") : args));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            String stderr = ChildProcess.text(err.toPath(), true);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("A start-up run failed (exit code " + p.exitValue() + "): "
                        + ChildProcess.lastLine(stderr));
            }
            return new Run(milestones(stderr, launched), seconds);
        } catch (IOException e) {
            throw new IllegalStateException("The start-up benchmark cannot start " + command.get(0) + ": "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The start-up benchmark was interrupted.");
        } finally {
            ChildProcess.stop(p);
        }
    }

    /** The milestones of a child's stderr, in seconds after {@code launchedEpochMs}; other lines are ignored. */
    static Map<String, Double> milestones(String stderr, long launchedEpochMs) {
        Map<String, Double> out = new HashMap<>();
        for (String line : stderr.split("\\R")) {
            int at = line.indexOf(StartupProbe.PREFIX);
            if (at < 0) {
                continue;
            }
            try {
                JsonNode mark = Json.MAPPER.readTree(line.substring(at + StartupProbe.PREFIX.length()));
                out.putIfAbsent(mark.get("event").asText(), (mark.get("epoch_ms").asLong() - launchedEpochMs) / 1e3);
            } catch (IOException | NullPointerException e) {
                // a torn line is not a milestone
            }
        }
        return out;
    }
}
