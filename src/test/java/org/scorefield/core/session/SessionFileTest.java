package org.scorefield.core.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.nn.TrainedModel;

class SessionFileTest {

    @TempDir
    Path dir;

    @Test
    void aSessionReadsBackExactlyWithItsPointsModelAndTypedSettings() {
        TrainedModel model = Sessions.model(32, 2, 5);
        Session session = Sessions.session(300, model, 7);
        Path file = dir.resolve("lecture" + SessionFile.EXTENSION);
        SessionFile.save(session, file);
        Session back = SessionFile.load(file);

        assertArrayEquals(session.data().points().xy(), back.data().points().xy(), 0.0);
        assertArrayEquals(session.data().points().labels(), back.data().points().labels());
        assertEquals(session.data().name(), back.data().name());
        assertEquals(Optional.empty(), back.data().preset());
        assertEquals(1000, back.data().count());
        assertEquals(11, back.data().seed());
        assertEquals(session.process(), back.process());
        assertEquals(40.0, back.process().parameters().get("sigma_max"));
        assertArrayEquals(model.weights(), back.model().orElseThrow().weights(), 0f);
        assertEquals(model.architecture(), back.model().get().architecture());
        assertEquals(1234, back.model().get().steps());
        assertEquals(session.settings(), back.settings());
        assertEquals(Optional.of(48L), back.settings().whole("sampling.steps"));
        assertEquals(Optional.of(1.0), back.settings().number("view.time"), "a whole-valued number stays a number");
        assertEquals(Optional.of(true), back.settings().bool("view.split"));
        assertEquals(Optional.empty(), back.settings().text("view.nothing"));
        // saving what was read gives the same bytes
        Path again = dir.resolve("again.scorefield");
        SessionFile.save(back, again);
        assertEquals(SessionFile.toJson(session), SessionFile.toJson(back));
    }

    @Test
    void aPresetSessionWithoutAModelHasNullsAndLabels() {
        var points = DatasetPreset.EIGHT_GAUSSIANS.sample(200, 9);
        Session s = new Session(new Session.Data("8 Gaussians", Optional.of(DatasetPreset.EIGHT_GAUSSIANS), 200, 9,
                points), org.scorefield.core.schedule.ScheduleKind.VP.createDefault(), Optional.empty(),
                Session.Settings.builder().build());
        Session back = SessionFile.fromJson(SessionFile.toJson(s).getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.of(DatasetPreset.EIGHT_GAUSSIANS), back.data().preset());
        assertTrue(back.model().isEmpty());
        assertArrayEquals(points.labels(), back.data().points().labels());
    }

    /** Drawn source points are kept (version 2); a session without them stays version 1, which every build reads. */
    @Test
    void drawnSourcePointsComeBackAndOnlyThenIsTheFileVersionTwo() {
        Session plain = Sessions.session(40, null, 1);
        assertTrue(SessionFile.toJson(plain).contains("\"version\" : 1"));
        var drawn = new org.scorefield.core.data.EmpiricalDistribution("drawn (3 points)",
                org.scorefield.core.data.PointSet.of(new double[] {0.5, -1, 2, 0.25, -0.75, 1.5}));
        Session withSource = new Session(plain.data(), plain.process(), plain.model(), plain.settings(),
                Optional.of(drawn), Optional.empty());
        String text = SessionFile.toJson(withSource);
        assertTrue(text.contains("\"version\" : 2"));
        Session back = SessionFile.fromJson(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.of(drawn), back.source());
        assertTrue(SessionFile.fromJson(SessionFile.toJson(plain).getBytes(StandardCharsets.UTF_8)).source().isEmpty());
        String odd = text.replace("\"points\" : [ 0.5, -1.0, 2.0, 0.25, -0.75, 1.5 ]", "\"points\" : [ 0.5 ]");
        assertTrue(!odd.equals(text), "the test edits the source's points");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SessionFile.fromJson(odd.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("\"source.points\""), e.getMessage());
    }

    /** Clicks are an optional key that older builds skip: a session with only clicks stays version 1. */
    @Test
    void clicksComeBackAndKeepTheFileAtVersionOne() {
        Session plain = Sessions.session(40, null, 1);
        var clicks = org.scorefield.core.data.PointSet.of(new double[] {1.5, -0.5, -2, 2.25});
        Session s = new Session(plain.data(), plain.process(), plain.model(), plain.settings(), Optional.empty(),
                Optional.empty(), clicks);
        String text = SessionFile.toJson(s);
        assertTrue(text.contains("\"version\" : 1"));
        assertEquals(clicks, SessionFile.fromJson(text.getBytes(StandardCharsets.UTF_8)).clicks());
    }

