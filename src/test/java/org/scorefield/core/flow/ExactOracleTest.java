package org.scorefield.core.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.EmpiricalDenoiser;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/** The one rule for the exact path and the exact oracle (docs/math.md §4, §8.3). */
class ExactOracleTest {

    private static final Schedule VP = ScheduleKind.VP.createDefault();
    private static final double[] AT = {0.3, -0.7, 1.1, 0.4};

    @Test
    void flowMatchingFollowsItsLinearPathFromItsSourceAndEveryOtherObjectiveTheProcess() {
        FlowSource eight = FlowSource.of(DatasetPreset.EIGHT_GAUSSIANS);
        ExactPath flow = ExactPath.forSettings(Objective.FLOW_MATCHING, VP, eight);
        assertEquals(ScheduleKind.LINEAR, flow.schedule().kind());
        assertEquals(eight, flow.source());
        assertTrue(flow.isFlow());
        for (Objective o : Objective.values()) {
            if (o != Objective.FLOW_MATCHING) {
                ExactPath p = ExactPath.forSettings(o, VP, eight);
                assertEquals(VP, p.schedule(), o.id());
                assertTrue(p.source().isGaussian(), "a diffusion's x1 is N(0, I) noise whatever the source box says");
                assertFalse(p.isFlow());
            }
        }
        assertFalse(ExactPath.forSettings(Objective.FLOW_MATCHING, VP, FlowSource.gaussian()).isFlow(),
                "flow matching from N(0, I) has a reverse SDE");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new ExactPath(VP, eight),
                "the exact quantities of a flow from another source are those of its linear path only");
    }

    @Test
    void theOracleIsTheFlowOracleThenTheMixtureThenTheMemorisedPoints() {
        var mixture = DatasetPreset.EIGHT_GAUSSIANS.mixture();
        PointSet points = DatasetPreset.MOONS.sample(200, 3);
        double t = 0.4;

        Denoiser closedForm = ExactOracle.of(mixture, points, ExactPath.diffusion(VP));
        assertInstanceOf(GaussianMixtureDenoiser.class, closedForm);
        assertArrayEquals(new GaussianMixtureDenoiser(mixture.orElseThrow(), VP).denoise(AT, t),
                closedForm.denoise(AT, t), 0.0);

        Denoiser memorised = ExactOracle.of(Optional.empty(), points, ExactPath.diffusion(VP));
        assertInstanceOf(EmpiricalDenoiser.class, memorised);
        assertArrayEquals(new EmpiricalDenoiser(points, VP).denoise(AT, t), memorised.denoise(AT, t), 0.0);

        FlowSource source = FlowSource.of(DatasetPreset.EIGHT_GAUSSIANS);
        Denoiser flow = ExactOracle.of(Optional.empty(), points,
                ExactPath.forSettings(Objective.FLOW_MATCHING, VP, source));
        assertInstanceOf(FlowOracle.class, flow);
        assertArrayEquals(FlowOracle.of(Optional.empty(), points, source).denoise(AT, t), flow.denoise(AT, t), 0.0);
    }
}
