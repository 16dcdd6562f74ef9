package org.scorefield.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorefield.app.jobs.ManualJobs;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.model.SamplingState;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.metric.SampleQuality;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The status bar's SW2/floor where the data is a fixed draw of a preset (Data ▸ Dataset size): it says
 * that it is measured against the training points, and gives the ratio against the preset beside it
 * (docs/math.md §11.7). The exact oracle of 16 points memorises them, so it is the test's copying model.
 */
@ExtendWith(ApplicationExtension.class)
class FixedDrawStatusTest {

    @Start
    void start(Stage stage) {
        // the status bar's class needs the toolkit; its text is composed without a window
    }

    private final ManualJobs manual = new ManualJobs();
    private final ExplorerModel model = new ExplorerModel(manual.jobs);

    private SamplingState.Run sample() {
        model.sampling().countProperty().set(1000);
        model.sampling().resample();
        manual.runAll();
        return model.sampling().runsProperty().get().single();
    }

    @Test
    void aMemorisingOracleOfSixteenPointsLooksPerfectOnlyAgainstThosePoints() {
        model.data().trainSizeProperty().set(16);
        SamplingState.Run run = sample();
        StringBuilder s = new StringBuilder();
        ExplorerStatusBar.appendQuality(s, "SW2/floor", run, true);
        Matcher m = Pattern.compile("  \u00b7  SW2/floor (\\d+\\.\\d\\d) \\(vs the 16 training points\\)  \u00b7  "
                + "vs moons (\\d+\\.\\d\\d)").matcher(s);
        assertTrue(m.matches(), s.toString());
        double vsPoints = Double.parseDouble(m.group(1));
        double vsMoons = Double.parseDouble(m.group(2));
        assertTrue(vsPoints < 1.3, "the copies are as close to the 16 points as fresh draws of them: " + vsPoints);
        assertTrue(vsMoons > 1.5, "and far from the preset: " + vsMoons);
        // measured against the preset with the run's seed, over the floor of as many preset points
        double[][] rows = run.trajectories().positions();
        double expected = SampleQuality.of(rows[rows.length - 1], DatasetPreset.MOONS, run.seed()).sw2().ratio();
        assertEquals(String.format(Locale.ROOT, "%.2f", expected), m.group(2));
        assertEquals(DatasetPreset.MOONS, run.vsPreset().orElseThrow().draw().preset());

        // the split view's second run: the ratio against the preset, without repeating what the first is against
        StringBuilder sde = new StringBuilder();
        ExplorerStatusBar.appendQuality(sde, "SDE", run, false);
        assertTrue(sde.toString().matches("  \u00b7  SDE \\d+\\.\\d\\d  \u00b7  vs moons \\d+\\.\\d\\d"), sde.toString());
    }

    @Test
    void theWholePresetIsMeasuredAgainstItselfAlone() {
        SamplingState.Run run = sample();
        assertFalse(run.vsPreset().isPresent());
        StringBuilder s = new StringBuilder();
        ExplorerStatusBar.appendQuality(s, "SW2/floor", run, true);
        assertTrue(s.toString().matches("  \u00b7  SW2/floor \\d+\\.\\d\\d"), s.toString());
    }
}
