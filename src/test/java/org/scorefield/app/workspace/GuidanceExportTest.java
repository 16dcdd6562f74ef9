package org.scorefield.app.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.app.export.Animation;
import org.scorefield.app.jobs.ManualJobs;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.settings.AnimationSubject;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.guidance.ExactGuidance;
import org.scorefield.core.sample.Recording;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.Sampling;

/** The "ω a vs b" view and the guidance sweep as the window's export makes them, without a window. */
class GuidanceExportTest {

    private final ManualJobs manual = new ManualJobs();
    private final ExplorerModel model = new ExplorerModel(manual.jobs);
    private final ExportState export = new ExportState(model);

    {
        model.data().presetProperty().set(DatasetPreset.GMM_LABELLED);
        model.sampling().countProperty().set(200);
        model.sampling().solverProperty().set(SamplerKind.HEUN);
        model.sampling().stepsProperty().set(12);
        model.sampling().omegaProperty().set(1);
        model.sampling().omegaBProperty().set(4);
    }

    private double[] core(int c, double omega) {
        ExactGuidance exact = new ExactGuidance(DatasetPreset.GMM_LABELLED.mixture().orElseThrow(),
                model.process().schedule());
        return Sampling.fromPrior(exact.guided(c, omega), model.sampling().settings(), 200,
                model.sampling().seedProperty().get(), Recording.NONE).samples();
    }

    private static double[] last(org.scorefield.core.sample.Trajectories paths) {
        return paths.positions()[paths.length() - 1];
    }

    @Test
    void theOmegaAVsBAnimationIsTheViewsTwoPanesAsOnScreen() {
        model.export().whatProperty().set(AnimationSubject.GUIDANCE_SPLIT);
        InvalidInputException off = assertThrows(InvalidInputException.class, export::animation);
        assertTrue(off.getMessage().startsWith("The \u03c9 a vs b animation shows that view's two panes"),
                off.getMessage());
        model.view().omegaSplitProperty().set(true);
        model.sampling().resample();
        manual.runAll();
        InvalidInputException noClass = assertThrows(InvalidInputException.class, export::animation);
        assertTrue(noClass.getMessage().startsWith("Choose a class in Sampling \u25b8 Guidance"), noClass.getMessage());

        model.sampling().guidedClassProperty().set(2);
        model.sampling().resample();
        manual.runAll();
        var panels = (Animation.Panels) export.animation().frames();
        assertEquals(2, panels.parts().size());
        assertEquals(2, panels.columns(), "side by side, as on screen");
        assertTrue(panels.parts().get(0).title().startsWith("\u03c9 = 1  \u00b7  class 2"), panels.parts().get(0).title());
        assertTrue(panels.parts().get(1).title().startsWith("\u03c9 = 4  \u00b7  class 2"), panels.parts().get(1).title());
        // each panel draws its own run: the right one is the core's guided oracle at ω of B
        assertSame(model.guidanceSplit().runProperty().get().trajectories(), panels.parts().get(1).at(0).trajectories());
        assertArrayEquals(core(2, 4), last(panels.parts().get(1).at(0).trajectories()), 0.0);
        assertArrayEquals(core(2, 1), last(panels.parts().get(0).at(0).trajectories()), 0.0);
        assertTrue(export.suggestedName().startsWith("gmm-labelled-omega-a-vs-b."), export.suggestedName());
    }

    @Test
    void theGuidanceSweepStartsUnguidedAndEndsAtTheLargerOmega() {
        model.export().whatProperty().set(AnimationSubject.GUIDANCE);
        InvalidInputException none = assertThrows(InvalidInputException.class, export::animation);
        assertEquals("The guidance sweep guides the samples to one class: choose one in Sampling \u25b8 Guidance.",
                none.getMessage());
        model.sampling().guidedClassProperty().set(Settings.EACH_CLASS);
        assertThrows(InvalidInputException.class, export::animation);

        model.sampling().guidedClassProperty().set(1);
        Animation animation = export.animation();
        Animation.Content sweep = animation.frames();
        assertEquals(0, sweep.startTime(), "\u03c9 = 0 first");
        // sampled when the first frame is asked for, in the export's thread (here, this one)
        assertArrayEquals(core(1, 0), last(sweep.at(0).trajectories()), 0.0, "\u03c9 = 0: the unguided samples");
        assertArrayEquals(core(1, 4), last(sweep.at(1).trajectories()), 0.0, "\u03c9 = 4, the larger of 1 and 4");
        assertTrue(sweep.label(1).startsWith("\u03c9 = 4.00"), sweep.label(1));
        assertTrue(sweep.label(0.5).startsWith("\u03c9 = 2.00"), sweep.label(0.5));
        assertEquals(org.scorefield.app.canvas.HeatmapStyle.TILTED, sweep.at(0.5).heatmapStyle());
        assertTrue(export.suggestedName().startsWith("gmm-labelled-guidance-sweep."), export.suggestedName());

        model.data().presetProperty().set(DatasetPreset.GAUSSIAN);
        InvalidInputException one = assertThrows(InvalidInputException.class, export::animation);
        assertTrue(one.getMessage().contains("no classes"), one.getMessage());
    }
}
