package org.scorefield.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.head.EdmPreconditioning;
import org.scorefield.core.schedule.Coefficients;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

class ParameterizationTest {

    /**
     * A network that outputs its regression target exactly must denoise exactly: for every objective
     * and schedule, toData(c, x_t, target(x0, ε)) = x0 (docs/math.md §3's conversions, in reverse).
     */
    @ParameterizedTest
    @EnumSource(ScheduleKind.class)
    void theTargetConvertsBackToTheCleanPoint(ScheduleKind kind) {
        Schedule schedule = kind.createDefault();
        for (Objective objective : Objective.values()) {
            if (objective == Objective.FLOW_MATCHING && kind != ScheduleKind.LINEAR) {
                continue;
            }
            Parameterization p = Parameterization.of(objective, schedule);
            for (double t : new double[] {0.05, 0.3, 0.6, 0.9}) {
                Coefficients c = schedule.at(t);
                double x0 = 0.7;
                double y0 = -1.3;
                double ex = -0.4;
                double ey = 1.1;
                double[] target = new double[2];
                double w = p.target(c, x0, y0, ex, ey, target);
                assertEquals(1.0, w, 0.0, objective + " weight");
                double[] xt = {c.alpha() * x0 + c.sigma() * ex, c.alpha() * y0 + c.sigma() * ey};
                double[] back = p.toData(c, xt, target);
                assertEquals(x0, back[0], 1e-9, objective + " " + kind + " t=" + t);
                assertEquals(y0, back[1], 1e-9, objective + " " + kind + " t=" + t);
            }
        }
    }

    @Test
    void edmSeesItsNoiseLevelAndUnitScaleInputs() {
        Schedule edm = ScheduleKind.EDM.createDefault();
        Parameterization p = Parameterization.of(Objective.EDM, edm);
        Coefficients c = edm.at(0.4);
        EdmPreconditioning pre = EdmPreconditioning.standard();
        assertEquals(0.25 * Math.log(c.sigma()), p.timeInput(c), 1e-12);
        assertEquals(1 / Math.sqrt(c.sigma() * c.sigma() + 0.25), p.inputScale(c), 1e-12);
        assertEquals(pre.cIn(1, c.sigma()), p.inputScale(c), 0);
        assertEquals(0.4, Parameterization.of(Objective.EPSILON, edm).timeInput(c), 0);
    }

    @Test
    void likelihoodWeightingIsGSquared() {
        Schedule vp = ScheduleKind.VP.createDefault();
        Parameterization p = new Parameterization(Objective.SCORE, vp, LossWeighting.LIKELIHOOD,
                EdmPreconditioning.standard());
        double[] y = new double[2];
        assertEquals(vp.g2(0.3), p.target(vp.at(0.3), 0, 0, 1, 1, y), 1e-12);
        assertEquals(-1 / vp.sigma(0.3), y[0], 1e-12);
    }

    @Test
    void impossibleCombinationsAreRefusedWithAReason() {
        Schedule vp = ScheduleKind.VP.createDefault();
        var e = assertThrows(InvalidInputException.class, () -> Parameterization.of(Objective.FLOW_MATCHING, vp));
        assertEquals(true, e.getMessage().contains("linear"));
        assertThrows(InvalidInputException.class, () -> new Parameterization(Objective.EPSILON, vp,
                LossWeighting.LIKELIHOOD, EdmPreconditioning.standard()));
    }

    @Test
    void theBenchmarkCountsExactlyTheProductsOfATrainingStep() {
        Architecture a = Architecture.defaults();
        int b = 512;
        long m = a.multiplyAddsPerPoint();
        // forward and weight gradients: 2·B·m each; input gradients: all layers but the first;
        // bias gradients: a ones-vector product per layer
        long expected = 2L * b * m * 2 + 2L * b * (m - (long) a.inputSize() * a.width())
                + 2L * b * (a.depth() * a.width() + 2);
        assertEquals(expected, GemmShape.flops(GemmShape.trainingStep(a, b)));
        GemmCeiling ceiling = new GemmCeiling(GemmShape.trainingStep(a.withSize(8, 2), 16));
        assertEquals(true, ceiling.run(2) > 0);
        // a step's shards split the rows, not the products: the same FLOPs on one thread or two
        for (int batch : new int[] {512, 1024}) {
            for (int threads = 1; threads <= 2; threads++) {
                GemmCeiling sharded = GemmCeiling.ofTrainingStep(a, batch, threads);
                assertEquals(threads, sharded.threads());
                assertEquals(expected * batch / b, sharded.flops(), "batch " + batch);
            }
        }
    }
}
