package org.scorefield.app.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.data.PointCsv;
import org.scorefield.core.data.PointSet;

class DataStateTest {

    @Test
    void aPresetIsDrawnFromItsSeedAndKeepsItsMixture() {
        DataState d = new DataState();
        d.presetProperty().set(DatasetPreset.EIGHT_GAUSSIANS);
        assertEquals(DatasetPreset.EIGHT_GAUSSIANS.sample(org.scorefield.app.settings.Settings.DATA_POINTS.defaultValue(),
                org.scorefield.app.settings.Settings.DATA_SEED.defaultValue()),
                d.data().points());
        assertTrue(d.data().mixture().isPresent());
        assertEquals(DatasetPreset.EIGHT_GAUSSIANS, d.data().distribution());
    }

    @Test
    void theSameSeedGivesTheSameNoisePerPoint() {
        DataState a = new DataState();
        DataState b = new DataState();
        assertArrayEquals(a.data().noising().noise(), b.data().noising().noise());
        b.seedProperty().set(8);
        assertTrue(a.data().noising().noise()[0] != b.data().noising().noise()[0]);
    }

    @Test
    void brushAddsLabelledPointsNearTheCursorAndEditsTheData() {
        DataState d = new DataState();
        int before = d.data().points().size();
        d.brush(2, -1, 0.2, 10, 1);
        assertEquals(before + 10, d.data().points().size());
        for (int i = before; i < before + 10; i++) {
            assertTrue(Math.hypot(d.data().points().x(i) - 2, d.data().points().y(i) + 1) < 0.6);
            assertEquals(1, d.data().points().label(i));
        }
        assertTrue(d.data().preset().isEmpty(), "edited points are no longer the preset");
        assertTrue(d.data().mixture().isEmpty());
        assertTrue(d.data().distribution() instanceof EmpiricalDistribution);
        assertEquals("Two moons, edited", d.data().name());
    }

    @Test
    void eraseRemovesExactlyThePointsWithinTheRadius() {
        DataState d = new DataState();
        var points = d.data().points();
        int inside = 0;
        for (int i = 0; i < points.size(); i++) {
            if (Math.hypot(points.x(i), points.y(i) - 0.25) <= 0.5) {
                inside++;
            }
        }
        assertTrue(inside > 0);
        assertEquals(inside, d.erase(0, 0.25, 0.5));
        assertEquals(points.size() - inside, d.data().points().size());
    }

    @Test
    void clearLeavesNoPointsAndBrushStartsAFreshSet() {
        DataState d = new DataState();
        d.clear();
        assertEquals(0, d.data().points().size());
        d.brush(0, 0, 0.1, 5, 0);
        assertEquals(5, d.data().points().size());
        assertEquals("drawn points", d.data().name());
    }

    @Test
    void importedPointsBecomeTheDataUpToWhatTheWindowHolds(@TempDir Path dir) throws Exception {
        DataState d = new DataState();
        Path good = dir.resolve("good.csv");
        Files.writeString(good, "x,y\n1,2\n3,4\n");
        d.importPoints(PointCsv.read(good), "good.csv");
        assertEquals(2, d.data().points().size());
        assertEquals("good.csv", d.data().name());
        assertTrue(d.data().preset().isEmpty(), "no longer a preset");
        d.importPoints(PointSet.of(new double[2 * (DataState.MAX_POINTS + 10)]), "big.csv");
        assertEquals(DataState.MAX_POINTS, d.data().points().size());
    }
}
