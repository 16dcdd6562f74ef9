package org.scorefield.app.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scorefield.app.jobs.ManualJobs;
import org.scorefield.app.settings.CanvasTool;
import org.scorefield.app.settings.Setting;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.schedule.ScheduleKind;

/**
 * Undo and redo on the window's model, without a window: what one step is, what undo puts back,
 * and what it leaves. The expected points are drawn anew from the preset and seed, not read from
 * the history; the clock is the test's, so that "a drag" and "a pause" are exact.
 */
class UndoHistoryTest {

    private final ManualJobs manual = new ManualJobs();
    private final ExplorerModel model = new ExplorerModel(manual.jobs);
    private final UndoHistory history = model.undo();
    private final long[] nanos = {0};

    UndoHistoryTest() {
        history.clock(() -> nanos[0]);
    }

    /** Lets this many milliseconds pass on the history's clock. */
    private void later(long ms) {
        nanos[0] += ms * 1_000_000;
    }

    /** The default data, drawn independently of the window: Two moons, 1,000 points, seed 7. */
    private static PointSet moons() {
        return DatasetPreset.MOONS.sample(1000, 7);
    }

    @Test
    void nothingIsRecordedUntilTheUserEditsAndTheTimeScrubberIsNotAnEdit() {
        manual.runAll();
        assertEquals(0, history.undoSize());
        model.view().timeProperty().set(0.5);
        model.view().toolProperty().set(CanvasTool.BRUSH);
        assertEquals(0, history.undoSize(), "t and the tool are of the moment");
        assertFalse(history.undo());
        assertEquals("Nothing to undo.", model.messageProperty().get());
        assertEquals(0.5, model.view().timeProperty().get());
    }

    @Test
    void clearThenUndoPutsBackTheSamePointsNameAndPresetAndRedoClearsAgain() {
        DataState data = model.data();
        data.clear();
        assertEquals(0, data.data().points().size());
        assertEquals("drawn points", data.data().name());
        assertEquals("Clear (1,000 points)", history.nextUndoProperty().get());

        assertTrue(history.undo());
        assertEquals("Undid: Clear (1,000 points)", model.messageProperty().get());
        assertArrayEquals(moons().xy(), data.data().points().xy());
        assertArrayEquals(moons().labels(), data.data().points().labels());
        assertEquals("Two moons", data.data().name());
        assertEquals(Optional.of(DatasetPreset.MOONS), data.data().preset(), "the preset again, with its mixture");
        assertEquals(DatasetPreset.MOONS, data.presetProperty().get());
        assertEquals("Clear (1,000 points)", history.nextRedoProperty().get());
        assertEquals(0, history.undoSize(), "undo records nothing of its own");

        assertTrue(history.redo());
        assertEquals("Redid: Clear (1,000 points)", model.messageProperty().get());
        assertEquals(0, data.data().points().size());
        assertEquals("drawn points", data.data().name());
        assertEquals(1, history.undoSize());
        assertEquals(0, history.redoSize());
    }

    @Test
    void aBrushStrokeIsOneStepHoweverManyPointsItSprays() {
        DataState data = model.data();
        history.beginGesture();
        for (int i = 0; i < 12; i++) {
            data.brush(0.1 * i, 0, 0.3, 5, 0);
            later(900); // a slow drag: still one stroke
        }
        history.endGesture();
        assertEquals(1000 + 12 * 5, data.data().points().size());
        assertEquals(1, history.undoSize());
        assertEquals("Draw (60 points)", history.nextUndoProperty().get());

        history.beginGesture();
        int erased = data.erase(0.5, 0, 0.4) + data.erase(0.9, 0, 0.4);
        history.endGesture();
        assertTrue(erased > 0);
        assertEquals(2, history.undoSize(), "the next stroke is a step of its own");
        assertEquals("Erase (" + erased + " points)", history.nextUndoProperty().get());

        history.undo();
        history.undo();
        assertArrayEquals(moons().xy(), data.data().points().xy());
        assertEquals("Two moons", data.data().name());
    }

