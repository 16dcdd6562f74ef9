package org.scorefield.app.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void brushingClassTwoOnLabelledDataAddsClassTwoAndKeepsEveryOtherLabel() {
        DataState d = new DataState();
        int[] moons = d.data().points().labels();
        assertTrue(moons != null && moons.length == 1000, "Two moons is labelled");
        d.brush(0.5, 0.5, 0.2, 7, 2);
        PointSet now = d.data().points();
        assertEquals(1007, now.size());
        assertArrayEquals(moons, java.util.Arrays.copyOf(now.labels(), 1000), "the moons keep their labels");
        for (int i = 1000; i < 1007; i++) {
            assertEquals(2, now.label(i), "point " + i);
        }
        assertEquals(3, now.labelCount(), "classes 0, 1 and now 2");
        assertEquals("", d.classesOnBrushing(2), "labelled data keeps its classes: nothing to say");
    }

    @Test
    void brushingAClassOnUnlabelledPointsLabelsThemClassZero() {
        DataState d = new DataState();
        d.clear();
        d.brush(-1, 0, 0.1, 4, 0);
        assertFalse(d.data().points().hasLabels(), "class 0 alone on unlabelled points: still unlabelled");
        assertEquals("", d.classesOnBrushing(0));
        assertEquals("These 4 points have no classes: drawing class 3 makes them class 0.", d.classesOnBrushing(3));
        d.brush(1, 0, 0.1, 5, 3);
        assertArrayEquals(new int[] {0, 0, 0, 0, 3, 3, 3, 3, 3}, d.data().points().labels());
        d.brush(0, 1, 0.1, 2, 0);
        assertArrayEquals(new int[] {0, 0, 0, 0, 3, 3, 3, 3, 3, 0, 0}, d.data().points().labels(),
                "once labelled, class 0 is a label too");
        assertEquals(4, d.data().points().labelCount());
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
