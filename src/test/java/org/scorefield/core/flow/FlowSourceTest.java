package org.scorefield.core.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DatasetPreset;

class FlowSourceTest {

    /** N(0, I) and the single-Gaussian preset share the word "gaussian"; their ids read back apart. */
    @Test
    void everySourceIdReadsBackAsItsSource() {
        assertEquals(FlowSource.gaussian(), FlowSource.fromPresetId(FlowSource.gaussian().id()));
        for (DatasetPreset p : DatasetPreset.values()) {
            FlowSource s = FlowSource.of(p);
            assertEquals(s, FlowSource.fromPresetId(s.id()), p.id());
            assertEquals(s, FlowSource.fromPresetId(FlowSource.PRESET_PREFIX + p.id()), p.id());
        }
        assertEquals("preset:gaussian", FlowSource.of(DatasetPreset.GAUSSIAN).id());
        assertNotEquals(FlowSource.gaussian().id(), FlowSource.of(DatasetPreset.GAUSSIAN).id());
        assertEquals("moons", FlowSource.of(DatasetPreset.MOONS).id());
        assertThrows(InvalidInputException.class, () -> FlowSource.fromPresetId("preset:nope"));
    }

    /** The data layer's ends: the data's own noise from N(0, I), source points otherwise; the same for one seed. */
    @Test
    void theForwardEndsComeFromTheSourceAndTheDataSeed() {
        var points = DatasetPreset.MOONS.sample(50, 1);
        var fromNormal = FlowSource.gaussian().forwardNoising(points, 7).noise();
        var expected = new org.scorefield.core.schedule.ForwardNoising(points,
                org.scorefield.core.random.SeededRandom.derive(7, "forward-noise")).noise();
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, fromNormal, 0);
        var ends = FlowSource.of(DatasetPreset.EIGHT_GAUSSIANS).forwardNoising(points, 7).noise();
        org.junit.jupiter.api.Assertions.assertArrayEquals(ends,
                FlowSource.of(DatasetPreset.EIGHT_GAUSSIANS).forwardNoising(points, 7).noise(), 0);
        double radius = 0;
        for (int i = 0; i < ends.length; i += 2) {
            radius += Math.hypot(ends[i], ends[i + 1]) / 50;
        }
        assertEquals(DatasetPreset.EIGHT_GAUSSIANS_RADIUS, radius, 0.1);
    }
}
