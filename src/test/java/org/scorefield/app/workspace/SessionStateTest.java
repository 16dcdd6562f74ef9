package org.scorefield.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorefield.app.jobs.Lane;
import org.scorefield.app.jobs.ManualJobs;
import org.scorefield.app.model.ExplorerModel;

/**
 * Saving, opening, autosave and the recent list, with the files' lane run by the test: no window,
 * no toolkit, and nothing read or written until the lane runs.
 */
class SessionStateTest {

    @TempDir
    Path dir;

    private final ManualJobs manual = new ManualJobs();
    private final ExplorerModel model = new ExplorerModel(manual.jobs);

    private SessionState state() {
        SessionState s = new SessionState(model, dir.resolve("home"));
        manual.runAll(); // the recent list, read at start
        return s;
    }

    @Test
    void anOddRecentListKeepsOnlyAbsolutePathsOfFiles() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path good = dir.resolve("a.scorefield").toAbsolutePath();
        Files.writeString(home.resolve("recent.txt"), "/\nrelative.scorefield\n" + "x".repeat(5000) + "\n" + good + "\n");
        assertEquals(List.of(good), state().recent());
        Files.writeString(home.resolve("recent.txt"), (good + "\n").repeat(10_000)); // over 64 KB: dropped whole
        assertEquals(List.of(), state().recent());
    }

    @Test
    void aSaveWritesOnTheFilesLaneAndASessionComesBack() throws Exception {
        SessionState sessions = state();
        Path file = dir.resolve("lesson.scorefield");
        model.sampling().stepsProperty().set(123);
        sessions.save(file);
        assertTrue(sessions.busyProperty().get());
        assertFalse(Files.exists(file), "nothing is written before the files' lane runs");
        manual.runAll();
        assertTrue(Files.isRegularFile(file));
        assertEquals("Saved lesson.scorefield.", sessions.statusProperty().get());
        assertEquals(file, sessions.fileProperty().get());
        assertEquals(List.of(file.toAbsolutePath().normalize()), sessions.recent());
        assertEquals(file.toAbsolutePath().normalize().toString() + "\n",
                Files.readString(dir.resolve("home/recent.txt")), "the recent list is kept on disk");

        model.sampling().stepsProperty().set(40);
        sessions.open(file);
        assertEquals(40, model.sampling().stepsProperty().get(), "the work changes only when the file was read");
        manual.runAll();
        assertEquals(123, model.sampling().stepsProperty().get());
        assertEquals("Opened lesson.scorefield.", model.messageProperty().get());
        assertFalse(sessions.busyProperty().get());
    }

    /**
     * A name the chooser did not ask about ("talk" chosen, "talk.scorefield" written) never replaces
     * an existing file: the chooser's question was about another one.
     */
    @Test
    void aSaveUnderANameTheChooserDidNotNameReplacesNothing() throws Exception {
        SessionState sessions = state();
        Path file = dir.resolve("talk.scorefield");
        Files.writeString(file, "someone else's file");
        sessions.save(file, false);
        manual.runAll();
        assertEquals("someone else's file", Files.readString(file));
        assertEquals("Not saved: talk.scorefield already exists; choose it by that name to replace it.",
                sessions.statusProperty().get());
        assertFalse(sessions.busyProperty().get());
        Path fresh = dir.resolve("new.scorefield");
        sessions.save(fresh, false);
        manual.runAll();
        assertTrue(Files.isRegularFile(fresh), "a new name is written");
        sessions.save(file, true); // chosen by that name: the chooser asked
        manual.runAll();
        assertEquals("Saved talk.scorefield.", sessions.statusProperty().get());
    }

    @Test
    void aCancelAfterTheFileWasWrittenReportsTheSave() {
        SessionState sessions = state();
        Path file = dir.resolve("late.scorefield");
        sessions.save(file);
        manual.runLane(Lane.FILES); // written; the window has not heard yet
        manual.jobs.current("session-save-1").cancel(); // the status bar's Cancel, pressed in that moment
        manual.runAll();
        assertTrue(Files.isRegularFile(file));
        assertEquals("Saved late.scorefield.", sessions.statusProperty().get());
        assertEquals(file, sessions.fileProperty().get());
    }

    @Test
    void aSecondOpenReplacesOneNotYetReadAndOnlyTheLastFileIsApplied() {
        SessionState sessions = state();
        Path first = dir.resolve("first.scorefield");
        Path second = dir.resolve("second.scorefield");
        model.sampling().stepsProperty().set(100);
        sessions.save(first);
        model.sampling().stepsProperty().set(200);
        sessions.save(second);
        manual.runAll();
        model.sampling().stepsProperty().set(300);

        sessions.open(first);
        manual.runLane(Lane.FILES); // the first file is read, its result not yet handed back
        sessions.open(second);
        manual.runAll();
        assertEquals(200, model.sampling().stepsProperty().get(), "the late result of the first open is dropped");
        assertEquals(second, sessions.fileProperty().get());
    }

    @Test
    void anOpenedSessionStartsUndoAfreshAndADamagedOneKeepsItsPast() throws Exception {
        SessionState sessions = state();
        Path file = dir.resolve("lesson.scorefield");
        model.data().clear();
        sessions.save(file);
        manual.runAll();
        model.data().reloadPreset();
        assertEquals(2, model.undo().undoSize());

        sessions.open(Files.writeString(dir.resolve("bad.scorefield"), "PK not really a session"));
        manual.runAll();
        assertEquals(2, model.undo().undoSize(), "a refused file changes nothing, its past neither");

        sessions.open(file);
        manual.runAll();
        assertEquals(0, model.data().data().points().size(), "the session's data: no points");
        assertEquals(0, model.undo().undoSize(), "the steps before are not the opened work's past");
        assertFalse(model.undo().undo());
        assertEquals(0, model.data().data().points().size());
    }

    @Test
    void aDamagedFileIsOneSentenceAndChangesNothing() throws Exception {
        SessionState sessions = state();
        Path bad = Files.writeString(dir.resolve("bad.scorefield"), "PK not really a session");
        model.sampling().stepsProperty().set(77);
        sessions.open(bad);
        manual.runAll();
        String said = sessions.statusProperty().get();
        assertTrue(said.contains("bad.scorefield"), said);
        assertFalse(said.contains("\n") || said.contains("Exception"), said);
        assertEquals(77, model.sampling().stepsProperty().get());
        assertNull(sessions.fileProperty().get());
        assertFalse(sessions.busyProperty().get());
        assertTrue(sessions.recent().isEmpty());
    }

    @Test
    void aSaveThatCannotBeWrittenSaysSoAndLeavesNoFile() throws Exception {
        SessionState sessions = state();
        Path notAFolder = Files.writeString(dir.resolve("plain.txt"), "x");
        Path target = notAFolder.resolve("lesson.scorefield");
        sessions.save(target);
        manual.runAll();
        assertFalse(Files.exists(target));
        assertNull(sessions.fileProperty().get());
        assertFalse(sessions.busyProperty().get());
        assertFalse(sessions.statusProperty().get().isBlank());
        assertFalse(sessions.statusProperty().get().startsWith("Saved"), sessions.statusProperty().get());
    }

    @Test
    void anAutosaveLeftByAnEndedProcessIsOfferedRestoredAndThenGone() throws Exception {
        SessionState sessions = state();
        model.sampling().stepsProperty().set(321);
        sessions.autosave();
        manual.runAll();
        Path mine = sessions.autosaveFile();
        assertTrue(Files.isRegularFile(mine));
        sessions.autosave();
        assertEquals(0, manual.lane(Lane.FILES).size(), "an unchanged workspace is not written again");

        // the same file as if a process that has ended had left it
        Path left = dir.resolve("home/autosave-2147483646" + org.scorefield.core.session.SessionFile.EXTENSION);
        Files.move(mine, left);
        model.sampling().stepsProperty().set(10);
        List<SessionState.Crashed> found = new ArrayList<>();
        sessions.findCrashed(found::add);
        manual.runAll();
        assertEquals(1, found.size());
        assertEquals(left, found.get(0).file());

        sessions.restore(found.get(0));
        manual.runAll();
        assertEquals(321, model.sampling().stepsProperty().get());
        assertNull(sessions.fileProperty().get(), "restored work is not a file of the user's");
        assertTrue(sessions.statusProperty().get().startsWith("Restored the work autosaved on"));
        assertFalse(Files.exists(left), "restored, the leftover goes");
    }

    @Test
    void closingDeletesThisProcesssAutosave() {
        SessionState sessions = state();
        model.sampling().stepsProperty().set(55);
        sessions.autosave();
        manual.runAll();
        assertTrue(Files.exists(sessions.autosaveFile()));
        sessions.close();
        manual.runAll();
        assertFalse(Files.exists(sessions.autosaveFile()));
        model.sampling().stepsProperty().set(56);
        sessions.autosave();
        assertEquals(0, manual.lane(Lane.FILES).size(), "no autosave after close");
    }

    /** The deck as edited and its scene go into the session, and come back when it is opened. */
    @Test
    void aSessionKeepsTheLessonOpenAndItsScene() throws Exception {
        LessonState lessons = new LessonState(model);
        SessionState sessions = new SessionState(model, dir.resolve("home"), lessons);
        manual.runAll();
        lessons.open(LessonState.defaultLesson());
        lessons.go(4);
        model.view().timeProperty().set(0.35);
        // B's objective away from "fm": the added scene records it, and the garbling below hits only scene 7's
        model.compare().objectiveProperty().set(org.scorefield.core.nn.Objective.EPSILON);
        lessons.add("Mine", "Added.", List.of("t = {{t}}"));
        org.scorefield.core.session.Lesson edited = lessons.lessonProperty().get();
        model.view().timeProperty().set(0.8); // wandered off after the scene: the session keeps that too
        Path file = dir.resolve("lecture.scorefield");
        sessions.save(file);
        manual.runAll();

        lessons.close();
        model.view().timeProperty().set(0.1);
        sessions.open(file);
        manual.runAll();
        assertEquals("Opened lecture.scorefield.", model.messageProperty().get());
        assertEquals(edited, lessons.lessonProperty().get());
        assertEquals(5, lessons.indexProperty().get());
        assertEquals(0.8, model.view().timeProperty().get(), "the session's window, not the scene's");

        // an older session, without a lesson, opens and leaves the lesson as it is
        Path old = dir.resolve("old.scorefield");
        org.scorefield.core.session.SessionFile.save(new SessionCodec(model).capture(), old);
        lessons.go(1);
        sessions.open(old);
        manual.runAll();
        assertEquals("Opened old.scorefield.", model.messageProperty().get());
        assertEquals(edited, lessons.lessonProperty().get());
        assertEquals(1, lessons.indexProperty().get());

        // a lesson that cannot be shown refuses the session whole, in one sentence
        // (in the lesson only, whose only "fm" is scene 7's objective)
        String saved = Files.readString(file);
        int deck = saved.indexOf("\"deck\"");
        String text = saved.substring(0, deck)
                + saved.substring(deck).replace("\"objective\" : \"fm\"", "\"objective\" : \"magic\"");
        Path bad = dir.resolve("bad.scorefield");
        Files.writeString(bad, text);
        lessons.close();
        sessions.open(bad);
        manual.runAll();
        String message = model.messageProperty().get();
        assertTrue(message.startsWith("Cannot open bad.scorefield: its lesson: scene 7 (Flow matching): "), message);
        assertEquals(1, message.lines().count());
        assertNull(lessons.lessonProperty().get(), "nothing changed");
        assertEquals(0.8, model.view().timeProperty().get());
    }
}
