package org.scorefield.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorefield.app.jobs.Lane;
import org.scorefield.app.jobs.ManualJobs;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.settings.AnimationFormat;
import org.scorefield.app.settings.AnimationSubject;
import org.scorefield.core.InvalidInputException;

/**
 * What export refuses, writes and cancels, decided without a window: the files' and the export's
 * lanes are run by the test, so nothing is written on the thread that asked.
 */
class ExportStateTest {

    @TempDir
    Path dir;

    private final ManualJobs manual = new ManualJobs();
    private final ExplorerModel model = new ExplorerModel(manual.jobs);
    private final ExportState export = new ExportState(model);

    @Test
    void samplesAreSavedOnTheFilesLaneAsOneRowPerSample() throws Exception {
        Path out = dir.resolve("samples.csv");
        export.saveSamples(out);
        assertEquals("There are no samples to save yet: press Resample first.", model.messageProperty().get());
        assertEquals(0, manual.lane(Lane.FILES).size());

        model.sampling().countProperty().set(300);
        model.sampling().resample();
        manual.runAll();
        export.saveSamples(out);
        assertFalse(Files.exists(out), "written on the files' lane, not by the caller");
        manual.runAll();
        List<String> lines = Files.readAllLines(out);
        assertEquals("x,y", lines.get(0));
        assertEquals(301, lines.size(), "a header and one row per sample");
        assertEquals("Wrote samples.csv: 300 samples.", model.messageProperty().get());
    }

    @Test
    void guidedSamplesAreSavedWithTheirClassesAndImportGivesThemBack() throws Exception {
        model.data().presetProperty().set(org.scorefield.core.data.DatasetPreset.GMM_LABELLED);
        model.sampling().countProperty().set(200);
        model.sampling().guidedClassProperty().set(org.scorefield.app.settings.Settings.EACH_CLASS);
        model.sampling().resample();
        manual.runAll();
        var run = model.sampling().runsProperty().get().single();
        int[] drawn = run.classes();
        assertEquals(200, drawn.length);
        assertTrue(java.util.Arrays.stream(drawn).distinct().count() == 3, "each of the three classes drawn");
        Path out = dir.resolve("guided.csv");
        export.saveSamples(out);
        manual.runAll();
        assertEquals("x,y,label", Files.readAllLines(out).get(0));

        model.importCsv(out);
        manual.runAll();
        double[][] rows = run.trajectories().positions();
        assertEquals(org.scorefield.core.data.PointSet.of(rows[rows.length - 1], drawn), model.data().data().points(),
                "the end points, each with the class it was guided to");

        // one class for every sample: that class (the preset back first: imported points have no mixture)
        model.data().reloadPreset();
        model.sampling().guidedClassProperty().set(2);
        model.sampling().resample();
        manual.runAll();
        export.saveSamples(out);
        manual.runAll();
        List<String> lines = Files.readAllLines(out);
        assertEquals(201, lines.size());
        assertTrue(lines.stream().skip(1).allMatch(l -> l.endsWith(",2")), lines.get(1));
    }

    @Test
    void aFileThatCannotBeWrittenIsOneSentence() throws Exception {
        model.sampling().resample();
        manual.runAll();
        Path notAFolder = Files.writeString(dir.resolve("plain.txt"), "x");
        export.saveTrajectories(notAFolder.resolve("paths.csv"));
        manual.runAll();
        String said = export.statusProperty().get();
        assertEquals("Cannot write paths.csv: a part of the path is not a folder.", said);
        assertTrue(manual.errors.isEmpty(), "a failed save is a sentence, not an error of the job");
    }

    @Test
    void lossAndFieldSayWhatIsMissingInsteadOfWritingAnEmptyFile() {
        export.saveLoss(dir.resolve("loss.csv"));
        assertEquals("There is no training loss to save yet: train first.", export.statusProperty().get());
        model.view().showFieldProperty().set(false);
        manual.runAll();
        export.saveField(dir.resolve("field.csv"));
        assertEquals("There is no field on the canvas: turn Field on first.", export.statusProperty().get());
        assertEquals(0, manual.lane(Lane.FILES).size());
    }

    @Test
    void animationsOfWhatIsNotOnScreenAreRefusedWithTheStepThatMakesIt() {
        model.export().whatProperty().set(AnimationSubject.REFLOW);
        InvalidInputException reflow = assertThrows(InvalidInputException.class, export::animation);
        assertEquals("There are no Reflow rounds to animate yet: make one in the Reflow section.", reflow.getMessage());

        model.export().whatProperty().set(AnimationSubject.SPLIT);
        InvalidInputException split = assertThrows(InvalidInputException.class, export::animation);
        assertTrue(split.getMessage().startsWith("The ODE vs SDE animation shows the split view's two runs"),
                split.getMessage());

        model.export().whatProperty().set(AnimationSubject.SAMPLING);
        export.exportAnimation(dir.resolve("a.gif"));
        assertEquals("There are no samples to animate yet: press Resample first.", export.statusProperty().get());
        assertFalse(export.runningProperty().get());
        assertEquals(0, manual.lane(Lane.EXPORT).size());
    }

