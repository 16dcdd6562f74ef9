package org.scorefield.core.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.EmpiricalDenoiser;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/** The exact p_t of docs/math.md §4.5 against closed forms and a direct sum. */
class ExactDensityTest {

    @Test
    void mixtureOfOneGaussianHasTheClosedFormDensity() {
        Schedule vp = ScheduleKind.VP.createDefault();
        GridSpec spec = new GridSpec(-4, 4, -3, 3, 17, 13);
        for (double t : new double[] {0, 0.2, 0.7}) {
            ScalarGrid log = ExactDensity.logDensityGrid(FieldKindTest.gaussian(vp), spec, t);
            double a = vp.alpha(t);
            double var = a * a * FieldKindTest.S * FieldKindTest.S + vp.sigma(t) * vp.sigma(t);
            for (int j = 0; j < spec.ny(); j++) {
                for (int i = 0; i < spec.nx(); i++) {
                    double dx = spec.x(i) - a * FieldKindTest.MX;
                    double dy = spec.y(j) - a * FieldKindTest.MY;
                    double expected = -Math.log(2 * Math.PI * var) - (dx * dx + dy * dy) / (2 * var);
                    assertEquals(expected, log.value(i, j), 1e-10);
                }
            }
        }
    }

    @Test
    void onePointIsOneGaussian() {
        PointSet one = PointSet.of(new double[] {0.5, -1});
        GridSpec spec = GridSpec.square(4, 16);
        double alpha = 0.8;
        double sigma = 0.05; // far cells are 10⁴ nats down: the direct fallback answers there
        ScalarGrid log = ExactDensity.logDensityGrid(one, alpha, sigma, spec);
        for (int j = 0; j < 16; j++) {
            for (int i = 0; i < 16; i++) {
                double dx = spec.x(i) - alpha * 0.5;
                double dy = spec.y(j) + alpha;
                double expected = -Math.log(2 * Math.PI * sigma * sigma) - (dx * dx + dy * dy) / (2 * sigma * sigma);
                assertEquals(expected, log.value(i, j), 1e-9 * Math.abs(expected) + 1e-10);
            }
        }
    }

    @Test
    void theFactorisedSumEqualsADirectLogSumExp() {
        PointSet data = DatasetPreset.MOONS.sample(300, 4);
        double[] xy = data.xy();
        GridSpec spec = new GridSpec(-3, 3.5, -2.5, 2, 23, 19);
        for (double sigma : new double[] {0.02, 0.15, 1.0}) {
            double alpha = Math.sqrt(1 - sigma * sigma / 2);
            ScalarGrid grid = ExactDensity.logDensityGrid(data, alpha, sigma, spec);
            for (int j = 0; j < spec.ny(); j++) {
                for (int i = 0; i < spec.nx(); i++) {
                    double max = Double.NEGATIVE_INFINITY;
                    double[] e = new double[data.size()];
                    for (int p = 0; p < e.length; p++) {
                        double dx = spec.x(i) - alpha * xy[2 * p];
                        double dy = spec.y(j) - alpha * xy[2 * p + 1];
                        e[p] = -(dx * dx + dy * dy) / (2 * sigma * sigma);
                        max = Math.max(max, e[p]);
                    }
                    double sum = 0;
                    for (double v : e) {
                        sum += Math.exp(v - max);
                    }
                    double expected = max + Math.log(sum) - Math.log(e.length) - Math.log(2 * Math.PI * sigma * sigma);
                    assertEquals(expected, grid.value(i, j), 1e-9 * (1 + Math.abs(expected)), "σ = " + sigma);
                }
            }
        }
    }

    @Test
    void theEmpiricalDensityIntegratesToOne() {
        PointSet data = DatasetPreset.MOONS.sample(500, 2);
        Schedule vp = ScheduleKind.VP.createDefault();
        GridSpec spec = GridSpec.square(7, 240);
        for (double t : new double[] {0.05, 0.3, 1.0}) {
            ScalarGrid log = ExactDensity.logDensityGrid(new EmpiricalDenoiser(data, vp), spec, t);
            double mass = 0;
            for (double v : log.values()) {
                mass += Math.exp(v) * spec.dx() * spec.dy();
            }
            assertEquals(1, mass, 2e-3, "t = " + t);
        }
    }

    @Test
    void atTimeZeroTheEmpiricalDensityIsTakenAtTMinAndStaysFinite() {
        PointSet data = DatasetPreset.MOONS.sample(200, 3);
        Schedule vp = ScheduleKind.VP.createDefault();
        GridSpec spec = GridSpec.square(4, 32);
        ScalarGrid at0 = ExactDensity.logDensityGrid(data, vp, spec, 0);
        ScalarGrid atMin = ExactDensity.logDensityGrid(data, vp, spec, vp.tMin());
        for (int k = 0; k < spec.size(); k++) {
            assertTrue(Double.isFinite(at0.values()[k]));
            assertEquals(atMin.values()[k], at0.values()[k], 0);
        }
    }
}