    @Test
    void aSliderDragIsOneStepAndAPauseStartsAnother() {
        SamplingState sampling = model.sampling();
        for (int k = 1; k <= 50; k++) {
            sampling.etaProperty().set(k / 100.0);
            later(16); // a drag: one change per frame
        }
        assertEquals(1, history.undoSize());
        assertEquals("η 0.00 → 0.50", history.nextUndoProperty().get());
        later(700);
        sampling.etaProperty().set(0.8);
        assertEquals(2, history.undoSize(), "a pause longer than 600 ms ends the drag");

        later(700);
        for (double b = 19; b >= 10; b -= 1) {
            model.process().set("beta_max", b);
            later(16);
        }
        assertEquals(3, history.undoSize());
        history.undo();
        assertEquals("Undid: β_max 20 → 10", model.messageProperty().get());
        assertEquals(20.0, model.process().value("beta_max"));
        history.redo();
        assertEquals("Redid: β_max 20 → 10", model.messageProperty().get());
        assertEquals(10.0, model.process().value("beta_max"));

        history.undo();
        history.undo();
        assertEquals(0.5, sampling.etaProperty().get());
        history.undo();
        assertEquals(0.0, sampling.etaProperty().get());
    }

    @Test
    void aSliderDraggedBackWhereItWasLeavesNothingToUndo() {
        model.sampling().etaProperty().set(0.3);
        later(16);
        model.sampling().etaProperty().set(0.0);
        assertEquals(0, history.undoSize());
    }

    @Test
    void aNewEditAfterAnUndoDropsWhatCouldHaveBeenRedone() {
        model.sampling().stepsProperty().set(32);
        later(1000);
        model.sampling().stepsProperty().set(16);
        later(1000);
        history.undo();
        assertEquals(1, history.redoSize());
        later(1000);
        model.view().showFieldProperty().set(true);
        assertEquals(0, history.redoSize());
        assertFalse(history.redo());
        assertEquals("Nothing to redo.", model.messageProperty().get());
        history.undo();
        assertFalse(model.view().showFieldProperty().get());
        history.undo();
        assertEquals(64, model.sampling().stepsProperty().get());
    }

    @Test
    void theHistoryKeepsTheNewest200Steps() {
        for (int k = 1; k <= 250; k++) {
            model.sampling().stepsProperty().set(k);
            later(1000);
        }
        assertEquals(UndoHistory.CAPACITY, history.undoSize());
        while (history.undo()) {
            later(1);
        }
        assertEquals(50, model.sampling().stepsProperty().get(), "the oldest step kept went from 50 to 51");
        assertEquals(200, history.redoSize());
    }

    @Test
    void choosingAPresetIsOneStepWithTheDataItDraws() {
        model.data().presetProperty().set(DatasetPreset.EIGHT_GAUSSIANS);
        assertEquals(1, history.undoSize());
        assertEquals("Preset Two moons → 8 Gaussians", history.nextUndoProperty().get());
        history.undo();
        assertEquals(DatasetPreset.MOONS, model.data().presetProperty().get());
        assertArrayEquals(moons().xy(), model.data().data().points().xy());
        history.redo();
        assertArrayEquals(DatasetPreset.EIGHT_GAUSSIANS.sample(1000, 7).xy(), model.data().data().points().xy());
        assertTrue(model.data().data().mixture().isPresent());
    }

    @Test
    void anotherPointCountOrSeedOfEditedPointsIsUndoneWithoutRedrawingThem() {
        model.data().clear();
        later(1000);
        model.data().brush(0, 0, 0.3, 20, 0);
        later(1000);
        DataState.Data drawn = model.data().data();
        model.data().pointCountProperty().set(2000);
        assertSame(drawn, model.data().data(), "edited points stay as they are");
        assertEquals("Points 1,000 → 2,000", history.nextUndoProperty().get());
        later(1000);
        model.data().seedProperty().set(8);
        assertEquals("Data seed 7 → 8", history.nextUndoProperty().get());
        history.undo();
        history.undo();
        assertSame(drawn, model.data().data(), "the very same points and noise");
        assertEquals(1000, model.data().pointCountProperty().get());
        assertEquals(7, model.data().seedProperty().get());
        history.undo();
        history.undo();
        assertArrayEquals(moons().xy(), model.data().data().points().xy());
    }