    /** The A vs B view exports as it is on screen: A's pane beside B's, named for what it holds. */
    @Test
    void theAVsBAnimationIsTheViewsTwoPanes() {
        model.export().whatProperty().set(AnimationSubject.COMPARE);
        InvalidInputException off = assertThrows(InvalidInputException.class, export::animation);
        assertTrue(off.getMessage().startsWith("The A vs B animation shows the A vs B view's two models: press A vs B"),
                off.getMessage());
        model.view().compareProperty().set(true);
        model.compare().variesProperty().set(org.scorefield.app.settings.ComparedSetting.SCHEDULE);
        model.compare().scheduleProperty().set(org.scorefield.core.schedule.ScheduleKind.VE);
        model.sampling().resample();
        manual.runAll();
        var animation = export.animation();
        var panels = (org.scorefield.app.export.Animation.Panels) animation.frames();
        assertEquals(2, panels.parts().size());
        assertEquals(2, panels.columns(), "side by side, as on screen");
        assertTrue(panels.parts().get(0).title().startsWith("A  \u00b7  VP linear"), panels.parts().get(0).title());
        assertTrue(panels.parts().get(1).title().startsWith("B  \u00b7  VE geometric"), panels.parts().get(1).title());
        assertTrue(export.suggestedName().startsWith("moons-a-vs-b."), export.suggestedName());
        // B would be A: refused with the view's own sentence
        model.training().objectiveProperty().set(org.scorefield.core.nn.Objective.FLOW_MATCHING);
        model.sampling().resample();
        manual.runAll();
        InvalidInputException same = assertThrows(InvalidInputException.class, export::animation);
        assertTrue(same.getMessage().startsWith("Flow matching ignores the schedule"), same.getMessage());
    }

    /** A name with an ending added after the file chooser asked is saved only when no such file exists. */
    @Test
    void aNameTheChooserDidNotAskAboutReplacesNothing() throws Exception {
        Path taken = dir.resolve("figure.png");
        Files.writeString(taken, "someone else's figure");
        boolean[] saved = {false};
        export.unlessItExists(taken, () -> saved[0] = true);
        assertFalse(saved[0], "checked on the files' lane first");
        manual.runAll();
        assertFalse(saved[0]);
        assertEquals("Not saved: figure.png already exists; choose it by that name to replace it.",
                export.statusProperty().get());
        assertEquals("someone else's figure", Files.readString(taken));
        export.unlessItExists(dir.resolve("fresh.png"), () -> saved[0] = true);
        manual.runAll();
        assertTrue(saved[0], "a free name is saved");
    }

    @Test
    void anExportCancelledBeforeItsFirstFrameWritesNothing() {
        model.sampling().resample();
        manual.runAll();
        model.export().whatProperty().set(AnimationSubject.SAMPLING);
        model.export().formatProperty().set(AnimationFormat.GIF);
        Path out = dir.resolve("sampling.gif");
        export.exportAnimation(out);
        assertTrue(export.runningProperty().get());
        assertEquals(1, manual.lane(Lane.EXPORT).size());
        export.exportAnimation(dir.resolve("second.gif"));
        assertEquals(1, manual.lane(Lane.EXPORT).size(), "one animation export at a time");

        export.cancel();
        manual.runAll();
        assertEquals("Export cancelled; nothing was written.", export.statusProperty().get());
        assertFalse(export.runningProperty().get());
        assertFalse(Files.exists(out));
        assertEquals(0.0, export.progressProperty().get());
    }

    /** A refused animation says why before any file is named, and the name offered says what it holds. */
    @Test
    void anAnimationIsRefusedBeforeItsFileIsNamedAndItsNameSaysWhatItHolds() {
        model.export().whatProperty().set(AnimationSubject.SPLIT);
        model.export().formatProperty().set(AnimationFormat.MP4);
        assertFalse(export.animationReady());
        assertTrue(export.statusProperty().get().contains("press ODE vs SDE"), export.statusProperty().get());
        assertEquals(0, manual.lane(Lane.EXPORT).size());
        assertEquals("moons-ode-vs-sde.mp4", export.suggestedName());
        model.export().whatProperty().set(AnimationSubject.NOISING);
        model.export().formatProperty().set(AnimationFormat.GIF);
        assertTrue(export.animationReady());
        assertEquals("moons-noising.gif", export.suggestedName());
        model.data().clear();
        model.export().formatProperty().set(AnimationFormat.PNG);
        assertEquals("drawn-points-noising", export.suggestedName(), "a folder of frames has no ending");
    }
}
