package org.scorefield.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.data.PresetDraw;
import org.scorefield.core.nn.Trainer;
import org.scorefield.core.schedule.ScheduleKind;

/**
 * The dataset size (Data ▸ Dataset size): the canvas, the trainer, the exact oracle, the noise
 * floor's reference and the memorisation figures all see the same points (docs/math.md §11.7).
 */
class DatasetSizeTest {

    @Test
    void aDatasetSizeMakesExactlyThatManyPointsTheTrainingSetOfEverything() {
        DataState d = new DataState();
        d.presetProperty().set(DatasetPreset.EIGHT_GAUSSIANS);
        assertTrue(d.data().mixture().isPresent());
        d.trainSizeProperty().set(16);
        PointSet expected = DatasetPreset.EIGHT_GAUSSIANS.sample(16, Settings.DATA_SEED.defaultValue());
        DataState.Data data = d.data();
        assertEquals(expected, data.points(), "the canvas shows the 16 points");
        assertTrue(data.fixed());
        // the trainer's training set
        assertEquals(expected, Trainer.trainingSet(data.distribution(), 1));
        assertEquals(expected, Trainer.trainingSet(data.distribution(), 99), "a training seed does not redraw them");
        assertEquals("8gaussians (16 points, seed 7)", data.distribution().id());
        // the exact oracle memorises them instead of being the mixture
        assertFalse(data.mixture().isPresent());
        DenoiserChoice oracle = DenoiserChoice.exact(data, ScheduleKind.VP.createDefault());
        assertTrue(oracle.create() instanceof org.scorefield.core.denoise.EmpiricalDenoiser);
        // the reference of SW2 and its noise floor, for the oracle as for a model: the same points
        assertEquals(expected, ((EmpiricalDistribution) oracle.reference()).points());
        assertEquals(expected, ((EmpiricalDistribution) data.distribution()).points());
        // a model file naming the data can draw it again
        assertEquals(expected, PresetDraw.parse(data.distribution().id()).orElseThrow().points());
    }

    @Test
    void theSeedRedrawsAndTheWholePresetComesBack() {
        DataState d = new DataState();
        d.trainSizeProperty().set(64);
        d.seedProperty().set(3);
        assertEquals(DatasetPreset.MOONS.sample(64, 3), d.data().points());
        d.pointCountProperty().set(500); // the Points box waits while a dataset size is chosen
        assertEquals(64, d.data().points().size());
        d.trainSizeProperty().set(Settings.WHOLE_PRESET);
        assertEquals(500, d.data().points().size());
        assertFalse(d.data().fixed());
        assertEquals(DatasetPreset.MOONS, d.data().distribution(), "the trainer draws 16,384 points afresh again");
    }

    @Test
    void editedPointsAreTheirOwnTrainingSet() {
        DataState d = new DataState();
        d.trainSizeProperty().set(16);
        d.brush(3, 3, 0.2, 4, 0);
        assertEquals(20, d.data().points().size());
        assertEquals(d.data().points(), Trainer.trainingSet(d.data().distribution(), 1));
    }
}
