package org.scorefield.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.session.Lesson;
import org.scorefield.core.session.Session;

/**
 * Deck edits give the decks written out here by hand: the expected scenes are worked out on paper
 * from the rule that every scene keeps looking as it did (or as captured), not by the code under test.
 *
 * <p>The deck: A {t 0.1, density off}, B {density on}, C {t 0.5}. What each shows:
 * A = {t 0.1, density off}, B = {t 0.1, density on}, C = {t 0.5, density on}.
 */
class LessonEditsTest {

    private static Session.Settings s(Object... kv) {
        Session.Settings.Builder b = Session.Settings.builder();
        for (int i = 0; i < kv.length; i += 2) {
            String key = (String) kv[i];
            Object v = kv[i + 1];
            if (v instanceof Boolean on) {
                b.put(key, on);
            } else if (v instanceof String text) {
                b.put(key, text);
            } else if (v instanceof Long whole) {
                b.put(key, whole);
            } else {
                b.put(key, (Double) v);
            }
        }
        return b.build();
    }

    private static Lesson.Scene scene(String name, Session.Settings settings) {
        return new Lesson.Scene(name, name + " caption", List.of(), settings);
    }

    private static Lesson deck() {
        return new Lesson("Deck", List.of(scene("A", s("view.time", 0.1, "view.density", false)),
                scene("B", s("view.density", true)), scene("C", s("view.time", 0.5))));
    }

    @Test
    void anInsertedSceneHoldsWhatDiffersAndTheNextSceneKeepsItsLook() {
        Session.Settings captured = s("view.time", 0.3, "view.density", false, "view.field", true);
        Lesson after = LessonEdits.insert(deck(), 1, "New", "Look.", List.of("x"), captured);
        Lesson expected = new Lesson("Deck", List.of(
                scene("A", s("view.time", 0.1, "view.density", false)),
                new Lesson.Scene("New", "Look.", List.of("x"), s("view.time", 0.3, "view.field", true)),
                // B showed t 0.1 over A: the new scene's t 0.3 would reach it, so it says t 0.1 itself
                scene("B", s("view.density", true, "view.time", 0.1)),
                scene("C", s("view.time", 0.5))));
        assertEquals(expected, after);
        assertEquals(List.of(s("view.time", 0.1, "view.density", false),
                s("view.time", 0.3, "view.density", false, "view.field", true),
                s("view.time", 0.1, "view.density", true, "view.field", true),
                s("view.time", 0.5, "view.density", true, "view.field", true)), LessonEdits.views(after),
                "the field, which no scene set before, is on from the new scene on");
    }

    @Test
    void aDeletedScenesValuesMoveToTheSceneAfterIt() {
        Lesson after = LessonEdits.delete(deck(), 1);
        assertEquals(new Lesson("Deck", List.of(scene("A", s("view.time", 0.1, "view.density", false)),
                scene("C", s("view.time", 0.5, "view.density", true)))), after);
        assertEquals(new Lesson("Deck", List.of(scene("B", s("view.density", true, "view.time", 0.1)),
                scene("C", s("view.time", 0.5)))), LessonEdits.delete(deck(), 0), "B now says what A said for it");
        Lesson one = new Lesson("One", List.of(scene("A", s())));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LessonEdits.delete(one, 0));
        assertEquals("A lesson keeps at least one scene; close the lesson instead.", e.getMessage());
    }

    @Test
    void aMovedSceneAndItsNeighbourKeepTheirLooks() {
        Lesson up = LessonEdits.move(deck(), 2, -1);
        assertEquals(new Lesson("Deck", List.of(scene("A", s("view.time", 0.1, "view.density", false)),
                scene("C", s("view.time", 0.5, "view.density", true)),
                scene("B", s("view.density", true, "view.time", 0.1)))), up);
        assertEquals(up, LessonEdits.move(deck(), 1, 1), "B down is C up");
        assertEquals(deck(), LessonEdits.move(deck(), 0, -1), "the first scene goes no higher");
        Lesson downAndUp = LessonEdits.move(LessonEdits.move(deck(), 0, 1), 1, -1);
        assertEquals(List.of("A", "B", "C"), downAndUp.scenes().stream().map(Lesson.Scene::name).toList());
        assertEquals(List.of(s("view.time", 0.1, "view.density", false), s("view.time", 0.1, "view.density", true),
                s("view.time", 0.5, "view.density", true)), LessonEdits.views(downAndUp),
                "down and up again shows what it showed");
    }

    @Test
    void aChangedSceneTakesTheWindowOverWhatItShowedAndTheNextKeepsItsLook() {
        Lesson after = LessonEdits.change(deck(), 0, "Deck 2", "A2", "New caption.", List.of("y"),
                Optional.of(s("view.density", true, "view.samples", false)));
        assertEquals(new Lesson("Deck 2", List.of(
                new Lesson.Scene("A2", "New caption.", List.of("y"),
                        s("view.time", 0.1, "view.density", true, "view.samples", false)),
                scene("B", s("view.density", true)),
                scene("C", s("view.time", 0.5)))), after);
        Lesson words = LessonEdits.change(deck(), 2, "Deck", "C", "Other.", List.of(), Optional.empty());
        assertEquals(s("view.time", 0.5), words.scenes().get(2).settings(), "words alone leave the settings");
        assertEquals("Other.", words.scenes().get(2).caption());
    }

    /** A scene that changes the process names it whole, and the scene after it gets its own back. */
    @Test
    void aProcessIsSetWholeAndPutBackAfter() {
        Lesson deck = new Lesson("P", List.of(scene("VE", s("process.kind", "ve", "process.sigma_max", 8.0)),
                scene("Later", s("view.time", 0.2))));
        Lesson after = LessonEdits.insert(deck, 1, "VP", "", List.of(),
                s("process.kind", "vp", "process.beta_min", 0.1, "process.beta_max", 10.0, "view.time", 0.2));
        assertEquals(new Lesson("P", List.of(scene("VE", s("process.kind", "ve", "process.sigma_max", 8.0)),
                new Lesson.Scene("VP", "", List.of(),
                        s("process.kind", "vp", "process.beta_min", 0.1, "process.beta_max", 10.0, "view.time", 0.2)),
                scene("Later", s("view.time", 0.2, "process.kind", "ve", "process.sigma_max", 8.0)))), after);
        // the same process with another constant: the whole process again, so nothing of the old one stays
        Lesson same = LessonEdits.insert(deck, 1, "VE 4", "", List.of(),
                s("process.kind", "ve", "process.sigma_max", 4.0));
        assertEquals(s("process.kind", "ve", "process.sigma_max", 4.0), same.scenes().get(1).settings());
        Lesson unchanged = LessonEdits.insert(deck, 1, "Same", "", List.of(),
                s("process.kind", "ve", "process.sigma_max", 8.0, "view.time", 0.9));
        assertEquals(s("view.time", 0.9), unchanged.scenes().get(1).settings(), "an equal process is not repeated");
    }
}
