package org.scorefield.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorefield.app.jobs.ManualJobs;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.schedule.ScheduleKind;

/** How the model ties its parts together: the exact path, the sampling choice, what goes stale. */
class ExplorerModelTest {

    private final ManualJobs manual = new ManualJobs();
    private final ExplorerModel model = new ExplorerModel(manual.jobs);

    @Test
    void theExactPathIsTheProcessUntilFlowMatchingFromAnotherSourceIsChosen() {
        assertEquals(ScheduleKind.VP, model.exactPath().schedule().kind());
        assertTrue(model.exactPath().source().isGaussian());
        model.training().objectiveProperty().set(Objective.FLOW_MATCHING);
        assertEquals(ScheduleKind.LINEAR, model.exactPath().schedule().kind());
        model.training().sourceProperty().set(SourceOption.named(
                FlowSource.of(DatasetPreset.EIGHT_GAUSSIANS).id()).orElseThrow());
        assertTrue(model.exactPath().isFlow());
        assertEquals("exact oracle (memorised points) from 8 Gaussians", model.samplingChoice().label());
        assertFalse(model.samplingChoice().gaussianNoise(), "no reverse SDE from 8 Gaussians");
    }

    @Test
    void newDataMakesTheRunsStale() {
        model.sampling().resample();
        manual.runAll();
        assertTrue(model.sampling().runsProperty().get().single() != null);
        model.data().presetProperty().set(DatasetPreset.RINGS);
        assertNull(model.sampling().runsProperty().get().single());
    }

    @Test
    void aBadCsvFileIsOneSentenceAndLeavesTheData(@TempDir Path dir) throws Exception {
        double[] before = model.data().data().points().xy();
        Path bad = Files.writeString(dir.resolve("bad.csv"), "x,y\n1,2\nthree,4\n");
        model.importCsv(bad);
        manual.runAll(); // read on the files' lane
        assertTrue(model.messageProperty().get().endsWith("The data is unchanged."), model.messageProperty().get());
        assertEquals(before.length, model.data().data().points().xy().length);
        Path good = Files.writeString(dir.resolve("good.csv"), "x,y\n1,2\n3,4\n5,6\n");
        model.importCsv(good);
        manual.runAll();
        assertEquals("Imported 3 points from good.csv.", model.messageProperty().get());
        Path many = Files.writeString(dir.resolve("many.csv"), "x,y\n" + "1,2\n".repeat(6000));
        model.importCsv(many);
        manual.runAll();
        assertEquals("Imported the first 5,000 of the 6,000 points of many.csv, as many as the window holds.",
                model.messageProperty().get(), "the points left out are said, not dropped silently");
        assertEquals(5000, model.data().data().points().size());
    }
}
