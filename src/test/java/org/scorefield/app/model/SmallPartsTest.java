package org.scorefield.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.app.jobs.Lane;
import org.scorefield.app.jobs.ManualJobs;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.schedule.ScheduleKind;

/** The model's small parts: which denoiser a choice names, and how progress is followed. */
class SmallPartsTest {

    @Test
    void anExactChoiceNamesItsOracleAndItsReference() {
        DataState data = new DataState();
        data.presetProperty().set(DatasetPreset.EIGHT_GAUSSIANS);
        DenoiserChoice mixture = DenoiserChoice.exact(data.data(), ScheduleKind.VP.createDefault());
        assertEquals("exact oracle (mixture)", mixture.label());
        assertEquals(DatasetPreset.EIGHT_GAUSSIANS, mixture.reference());
        assertTrue(mixture.gaussianNoise());
        data.erase(100, 100, 1); // nothing there: still the preset
        data.brush(0, 0, 0.1, 3, 0);
        DenoiserChoice points = DenoiserChoice.exact(data.data(), ScheduleKind.VP.createDefault());
        assertEquals("exact oracle (memorised points)", points.label());
        assertTrue(points.reference() instanceof EmpiricalDistribution, "compared with the points themselves");
        DenoiserChoice flow = DenoiserChoice.exact(data.data(), ScheduleKind.LINEAR.createDefault(),
                FlowSource.of(DatasetPreset.MOONS));
        assertFalse(flow.gaussianNoise());
    }

    @Test
    void progressFollowsTheRunningJobUntilItsOwnerHasTheLastWord() throws Exception {
        ManualJobs manual = new ManualJobs();
        JobProgress progress = new JobProgress(manual.jobs, "k");
        progress.start("Starting…");
        manual.jobs.<String>job("k", Lane.COMPUTE).start(job -> {
            job.update("halfway", 0.5);
            manual.deliver(); // the window's pulse while the work runs
            return "done";
        }, r -> progress.set("Done.", 1));
        assertEquals("Starting…", progress.phaseProperty().get());
        manual.runAll();
        assertEquals("Done.", progress.phaseProperty().get());
        assertEquals(1, progress.fractionProperty().get());
    }
}
