package org.scorefield.app.canvas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How much of the plane a canvas of each shape frames. */
class WorldViewTest {

    private final WorldView view = WorldView.DEFAULT; // [−4, 4]²

    @Test
    void squareAndWideCanvasesShowTheWholeSquareOnTheirHeight() {
        assertEquals(50, view.scale(400, 400), 1e-12); // 400 px over 8 units
        assertArrayEquals(new double[] {4, 4}, view.visibleHalfSizes(400, 400), 1e-12);
        assertArrayEquals(new double[] {64.0 / 9, 4}, view.visibleHalfSizes(1280, 720), 1e-12,
                "16:9 shows y −4…4 and more of x");
    }

    @Test
    void aSlightlyTallCanvasStillShowsTheWholeSquareAcrossItsWidth() {
        // 400 × 500 is 1.25 times as tall as wide: x −4…4, y −5…5
        assertArrayEquals(new double[] {4, 5}, view.visibleHalfSizes(400, 500), 1e-12);
    }

    @Test
    void aTallPaneFramesTheDataAcrossItsWidth() {
        // 340 × 590 (a split pane at 1440×900): 1.25 · 340/590 < 0.8, so x −3.2…3.2
        double[] half = view.visibleHalfSizes(340, 590);
        assertEquals(3.2, half[0], 1e-12);
        assertEquals(3.2 * 590 / 340, half[1], 1e-12, "equal aspect: y reaches 5.55, not 6.94");
        // between the two: 400 × 560 frames 4 · 1.25 · 400/560 = 3.571… across
        assertEquals(4 * 1.25 * 400 / 560, view.visibleHalfSizes(400, 560)[0], 1e-12);
    }

    @Test
    void screenAndWorldCoordinatesStayInverse() {
        double x = view.toWorldX(view.toScreenX(1.7, 340, 590), 340, 590);
        double y = view.toWorldY(view.toScreenY(-2.3, 340, 590), 340, 590);
        assertEquals(1.7, x, 1e-12);
        assertEquals(-2.3, y, 1e-12);
    }
}