    @Test
    void anotherScheduleIsUndoneWithTheConstantsItHadNotTheDefaults() {
        model.process().set("beta_max", 12);
        later(1000);
        model.process().kindProperty().set(ScheduleKind.VE);
        assertEquals(2, history.undoSize(), "the new kind and its default constants are one step");
        assertEquals("Schedule VP linear → VE geometric", history.nextUndoProperty().get());
        history.undo();
        assertEquals(ScheduleKind.VP, model.process().schedule().kind());
        assertEquals(12.0, model.process().value("beta_max"));
        assertEquals(0.1, model.process().value("beta_min"));
    }

    @Test
    void aClickThatSetsTwoSettingsIsOneStep() {
        model.view().splitProperty().set(true);
        later(1000);
        // the view buttons: split off, then rounds on, in one click
        model.view().splitProperty().set(false);
        model.view().roundsViewProperty().set(true);
        assertEquals(2, history.undoSize());
        history.undo();
        assertTrue(model.view().splitProperty().get());
        assertFalse(model.view().roundsViewProperty().get());
    }

    /** Every setting the table marks undone is watched: each is changed in turn, then all are undone and redone. */
    @Test
    void everyUndoneSettingComesBack() {
        SettingValues values = model.values();
        java.util.Map<Setting<?>, Object> before = new java.util.LinkedHashMap<>();
        java.util.Map<Setting<?>, Object> after = new java.util.LinkedHashMap<>();
        int changed = 0;
        for (Setting<?> s : Settings.ALL) {
            if (!s.undone() || !values.has(s)) {
                continue;
            }
            before.put(s, values.get(s));
            changed += change(values, s) ? 1 : 0;
            later(1000);
        }
        for (Setting<?> s : before.keySet()) {
            after.put(s, values.get(s));
        }
        assertTrue(changed >= 40, "settings changed: " + changed);
        assertEquals(changed, history.undoSize());
        while (history.undo()) {
            later(1);
        }
        before.forEach((s, v) -> assertEquals(v, values.get(s), s.key()));
        while (history.redo()) {
            later(1);
        }
        after.forEach((s, v) -> assertEquals(v, values.get(s), s.key()));
        assertFalse(Settings.TIME.undone() || Settings.TOOL.undone() || Settings.DARK.undone()
                || Settings.SPEED.undone(), "settings of the moment are not undone");
    }

    /** Sets another value the setting allows; false when it had no other. */
    private static <T> boolean change(SettingValues values, Setting<T> s) {
        T now = values.get(s);
        T other;
        if (s.choices() != null) {
            other = s.choices().stream().filter(c -> !c.equals(now)).findFirst().orElse(now);
        } else if (s.type() == Boolean.class) {
            other = s.type().cast(!(Boolean) now);
        } else if (s.type() == String.class) { // the flow's source: a preset's id
            other = s.type().cast(FlowSource.of(DatasetPreset.RINGS).id());
        } else {
            other = now.equals(s.max()) ? s.min() : s.max();
        }
        values.set(s, other);
        return !now.equals(other);
    }

    @Test
    void clearIsAStepOfItsOwnEvenRightAfterAnotherEdit() {
        model.sampling().stepsProperty().set(32);
        model.data().clear();
        model.data().reloadPreset();
        assertEquals(3, history.undoSize());
        assertEquals("Restore preset (Two moons, 1,000 points)", history.nextUndoProperty().get());
        history.undo();
        assertEquals(0, model.data().data().points().size());
        assertEquals(32, model.sampling().stepsProperty().get());
    }
}
