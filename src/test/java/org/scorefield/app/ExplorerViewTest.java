package org.scorefield.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.scorefield.core.schedule.ScheduleKind;

/** The explorer's plain parts: the names in the schedule box. */
class ExplorerViewTest {

    @Test
    void scheduleNamesSplitIntoShortNameAndReference() {
        assertArrayEquals(new String[] {"VP linear", "Song et al. 2021"}, ExplorerView.splitName(ScheduleKind.VP));
        assertArrayEquals(new String[] {"linear / rectified flow", "Lipman 2023, Liu 2023"},
                ExplorerView.splitName(ScheduleKind.LINEAR));
        assertArrayEquals(new String[] {"trigonometric", ""}, ExplorerView.splitName(ScheduleKind.TRIG));
    }
}
