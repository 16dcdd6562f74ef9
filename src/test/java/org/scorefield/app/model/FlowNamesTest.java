package org.scorefield.app.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.app.jobs.ManualJobs;
import org.scorefield.app.settings.FieldSource;
import org.scorefield.core.field.FieldKind;
import org.scorefield.core.nn.Objective;

/** A flow between two data sets is named as such: its velocity is the flow's, and its guide says "source". */
class FlowNamesTest {

    private final ManualJobs manual = new ManualJobs();
    private final ExplorerModel model = new ExplorerModel(manual.jobs);

    @Test
    void aFlowFromAnotherSourceIsNotCalledAProbabilityFlow() {
        model.view().showFieldProperty().set(true);
        model.view().fieldKindProperty().set(FieldKind.VELOCITY);
        model.view().fieldSourceProperty().set(FieldSource.EXACT);
        model.training().objectiveProperty().set(Objective.FLOW_MATCHING);
        manual.runAll();
        String gaussian = model.layers().layersProperty().get().caption();
        assertTrue(gaussian.contains("PF-ODE velocity"), "from N(0, I) the linear path is a diffusion: " + gaussian);

        model.training().sourceProperty().set(SourceOption.named("8gaussians").orElseThrow());
        model.view().splitProperty().set(true);
        manual.runAll();
        String flow = model.layers().layersProperty().get().caption();
        assertTrue(flow.startsWith("exact flow velocity dx/dt at t = "), flow);
        String advice = model.guide().adviceProperty().get().text();
        assertTrue(advice.endsWith("A flow between data sets has an ODE alone."), advice);
    }
}
