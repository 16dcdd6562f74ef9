package org.scorefield.app.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scorefield.app.view.FxWait.fx;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.scorefield.core.data.DatasetPreset;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

/**
 * Editing the data in the real window, headless, at the narrowest width the window is laid out for
 * (1024 px): what the Data section says the canvas holds, and undo and redo from the keyboard.
 */
class DataEditsWindowTest extends WindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    int width() {
        return 1024;
    }

    @Override
    int height() {
        return 700;
    }

    @Test
    void afterClearTheCaptionSaysTheCanvasNoLongerHoldsThePreset(FxRobot robot) {
        Label caption = captionUnderThePreset(robot);
        assertEquals(DatasetPreset.MOONS.description(), fx(caption::getText));
        double[] moons = fx(() -> model.data().data().points().xy());

        robot.clickOn("#clearData");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(0, fx(() -> model.data().data().points().size()));
        assertEquals(DatasetPreset.MOONS, fx(() -> robot.lookup("#dataBox").queryAs(ComboBox.class).getValue()),
                "the box keeps the preset the Restore button brings back");
        String said = fx(caption::getText);
        assertTrue(said.startsWith("The canvas holds drawn points, not the Two moons preset"), said);
        assertTrue(fx(() -> caption.getStyleClass().contains("warning")));
        Button restore = robot.lookup("#restorePreset").queryAs(Button.class);
        assertEquals("Restore preset", restore.getText());
        assertEquals("Replace the points on the canvas with the Two moons preset's own 1,000 points (seed 7), "
                + "instead of drawn points.", fx(() -> restore.getTooltip().getText()));
        assertFalse(fx(() -> isCutOff(restore)), "Restore preset fits the panel at 1024 px");

        robot.clickOn("#restorePreset");
        WaitForAsyncUtils.waitForFxEvents();

        assertArrayEquals(moons, fx(() -> model.data().data().points().xy()), "the preset's own points again");
        assertEquals(DatasetPreset.MOONS.description(), fx(caption::getText));
        assertFalse(fx(() -> caption.getStyleClass().contains("warning")));
    }

    @Test
    void ctrlZBringsTheClearedPointsBackAndCtrlShiftZOrCtrlYClearsThemAgain(FxRobot robot) {
        assertEquals("", fx(() -> model.undo().nextUndoProperty().get()), "opening the window is no edit");
        Label caption = captionUnderThePreset(robot);
        double[] moons = DatasetPreset.MOONS.sample(1000, 7).xy(); // drawn here, not read from the window
        assertArrayEquals(moons, fx(() -> model.data().data().points().xy()));

        robot.clickOn("#clearData");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, fx(() -> model.data().data().points().size()));

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(moons, fx(() -> model.data().data().points().xy()), "the very points Clear removed");
        assertEquals("Two moons", fx(() -> model.data().data().name()));
        assertEquals(DatasetPreset.MOONS.description(), fx(caption::getText), "the preset is on the canvas again");
        assertFalse(fx(() -> caption.getStyleClass().contains("warning")));
        assertEquals("Undid: Clear (1,000 points)", fx(() -> robot.lookup("#statusBar")
                .queryAs(org.controlsfx.control.StatusBar.class).getText()));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, fx(() -> model.data().data().points().size()));
        assertEquals("Redid: Clear (1,000 points)", fx(() -> model.messageProperty().get()));
        assertTrue(fx(caption::getText).startsWith("The canvas holds drawn points, not the Two moons preset"));

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, fx(() -> model.data().data().points().size()), "Ctrl+Y redoes too");

        // in a text field, Ctrl+Z is the field's own
        robot.clickOn("#dataSeed");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, fx(() -> model.data().data().points().size()), "typing a seed undoes no data");
    }

    @Test
    void theStatusBarsUndoAndRedoNameTheirStepAndTakeIt(FxRobot robot) {
        Button undo = robot.lookup("#undoButton").queryAs(Button.class);
        Button redo = robot.lookup("#redoButton").queryAs(Button.class);
        assertTrue(fx(undo::isDisabled) && fx(redo::isDisabled), "nothing to undo or redo yet");
        robot.clickOn("#clearData");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(undo::isDisabled));
        assertEquals("Undo Clear (1,000 points) (Ctrl+Z).", fx(() -> undo.getTooltip().getText()));

        robot.clickOn("#undoButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1000, fx(() -> model.data().data().points().size()));
        assertTrue(fx(undo::isDisabled));
        assertEquals("Redo Clear (1,000 points) (Ctrl+Shift+Z or Ctrl+Y).", fx(() -> redo.getTooltip().getText()));
        robot.clickOn("#redoButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, fx(() -> model.data().data().points().size()));
        assertTrue(fx(redo::isDisabled));
    }

    @Test
    void aBrushDragOnTheCanvasIsOneUndo(FxRobot robot) {
        robot.clickOn("#toolBrush");
        double[] before = fx(() -> model.data().data().points().xy());
        Node canvas = robot.lookup("#fieldCanvas").query();
        robot.drag(canvas).moveBy(40, 0);
        robot.sleep(700); // a slow stroke: longer pauses than changes of one slider drag may have
        robot.moveBy(40, 30);
        robot.sleep(700);
        robot.moveBy(0, 40).drop();
        WaitForAsyncUtils.waitForFxEvents();
        int added = fx(() -> model.data().data().points().size()) - before.length / 2;
        assertTrue(added >= 3 * CanvasArea.BRUSH_POINTS, "points sprayed along the drag: " + added);
        String step = fx(() -> model.undo().nextUndoProperty().get());
        assertEquals("Draw (" + String.format(java.util.Locale.ROOT, "%,d", added) + " points)", step);

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(before, fx(() -> model.data().data().points().xy()), "one undo takes the whole stroke");
        assertEquals("", fx(() -> model.undo().nextUndoProperty().get()));
    }

    @Test
    void aStrokeAfterClickingClassTwoAddsClassTwoPointsAndOneUndoTakesThem(FxRobot robot) {
        Node swatches = robot.lookup("#brushClassRow").query();
        assertFalse(fx(swatches::isVisible), "the brush's class is shown with the brush only");
        robot.clickOn("#toolBrush");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(swatches::isVisible));
        var last = robot.lookup("#brushClass7").queryAs(javafx.scene.control.ToggleButton.class);
        assertTrue(fx(() -> inPanel(last) && last.getWidth() >= last.getGraphic().getLayoutBounds().getWidth() + 6),
                "the eighth swatch and its whole dot fit the panel at 1024 px: " + fx(last::getWidth));
        robot.clickOn("#brushClass2");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, fx(() -> model.view().brushClassProperty().get()));
        assertEquals("New points are class 2; the others keep theirs.",
                fx(() -> robot.lookup("#brushClassNote").queryAs(Label.class).getText()));

        var before = fx(() -> model.data().data().points());
        Node canvas = robot.lookup("#fieldCanvas").query();
        robot.drag(canvas).moveBy(40, 0);
        robot.moveBy(0, 30).drop();
        WaitForAsyncUtils.waitForFxEvents();
        var after = fx(() -> model.data().data().points());
        assertTrue(after.size() >= before.size() + 2 * CanvasArea.BRUSH_POINTS, "points sprayed: " + after.size());
        assertArrayEquals(before.labels(), java.util.Arrays.copyOf(after.labels(), before.size()),
                "the moons keep their classes");
        for (int i = before.size(); i < after.size(); i++) {
            assertEquals(2, after.label(i), "point " + i + " was drawn in class 2");
        }

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, fx(() -> model.data().data().points()), "one undo takes the class-2 stroke");

        // from the keyboard: Tab moves along the swatches, Enter picks one (Space plays, the arrows scrub)
        var two = robot.lookup("#brushClass2").queryAs(javafx.scene.control.ToggleButton.class);
        assertTrue(fx(two::isFocusTraversable), "Tab reaches the swatches");
        fx(() -> {
            two.requestFocus();
            return null;
        });
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, fx(() -> model.view().brushClassProperty().get()));
    }

    @Test
    void drawingAClassOnPointsWithoutClassesSaysTheyBecomeClassZero(FxRobot robot) {
        robot.clickOn("#clearData"); // the Draw tool comes on with it
        WaitForAsyncUtils.waitForFxEvents();
        Node canvas = robot.lookup("#fieldCanvas").query();
        robot.drag(canvas).moveBy(30, 0).drop(); // class 0: no classes yet
        WaitForAsyncUtils.waitForFxEvents();
        int drawn = fx(() -> model.data().data().points().size());
        assertFalse(fx(() -> model.data().data().points().hasLabels()));
        Label note = robot.lookup("#brushClassNote").queryAs(Label.class);
        assertFalse(fx(note::isVisible), "class 0 on unlabelled points changes no class");

        robot.clickOn("#brushClass4");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(String.format(java.util.Locale.ROOT, "These %d points have no classes: drawing class 4 makes "
                + "them class 0.", drawn), fx(note::getText));
        assertTrue(fx(note::isVisible));
        robot.drag(canvas).moveBy(0, 40).drop();
        WaitForAsyncUtils.waitForFxEvents();
        var points = fx(() -> model.data().data().points());
        for (int i = 0; i < points.size(); i++) {
            assertEquals(i < drawn ? 0 : 4, points.label(i), "point " + i);
        }
        assertEquals(String.format(java.util.Locale.ROOT, "Drawing class 4: the %d points without classes are "
                + "class 0 now (Ctrl+Z undoes the stroke).", drawn), fx(() -> model.messageProperty().get()));
        assertEquals("New points are class 4; the others keep theirs.", fx(note::getText));

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(drawn, fx(() -> model.data().data().points().size()), "the class-4 stroke undone");
        assertFalse(fx(() -> model.data().data().points().hasLabels()), "and the classes it gave with it");
    }

    /** The caption right below the preset's row in the Data section. */
    static Label captionUnderThePreset(FxRobot robot) {
        return fx(() -> {
            var box = robot.lookup("#dataBox").queryAs(ComboBox.class);
            var row = box.getParent();
            var section = row.getParent();
            int at = section.getChildrenUnmodifiable().indexOf(row);
            return (Label) section.getChildrenUnmodifiable().get(at + 1);
        });
    }

    /** Whether the node lies within the side panel's viewport, left to right. */
    private static boolean inPanel(Node n) {
        var panel = (javafx.scene.control.ScrollPane) n.getScene().lookup("#sidePanel");
        var inContent = panel.getContent().sceneToLocal(n.localToScene(n.getBoundsInLocal()));
        return inContent.getMinX() >= 0 && inContent.getMaxX() <= panel.getViewportBounds().getWidth();
    }

    /** Whether the button shows less than its text, or reaches past the side panel's viewport. */
    private static boolean isCutOff(Button b) {
        var panel = (javafx.scene.control.ScrollPane) b.getScene().lookup("#sidePanel");
        var inContent = panel.getContent().sceneToLocal(b.localToScene(b.getBoundsInLocal()));
        return b.getWidth() < b.prefWidth(-1) - 0.5 || inContent.getMaxX() > panel.getViewportBounds().getWidth();
    }
}
