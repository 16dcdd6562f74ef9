package org.scorefield.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.app.settings.Settings;
import org.scorefield.app.theme.Look;
import org.scorefield.core.InvalidInputException;

/** The view's state and the export settings: defaults from the table, and their own rules. */
class ViewStateTest {

    private final SettingValues values = new SettingValues();
    private final ViewState view = new ViewState(values);
    private final ExportSettings export = new ExportSettings(values);

    @Test
    void theSplitViewAndTheRoundsViewExcludeEachOther() {
        view.splitProperty().set(true);
        view.roundsViewProperty().set(true);
        assertFalse(view.splitProperty().get());
        view.splitProperty().set(true);
        assertFalse(view.roundsViewProperty().get());
    }

    @Test
    void theThemeIsTwoSettingsOfOneLook() {
        assertEquals(Look.DEFAULT, view.lookProperty().get());
        values.set(Settings.DARK, true);
        values.set(Settings.PRESENTER, true);
        assertEquals(new Look(true, true), view.lookProperty().get());
        view.lookProperty().set(new Look(false, true));
        assertEquals(false, values.get(Settings.DARK));
    }

    @Test
    void everyValueStartsAtItsDeclaredDefaultAndIsCheckedWhenSet() {
        assertEquals(Settings.TIME.defaultValue(), view.timeProperty().get());
        assertEquals(Settings.FIELD_RESOLUTION.defaultValue(), view.fieldResolutionProperty().get());
        assertEquals(Settings.FPS.defaultValue(), export.fpsProperty().get());
        assertEquals(Settings.FORMAT.defaultValue(), export.formatProperty().get());
        assertEquals(Settings.SECONDS.defaultValue(), export.secondsProperty().get());
        values.set(Settings.FPS, 60);
        assertEquals(60, export.fpsProperty().get());
        assertThrows(InvalidInputException.class, () -> values.set(Settings.FPS, 25), "the box offers 24, 30, 60");
        assertThrows(IllegalStateException.class, () -> values.flag(Settings.DARK), "one owner a setting");
        assertTrue(values.has(Settings.OVERLAY));
    }
}
