package org.scorefield.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.schedule.ScheduleKind;

/** The explorer's plain parts: its built-in data and the names in the schedule box. */
class ExplorerViewTest {

    @Test
    void initialPointsAreTwoCentredMoonsOfAboutUnitScale() {
        PointSet points = ExplorerView.initialPoints();
        assertEquals(2 * ExplorerView.POINTS_PER_MOON, points.size());
        assertEquals(2, points.labelCount());
        double[] mean = points.mean();
        double[] std = points.std();
        assertEquals(0, mean[0], 0.1);
        assertEquals(0, mean[1], 0.1);
        assertTrue(std[0] > 0.8 && std[0] < 1.6, "std x " + std[0]);
        assertTrue(std[1] > 0.4 && std[1] < 1.2, "std y " + std[1]);
        assertEquals(points, ExplorerView.initialPoints(), "the same seed must give the same points");
    }

    @Test
    void scheduleNamesSplitIntoShortNameAndReference() {
        assertArrayEquals(new String[] {"VP linear", "Song et al. 2021"}, ExplorerView.splitName(ScheduleKind.VP));
        assertArrayEquals(new String[] {"linear / rectified flow", "Lipman 2023, Liu 2023"},
                ExplorerView.splitName(ScheduleKind.LINEAR));
        assertArrayEquals(new String[] {"trigonometric", ""}, ExplorerView.splitName(ScheduleKind.TRIG));
    }
}
