package org.scorefield.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.scorefield.app.view.FxWait.fx;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ToggleButton;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.scorefield.app.settings.CanvasTool;
import org.scorefield.app.settings.Settings;
import org.scorefield.app.theme.Look;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's two class choosers, the brush's swatches in the Data section and the guided class in
 * the Sampling section, show each class in the colour the canvas paints it, and follow a change of
 * theme.
 */
class ClassChoosersWindowTest extends WindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void bothChoosersDotEachClassInThePalettesColourInEitherTheme(FxRobot robot) {
        fx(() -> {
            model.view().toolProperty().set(CanvasTool.BRUSH);
            model.sampling().guidedClassProperty().set(6);
            return null;
        });
        for (Look look : new Look[] {Look.DEFAULT, new Look(true, false), new Look(true, true), Look.DEFAULT}) {
            fx(() -> {
                model.view().lookProperty().set(look);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            for (int c = 0; c < Settings.MAX_CLASSES; c++) {
                ToggleButton swatch = robot.lookup("#brushClass" + c).queryAs(ToggleButton.class);
                assertEquals(look.palette().classColor(c), fx(() -> ((Circle) swatch.getGraphic()).getFill()),
                        look + ": the brush's swatch of class " + c);
            }
            @SuppressWarnings("unchecked")
            ComboBox<Integer> box = robot.lookup("#classBox").queryAs(ComboBox.class);
            Paint shown = fx(() -> {
                ListCell<Integer> cell = box.getButtonCell();
                return cell.getGraphic() instanceof Circle dot ? dot.getFill() : null;
            });
            assertEquals(look.palette().classColor(6), shown, look + ": the guided class's dot");
        }
    }
}
