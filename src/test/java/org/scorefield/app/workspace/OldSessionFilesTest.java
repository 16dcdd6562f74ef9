package org.scorefield.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.scorefield.app.jobs.ManualJobs;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.settings.AnimationFormat;
import org.scorefield.app.settings.AnimationSubject;
import org.scorefield.app.settings.CanvasTool;
import org.scorefield.app.settings.Driver;
import org.scorefield.app.settings.FieldSource;
import org.scorefield.app.settings.FrameSize;
import org.scorefield.app.theme.Look;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.field.FieldKind;
import org.scorefield.core.flow.CouplingKind;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.schedule.GridKind;
import org.scorefield.core.schedule.ScheduleKind;
import org.scorefield.core.session.SessionFile;

/**
 * Sessions saved by the window of an earlier build (cb4a3a7, before the settings table) open with
 * every value its window was set to: version 1, and version 2 with drawn points as the source. The
 * expected values are those that build's window was set to when it saved them.
 */
class OldSessionFilesTest {

    private final ExplorerModel model = new ExplorerModel(new ManualJobs().jobs);

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(OldSessionFilesTest.class.getResource(name).toURI());
    }

    @Test
    void aVersionOneSessionOpensWithEverySettingItsWindowHad() throws Exception {
        new SessionCodec(model).apply(SessionFile.load(resource("cb4a3a7-v1.scorefield")));
        assertEquals(DatasetPreset.RINGS, model.data().presetProperty().get());
        assertEquals(750, model.data().pointCountProperty().get());
        assertEquals(31, model.data().seedProperty().get());
        assertEquals(ScheduleKind.VP_COSINE, model.process().kindProperty().get());
        var t = model.training();
        assertEquals(Objective.FLOW_MATCHING, t.objectiveProperty().get());
        assertEquals(CouplingKind.SINKHORN, t.couplingProperty().get());
        assertEquals(0.32, t.sinkhornEpsilonProperty().get());
        assertEquals(64, t.widthProperty().get());
        assertEquals(4, t.depthProperty().get());
        assertEquals(3e-3, t.learningRateProperty().get());
        assertEquals(1024, t.batchProperty().get());
        assertFalse(t.emaProperty().get());
        assertEquals(77, t.seedProperty().get());
        assertFalse(t.refreshSamplesProperty().get());
        assertEquals(1200, t.refreshEveryProperty().get());
        assertTrue(t.sourceProperty().get().source().isGaussian());
        var r = model.reflow();
        assertEquals(5000, r.pairsProperty().get());
        assertEquals(2000, r.trainStepsProperty().get());
        assertFalse(r.fineTuneProperty().get());
        assertFalse(r.sideBySideProperty().get());
        var s = model.sampling();
        assertEquals(Driver.EXACT, s.driverProperty().get());
        assertEquals(SamplerKind.DPM2M, s.solverProperty().get());
        assertEquals(40, s.stepsProperty().get());
        assertEquals(GridKind.EDM, s.gridProperty().get());
        assertEquals(0.5, s.etaProperty().get());
        assertEquals(123456, s.seedProperty().get());
        assertTrue(s.showDenoisedProperty().get());
        var v = model.view();
        assertEquals(0.25, v.timeProperty().get());
        assertTrue(v.roundsViewProperty().get());
        assertEquals(CanvasTool.ERASE, v.toolProperty().get());
        assertFalse(v.showDataProperty().get());
        assertTrue(v.showDensityProperty().get());
        assertTrue(v.showFieldProperty().get());
        assertEquals(FieldKind.VELOCITY, v.fieldKindProperty().get());
        assertEquals(FieldSource.EXACT, v.fieldSourceProperty().get());
        assertTrue(v.streamlinesProperty().get());
        assertEquals(32, v.fieldResolutionProperty().get());
        assertEquals(2.0, v.arrowScaleProperty().get());
        assertEquals(new Look(true, true), v.lookProperty().get());
        var e = model.export();
        assertEquals(AnimationSubject.NOISING, e.whatProperty().get());
        assertEquals(AnimationFormat.GIF, e.formatProperty().get());
        assertEquals(FrameSize.SQUARE, e.sizeProperty().get());
        assertEquals(60, e.fpsProperty().get());
        assertEquals(12.0, e.secondsProperty().get());
        assertFalse(e.overlayProperty().get());
    }

    @Test
    void aVersionTwoSessionBringsItsDrawnSource() throws Exception {
        new SessionCodec(model).apply(SessionFile.load(resource("cb4a3a7-v2.scorefield")));
        assertEquals(DatasetPreset.MOONS, model.data().presetProperty().get());
        var source = model.training().sourceProperty().get();
        assertFalse(source.source().isGaussian());
        assertTrue(source.label().startsWith("drawn ("), source.label());
        assertEquals(Objective.FLOW_MATCHING, model.training().objectiveProperty().get());
        assertTrue(model.exactPath().isFlow(), "flow matching from the drawn points");
    }
}