    /** Reflow rounds keep their models and figures; a round whose model is not a flow is refused. */
    @Test
    void reflowRoundsComeBackWithTheirModelsAndFigures() {
        Session plain = Sessions.session(40, null, 1);
        var metrics = java.util.List.of(
                new org.scorefield.core.flow.Reflow.Metrics(0, 0.8, 1.9, 0.43, 0.045, new double[] {0.9, 0.45, 0.24, 0.13, 0.08}, 0),
                new org.scorefield.core.flow.Reflow.Metrics(1, 2e-4, 4.5e-4, 0.434, 0.045,
                        new double[] {0.0475, 0.0474, 0.0474, 0.0474, 0.0475}, 20.1));
        var models = java.util.List.of(Sessions.flow(16, 1, 3, 0), Sessions.flow(16, 1, 4, 1));
        Session s = new Session(plain.data(), plain.process(), plain.model(), plain.settings(), Optional.empty(),
                Optional.of(new Session.Rounds(77, 500, models, metrics)));
        String text = SessionFile.toJson(s);
        assertTrue(text.contains("\"version\" : 2"));
        Session back = SessionFile.fromJson(text.getBytes(StandardCharsets.UTF_8));
        Session.Rounds r = back.rounds().orElseThrow();
        assertEquals(77, r.seed());
        assertEquals(500, r.evalPoints());
        for (int k = 0; k < 2; k++) {
            assertArrayEquals(models.get(k).weights(), r.models().get(k).weights(), 0f);
            assertEquals(k, r.models().get(k).flow().round());
            var m = r.metrics().get(k);
            assertEquals(metrics.get(k).round(), m.round());
            assertEquals(metrics.get(k).normalizedStraightness(), m.normalizedStraightness(), 0);
            assertEquals(metrics.get(k).seconds(), m.seconds(), 0);
            assertArrayEquals(metrics.get(k).sw2ByNfe(), m.sw2ByNfe(), 0);
        }
        assertEquals(text, SessionFile.toJson(back), "it writes back the same text");
        Session diffusion = new Session(plain.data(), plain.process(), plain.model(), plain.settings(), Optional.empty(),
                Optional.of(new Session.Rounds(77, 500, java.util.List.of(Sessions.model(16, 1, 3)), metrics.subList(0, 1))));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SessionFile.fromJson(SessionFile.toJson(diffusion).getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("Reflow round 0's model: it is not a flow-matching model"), e.getMessage());
    }

    /** Figures the charts divide by or draw on log axes, and round numbers that would wrap, are refused. */
    @Test
    void reflowFiguresAndRoundNumbersMustBeSane() {
        Session plain = Sessions.session(40, null, 1);
        java.util.function.BiFunction<Integer, Double, String> fails = (round, floor) -> {
            var metrics = java.util.List.of(new org.scorefield.core.flow.Reflow.Metrics(round, 0.8, 1.9, 0.43, floor,
                    new double[] {0.9, 0.45, 0.24, 0.13, 0.08}, 0));
            Session s = new Session(plain.data(), plain.process(), plain.model(), plain.settings(), Optional.empty(),
                    Optional.of(new Session.Rounds(7, 500, java.util.List.of(Sessions.flow(16, 1, 3, 0)), metrics)));
            return assertThrows(InvalidInputException.class,
                    () -> SessionFile.fromJson(SessionFile.toJson(s).getBytes(StandardCharsets.UTF_8))).getMessage();
        };
        assertEquals("\"reflow.rounds[0].sw2_floor\" must lie between 1e-12 and 1e+12, found 0", fails.apply(0, 0.0));
        assertEquals("\"reflow.rounds[0].round\" must lie between 0 and 1000, found 2147483647",
                fails.apply(Integer.MAX_VALUE, 0.045));
    }

