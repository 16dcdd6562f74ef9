package org.scorefield.app.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Where a title breaks, measured with JavaFX's text layout on the FX thread (headless on Monocle). */
@ExtendWith(ApplicationExtension.class)
class TitlePainterTest {

    @Start
    void start(Stage stage) {
        // Only the toolkit is needed: text is measured, not shown.
    }

    private static double widthOf(String text, javafx.scene.text.Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    @Test
    void aTitleTooWideForItsCanvasBreaksBetweenPhrases() throws Exception {
        String[] wrapped = WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.text.Font font = javafx.scene.text.Font.font(null, javafx.scene.text.FontWeight.BOLD, 15);
            return new String[] {
                TitlePainter.wrapTitle("reverse SDE  (η = 1)", font, 1000),
                TitlePainter.wrapTitle("reverse SDE  (η = 1)", font, 100),
                TitlePainter.wrapTitle("PF-ODE  (η = 0)\nexact score at t = 0.30", font, 100),
                TitlePainter.wrapTitle("one long phrase without breaks", font, 20),
                TitlePainter.wrapTitle("Round 1  ·  straightness 0.0004  ·  1-step SW2 1.1× floor", font,
                        widthOf("Round 1  ·  straightness 0.0004", font) + 4),
                TitlePainter.wrapTitle("Round 1  ·  straightness 0.0004", font, 1000)};
        }).get();
        assertEquals("reverse SDE  (η = 1)", wrapped[0], "room enough: unchanged");
        assertEquals("reverse SDE\n(η = 1)", wrapped[1]);
        assertEquals("PF-ODE\n(η = 0)\nexact score at t = 0.30", wrapped[2], "each line on its own");
        assertEquals("one long phrase without breaks", wrapped[3], "no phrase to break at");
        assertEquals("Round 1  ·  straightness 0.0004\n1-step SW2 1.1× floor", wrapped[4],
                "a separating dot is dropped where the line breaks, never left alone on a line");
        assertEquals("Round 1  ·  straightness 0.0004", wrapped[5]);
    }
}
