package org.scorefield.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorefield.core.flow.Reflow;
import org.scorefield.fuzz.Mutator;

/**
 * Property: whatever is done to a valid model, session (with a lesson or without) or CSV file, a command that reads it exits
 * with 0 (and prints one JSON object) or 2 (and prints one line on stderr, without an exception's
 * class name), in bounded time, and leaves the file as it was. Thousands of seeded mutations run
 * in-process; the counts by mutation class and by outcome go to
 * {@code target/mutation-report.txt}. A failure prints the seed and the command to replay it.
 */
class MutatedFilesTest {

    /** Mutations per kind of file: 3 × 800 = 2,400 runs. */
    private static final int PER_KIND = 800;
    /** No single run may take longer than this (the slowest valid case takes well under a second). */
    private static final long MAX_MILLIS_PER_RUN = 20_000;
    /** A successful run prints one JSON object of a few hundred bytes; more is a flood. */
    private static final int MAX_STDOUT_CHARS = 16_384;
    /** An exception's class name in a message: "NullPointerException", "java.nio…". */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(\\w+(Exception|Error)|java\\.\\w+\\.)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static byte[] model;
    private static byte[] session;
    private static byte[] fullSession;
    private static byte[] csv;
    private static byte[] lesson;
    private static byte[] lessonSession;
    private static final Map<String, Integer> COUNTS = new TreeMap<>();
    private static final Map<String, String> EXAMPLES = new TreeMap<>();
    private static long runs;

    @BeforeAll
    static void seeds() throws Exception {
        Path points = dir.resolve("ok.csv");
        assertEquals(0, CliRun.of("data", "--data", "gmm-labelled", "--n", "120", "--seed", "3", "--out",
                points.toString()).exitCode());
        csv = Files.readAllBytes(points);
        Path eps = dir.resolve("eps.json");
        assertEquals(0, CliRun.of("train", "--data", "ok.csv".equals(points.getFileName().toString()) ? points.toString()
                : "moons", "--head", "eps", "--steps", "3", "--width", "8", "--depth", "1", "--batch", "32", "--seed", "1",
                "--classifier-steps", "3", "--out", eps.toString()).exitCode()); // a "classifier" block to mutate too
        model = Files.readAllBytes(eps);
        Path fm = dir.resolve("fm.json");
        CliRun trained = CliRun.of("train", "--data", "moons", "--head", "fm", "--source", points.toString(), "--steps",
                "3", "--width", "8", "--depth", "1", "--batch", "32", "--seed", "2", "--out", fm.toString());
        assertEquals(0, trained.exitCode(), trained.err());
        session = Files.readAllBytes(Path.of("src/test/resources/org/scorefield/app/workspace/cb4a3a7-v2.scorefield"));

        // a session with everything: a flow model, two Reflow rounds, clicks, the model driving the sampler
        ObjectNode full = (ObjectNode) JSON.readTree(session);
        ObjectNode flowModel = (ObjectNode) JSON.readTree(fm.toFile());
        full.set("model", flowModel);
        ((ObjectNode) full.get("settings").get("sampling")).put("driver", "model");
        ObjectNode reflow = full.putObject("reflow");
        reflow.put("seed", 5);
        reflow.put("eval_points", 64);
        ArrayNode rounds = reflow.putArray("rounds");
        for (int r = 0; r < 2; r++) {
            ObjectNode round = rounds.addObject();
            round.put("round", r);
            round.put("straightness", 0.1);
            round.put("normalized_straightness", 0.05);
            round.put("transport_cost", 1.2);
            round.put("sw2_floor", 0.02);
            ArrayNode sw2 = round.putArray("sw2_by_nfe");
            for (int k = 0; k < Reflow.nfe().length; k++) {
                sw2.add(0.5 / (k + 1));
            }
            round.put("seconds", 3.0);
            round.set("model", flowModel.deepCopy());
        }
        full.putArray("clicks").add(0.5).add(-0.25).add(1.0).add(1.0);
        fullSession = JSON.writeValueAsBytes(full);
        Path check = dir.resolve("full.scorefield");
        Files.write(check, fullSession);
        CliRun valid = CliRun.of("sample", "--session", check.toString(), "--n", "8", "--steps", "2");
        assertEquals(0, valid.exitCode(), valid.err());

        // the default lesson, and a session that keeps it open at scene 3 (as the window saves one)
        lesson = org.scorefield.core.session.LessonFile.text(org.scorefield.app.headless.Lessons.defaultLesson())
                .getBytes(StandardCharsets.UTF_8);
        ObjectNode withLesson = (ObjectNode) JSON.readTree(session);
        ObjectNode open = withLesson.putObject("lesson");
        open.put("scene", 3);
        open.set("deck", JSON.readTree(lesson));
        lessonSession = JSON.writeValueAsBytes(withLesson);
        Path lessonCheck = dir.resolve("lesson.scorefield");
        Files.write(lessonCheck, lessonSession);
        CliRun validLesson = CliRun.of("sample", "--session", lessonCheck.toString(), "--n", "8", "--steps", "2");
        assertEquals(0, validLesson.exitCode(), validLesson.err());

    }