    @Test
    void aNewerVersionIsRefusedWithAClearSentence() throws IOException {
        Path file = dir.resolve("new.scorefield");
        String text = SessionFile.toJson(Sessions.session(50, null, 1)).replace("\"version\" : 1", "\"version\" : 7");
        Files.writeString(file, text);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SessionFile.load(file));
        assertEquals("Cannot open new.scorefield: it was saved by a newer Scorefield (session format version 7); "
                + "this one reads version 2. Update Scorefield to open it.", e.getMessage());
    }

    @Test
    void damagedFilesAreRefusedNamingWhatIsWrong() throws IOException {
        String good = SessionFile.toJson(Sessions.session(50, Sessions.model(16, 1, 2), 1));
        assertRefused(good.substring(0, good.length() / 2), "the JSON ends early");
        assertRefused("", "the file is empty");
        assertRefused("{\"format\": \"scorefield-model\", \"version\": 1}", "it is a model file");
        assertRefused(good.replace("\"kind\" : \"ve\"", "\"kind\" : \"xx\""), "process");
        assertRefused(good.replace("\"steps\" : 48", "\"steps\" : [48]"), "\"settings.sampling.steps\" must be");
        assertRefused(good.replace("\"count\" : 1000", "\"count\" : -1"), "\"data.count\" cannot be negative");
        int crc = good.indexOf("\"crc32\" : ") + 10;
        assertRefused(good.substring(0, crc) + "1" + good.substring(crc), "its model: the weights are corrupt");
        int points = good.indexOf("\"points\" : [") + 12;
        assertRefused(good.substring(0, points) + "\"x\", " + good.substring(points), "\"data.points\" holds \"x\"");
    }

    private void assertRefused(String text, String expected) throws IOException {
        Path file = dir.resolve("bad.scorefield");
        Files.writeString(file, text);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SessionFile.load(file));
        assertTrue(e.getMessage().startsWith("Cannot open bad.scorefield: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aFailedSaveKeepsThePreviousFile() throws IOException {
        Path file = dir.resolve("kept.scorefield");
        SessionFile.save(Sessions.session(50, null, 1), file);
        byte[] before = Files.readAllBytes(file);
        float[] w = Sessions.model(16, 1, 3).weights();
        w[5] = Float.NaN;
        TrainedModel nan = new TrainedModel(Sessions.model(16, 1, 3).architecture(),
                Sessions.model(16, 1, 3).parameterization(), w, Sessions.model(16, 1, 3).settings(), "x", 1, 1);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SessionFile.save(Sessions.session(50, nan, 2), file));
        assertTrue(e.getMessage().startsWith("Cannot write kept.scorefield: the model: weight 5 is NaN"),
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(1, Files.list(dir).count(), "no temporary file is left");
    }

    @Test
    void anOpenLessonComesBackAtItsSceneAndKeepsTheFileAtVersionOne() throws IOException {
        Lesson deck = new Lesson("Edited", java.util.List.of(
                new Lesson.Scene("One", "First.", java.util.List.of("x_t = {{t}}"),
                        Session.Settings.builder().put("view.time", 0.25).put("data.points", 500L).build()),
                new Lesson.Scene("Two", "", java.util.List.of(), Session.Settings.builder().put("view.split", true)
                        .build())));
        Session session = Sessions.session(50, null, 1).withLesson(Optional.of(new Session.OpenLesson(deck, 1)));
        Path file = dir.resolve("lesson" + SessionFile.EXTENSION);
        SessionFile.save(session, file);
        Session back = SessionFile.load(file);
        assertEquals(deck, back.lesson().orElseThrow().lesson());
        assertEquals(1, back.lesson().get().scene());
        assertEquals(session, back.withLesson(back.lesson()), "the rest comes back too");
        String text = Files.readString(file);
        assertTrue(text.contains("\"version\" : 1"), "older builds skip the lesson and open the rest");
        assertTrue(text.contains("\"scene\" : 2"), "the scene counts from 1, as on screen");
        // without a lesson there is no block, and a file without one opens without a lesson
        Session none = Sessions.session(50, null, 1);
        assertFalse(SessionFile.toJson(none).contains("\"lesson\""));
        assertEquals(Optional.empty(), SessionFile.fromJson(SessionFile.toJson(none).getBytes(StandardCharsets.UTF_8))
                .lesson());
    }

    @Test
    void aBadLessonInASessionRefusesTheSessionInOneSentence() {
        Lesson deck = new Lesson("Edited", java.util.List.of(new Lesson.Scene("One", "", java.util.List.of("a"),
                Session.Settings.builder().put("view.time", 0.25).build())));
        String good = SessionFile.toJson(Sessions.session(50, null, 1)
                .withLesson(Optional.of(new Session.OpenLesson(deck, 0))));
        String[][] cases = {
            {good.replace("\"scene\" : 1", "\"scene\" : 2"), "its lesson: the lesson's scene is 2, but"},
            {good.replace("\"scene\" : 1", "\"scene\" : \"one\""), "its lesson: \"lesson.scene\" must be"},
            {good.replace("\"name\" : \"One\"", "\"name\" : 3"), "its lesson: \"lesson.deck.scenes[0].name\" must be a string"},
            {good.replace("\"a\"", "\"\\\\def\\\\x{1}\""), "its lesson: \"lesson.deck.scenes[0].equations[0]\" uses \\def"},
            {good.replace("\"scorefield-lesson\"", "\"scorefield-model\""), "its lesson: this is not a Scorefield lesson"},
            {good.replace("\"time\" : 0.25", "\"time\" : {}"), "its lesson: \"lesson.deck.scenes[0].settings.view.time\" must be"},
            {good.replace("\"time\" : 0.25", "\"Time\" : 0.25"),
                "its lesson: \"lesson.deck.scenes[0].settings.view.Time\" is not a setting name"},
        };
        for (String[] c : cases) {
            assertTrue(!c[0].equals(good), c[1]);
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> SessionFile.fromJson(c[0].getBytes(StandardCharsets.UTF_8)));
            assertTrue(e.getMessage().startsWith(c[1]), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
    }
}