    /**
     * What a path inside a mutated file may name, beside it: a good CSV, a pipe and a folder that
     * look like CSVs. Returns how many entries the folder holds.
     */
    private static int specials(Path work) throws IOException, InterruptedException {
        Files.write(work.resolve("ok.csv"), csv);
        Files.createDirectories(work.resolve("folder.csv"));
        Process mkfifo = new ProcessBuilder("mkfifo", work.resolve("pipe.csv").toString()).start();
        return mkfifo.waitFor() == 0 ? 3 : 2;
    }

    /** A model whose data is a pipe, a folder, a device or a system file is sampled without it, saying why. */
    @Test
    void aModelsDataThatIsNoFileIsNotOpened() throws Exception {
        Path work = Files.createDirectories(dir.resolve("named"));
        specials(work);
        String[][] cases = {{"pipe.csv", "it is not a regular file"}, {"folder.csv", "it is a folder"},
            {"/dev/zero", "which is not a .csv file"}, {"../../../../../../etc/passwd", "which is not a .csv file"},
            {"ok.csv", null}};
        for (String[] c : cases) {
            ObjectNode m = (ObjectNode) JSON.readTree(model);
            m.put("data", c[0]);
            Path file = work.resolve("m.json");
            Files.write(file, JSON.writeValueAsBytes(m));
            CliRun run = CliRun.of("sample", "--model", file.toString(), "--n", "8", "--steps", "2");
            assertEquals(0, run.exitCode(), run.err());
            String reference = run.json().get("reference").asText();
            if (c[1] == null) {
                assertEquals("ok.csv (120 points, resampled)", reference);
            } else {
                assertTrue(reference.startsWith("none: the training data '" + c[0] + "' cannot be used")
                        && reference.contains(c[1]), c[0] + ": " + reference);
            }
        }
    }

    @AfterAll
    static void report() throws IOException {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%d mutated files, by mutation class and "
                + "outcome (a file may carry several mutations):%n", runs));
        COUNTS.forEach((k, v) -> text.append(String.format(Locale.ROOT, "%-44s %6d%n", k, v)));
        text.append(String.format(Locale.ROOT, "%nOne message of each class:%n"));
        EXAMPLES.forEach((k, v) -> text.append(String.format(Locale.ROOT, "%-32s %s%n", k, v)));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "mutation-report.txt"), text);
    }

    @Test
    void mutatedModelsAreSampledOrRefusedInOneLine() throws IOException, InterruptedException {
        mutate("model", "json", PER_KIND / 2, 101, model, false, f -> new String[] {"sample", "--model", f, "--n", "8",
            "--steps", "2", "--seed", "1"});
        mutate("model", "json", PER_KIND / 2, 102, model, false, f -> new String[] {"solvers", "--model", f, "--n",
            "8", "--steps", "2"});
    }

    @Test
    void mutatedSessionsAreSampledOrRefusedInOneLine() throws IOException, InterruptedException {
        mutate("session", "scorefield", PER_KIND / 2, 201, session, false,
                f -> new String[] {"sample", "--session", f, "--n", "8", "--steps", "2"});
        mutate("session", "scorefield", PER_KIND / 2, 202, fullSession, false,
                f -> new String[] {"sample", "--session", f, "--n", "8", "--steps", "2"});
    }

    /** A session that keeps a lesson open: the lesson block is read by the lesson file's rules. */
    @Test
    void mutatedSessionsWithALessonAreSampledOrRefusedInOneLine() throws IOException, InterruptedException {
        mutate("session+lesson", "scorefield", PER_KIND / 4, 203, lessonSession, false,
                f -> new String[] {"sample", "--session", f, "--n", "8", "--steps", "2"});
    }

    /**
     * Lesson files, read as --lesson reads them and then checked scene by scene as the window opens
     * them (each scene's settings against the settings table): a lesson, or one sentence.
     */
    @Test
    void mutatedLessonsAreOpenedOrRefusedInOneLine() throws IOException {
        Path work = Files.createDirectories(dir.resolve("lesson-401"));
        Mutator mutator = new Mutator(401);
        int count = PER_KIND / 2;
        for (int i = 0; i < count; i++) {
            Mutator.Mutant m = mutator.json(lesson);
            Path file = work.resolve("m" + i + ".json");
            Files.write(file, m.bytes());
            String context = "mutation " + i + " of seed 401 (" + m.kinds() + "): scorefield screenshot --scene 1 "
                    + "--lesson " + file;
            long started = System.nanoTime();
            String refused = null;
            try {
                org.scorefield.core.session.Lesson read = LessonOption.read(file.toString());
                var model = new org.scorefield.app.model.ExplorerModel(new org.scorefield.app.jobs.ManualJobs().jobs);
                new org.scorefield.app.workspace.LessonState(model).open(read);
            } catch (org.scorefield.core.InvalidInputException e) {
                refused = e.getMessage();
            } catch (Throwable t) {
                throw new AssertionError(context + " threw " + t, t);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < MAX_MILLIS_PER_RUN, context + "\ntook " + millis + " ms");
            if (refused != null) {
                assertEquals(1, refused.strip().lines().count(), context + "\nnot one line: " + refused);
                assertTrue(refused.length() < 600, context + "\nthe message floods: " + refused.length());
                assertTrue(!CLASS_NAME.matcher(refused).find(), context + "\nan exception's name: " + refused);
            }
            assertArrayEquals(m.bytes(), Files.readAllBytes(file), context + "\nthe file was changed");
            Files.delete(file);
            synchronized (MutatedFilesTest.class) {
                runs++;
                String outcome = refused == null ? "read" : "refused: " + reason(refused);
                COUNTS.merge("lesson " + outcome, 1, Integer::sum);
                EXAMPLES.putIfAbsent("lesson " + outcome, refused == null ? "" : refused.strip());
                for (Mutator.Kind kind : m.kinds()) {
                    COUNTS.merge("lesson " + kind.name().toLowerCase(Locale.ROOT) + (refused == null ? " read"
                            : " refused"), 1, Integer::sum);
                }
            }
        }
    }

    @Test
    void mutatedCsvFilesAreReadOrRefusedInOneLine() throws IOException, InterruptedException {
        mutate("csv", "csv", PER_KIND / 2, 301, csv, true, f -> new String[] {"sample", "--oracle", f, "--n", "8",
            "--steps", "2"});
        mutate("csv", "csv", PER_KIND / 4, 302, csv, true, f -> new String[] {"data", "--data", f, "--n", "8"});
        mutate("csv", "csv", PER_KIND / 4, 303, csv, true, f -> new String[] {"train", "--data", f, "--steps", "2",
            "--width", "8", "--depth", "1", "--batch", "16", "--seed", "1", "--out", f + ".model.json"});
    }

    private interface Command {
        String[] args(String file);
    }

    private static void mutate(String what, String extension, int count, long seed, byte[] valid, boolean isCsv,
            Command command) throws IOException, InterruptedException {
        Path work = Files.createDirectories(dir.resolve(what + "-" + seed));
        int fixtures = specials(work);
        Mutator mutator = new Mutator(seed, "pipe.csv", "folder.csv", "../pipe.csv", work.resolve("pipe.csv").toString());
        PrintStream systemErr = System.err;
        PrintStream systemOut = System.out;
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(stray, true, StandardCharsets.UTF_8));
            for (int i = 0; i < count; i++) {
                Mutator.Mutant m = isCsv ? mutator.csv(valid) : mutator.json(valid);
                Path file = work.resolve("m" + i + "." + extension);
                Files.write(file, m.bytes());
                String[] args = command.args(file.toString());
                long started = System.nanoTime();
                CliRun run;
                try {
                    run = CliRun.of(args);
                } catch (Throwable t) {
                    throw new AssertionError(replay(seed, i, m, args) + " threw " + t, t);
                }
                long millis = (System.nanoTime() - started) / 1_000_000;
                String context = replay(seed, i, m, args) + "\nstdout: " + shorten(run.out()) + "\nstderr: "
                        + shorten(run.err());
                check(run, millis, context);
                assertEquals(0, stray.size(), context + "\nsomething wrote to System.out or System.err directly: "
                        + shorten(stray.toString(StandardCharsets.UTF_8)));
                assertArrayEquals(m.bytes(), Files.readAllBytes(file), context + "\nthe file was changed");
                Files.deleteIfExists(Path.of(file + ".model.json")); // what train writes when the CSV is good
                try (Stream<Path> files = Files.list(work)) {
                    assertEquals(fixtures + 1, files.count(), context + "\na file was left beside it");
                }
                Files.delete(file);
                count(what, m.kinds(), run);
            }
        } finally {
            System.setErr(systemErr);
            System.setOut(systemOut);
        }
    }

    private static void check(CliRun run, long millis, String context) {
        assertTrue(millis < MAX_MILLIS_PER_RUN, context + "\ntook " + millis + " ms");
        if (run.exitCode() == 0) {
            assertEquals("", run.err(), context);
            assertTrue(run.out().length() < MAX_STDOUT_CHARS, context + "\nstdout floods: " + run.out().length());
            run.json();
        } else if (run.exitCode() == ScorefieldCli.BAD_INPUT) {
            assertEquals("", run.out(), context);
            String err = run.err().strip();
            assertEquals(1, err.lines().count(), context + "\nnot one line");
            assertTrue(err.length() < 600, context + "\nthe message floods: " + err.length() + " characters");
            assertTrue(!CLASS_NAME.matcher(err).find(), context + "\nan exception's name reaches the user");
        } else {
            fail(context + "\nexit code " + run.exitCode());
        }
    }

    private static synchronized void count(String what, List<Mutator.Kind> kinds, CliRun run) {
        runs++;
        String outcome = run.exitCode() == 0 ? "read" : "refused: " + reason(run.err());
        COUNTS.merge(what + " " + outcome, 1, Integer::sum);
        EXAMPLES.putIfAbsent(what + " " + outcome, run.exitCode() == 0 ? "" : run.err().strip());
        for (Mutator.Kind kind : kinds) {
            COUNTS.merge(what + " " + kind.name().toLowerCase(Locale.ROOT) + (run.exitCode() == 0 ? " read" : " refused"),
                    1, Integer::sum);
        }
    }

    /** A coarse class of a refusal, for the report. */
    private static String reason(String err) {
        String[][] classes = {{"truncated", "truncated"}, {"not valid JSON", "not JSON"}, {"is missing", "missing field"},
            {"does not know", "unknown value"}, {"not one of", "unknown value"}, {"must be", "wrong type"},
            {"must lie", "out of range"}, {"cannot be negative", "out of range"}, {"may have", "too large"},
            {"characters long", "too long"}, {"CRC", "corrupt weights"}, {"base64", "corrupt weights"},
            {"weights", "weights"}, {"overflow", "overflow"}, {"coordinate", "coordinate"}, {"newer", "newer version"},
            {"not a Scorefield", "other format"}, {"line ", "bad CSV row"}, {"regular file", "not a file"},
            {"folder", "not a file"}, {"empty", "empty"}, {"UTF-8", "not UTF-8"}};
        for (String[] c : classes) {
            if (err.contains(c[0])) {
                return c[1];
            }
        }
        return "other";
    }

    private static String replay(long seed, int index, Mutator.Mutant m, String[] args) {
        return "mutation " + index + " of seed " + seed + " (" + m.kinds() + "): scorefield " + String.join(" ", args);
    }

    private static String shorten(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "… (" + s.length() + " characters)";
    }
}
