package org.scorefield.core.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.data.GaussianMixture.Component;
import org.scorefield.core.denoise.CountingDenoiser;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/** The score and PF-ODE velocity grids against the closed form of one isotropic Gaussian (docs/math.md §4.4, §6.3). */
class FieldKindTest {

    static final double MX = 0.7;
    static final double MY = -0.4;
    static final double S = 0.6;
    static final GridSpec GRID = new GridSpec(-3, 2.5, -2, 3, 9, 7);

    static GaussianMixtureDenoiser gaussian(Schedule schedule) {
        return new GaussianMixtureDenoiser(new GaussianMixture(List.of(Component.isotropic(1, MX, MY, S, 0))), schedule);
    }

    @Test
    void scoreIsThatOfTheNoisedGaussian() {
        for (ScheduleKind kind : new ScheduleKind[] {ScheduleKind.VP, ScheduleKind.LINEAR, ScheduleKind.VE}) {
            Schedule schedule = kind.createDefault();
            for (double t : new double[] {0.05, 0.3, 0.8}) {
                VectorGrid score = FieldKind.SCORE.evaluate(gaussian(schedule), GRID, t);
                // p_t = N(α m, (α² s² + σ²) I): ∇log p_t = −(x − α m)/(α² s² + σ²).
                double a = schedule.alpha(t);
                double var = a * a * S * S + schedule.sigma(t) * schedule.sigma(t);
                for (int j = 0; j < GRID.ny(); j++) {
                    for (int i = 0; i < GRID.nx(); i++) {
                        double x = -3 + (i + 0.5) * 5.5 / 9;
                        double y = -2 + (j + 0.5) * 5.0 / 7;
                        assertEquals(-(x - a * MX) / var, score.vx(i, j), 1e-9 * (1 + Math.abs(score.vx(i, j))));
                        assertEquals(-(y - a * MY) / var, score.vy(i, j), 1e-9 * (1 + Math.abs(score.vy(i, j))));
                    }
                }
            }
        }
    }

    @Test
    void velocityIsDriftMinusHalfG2TimesScore() {
        for (ScheduleKind kind : new ScheduleKind[] {ScheduleKind.VP, ScheduleKind.LINEAR, ScheduleKind.TRIG}) {
            Schedule schedule = kind.createDefault();
            for (double t : new double[] {0.1, 0.5, 0.9}) {
                VectorGrid u = FieldKind.VELOCITY.evaluate(gaussian(schedule), GRID, t);
                double a = schedule.alpha(t);
                double var = a * a * S * S + schedule.sigma(t) * schedule.sigma(t);
                double f = schedule.f(t);
                double g2 = schedule.g2(t);
                double[] p = GRID.points();
                for (int k = 0; k < GRID.size(); k++) {
                    double x = p[2 * k];
                    double y = p[2 * k + 1];
                    double ux = f * x + 0.5 * g2 * (x - a * MX) / var;
                    double uy = f * y + 0.5 * g2 * (y - a * MY) / var;
                    assertEquals(ux, u.values()[2 * k], 1e-8 * (1 + Math.abs(ux)), kind + " t=" + t);
                    assertEquals(uy, u.values()[2 * k + 1], 1e-8 * (1 + Math.abs(uy)), kind + " t=" + t);
                }
            }
        }
    }

    @Test
    void oneEvaluationIsOneNfe() {
        for (FieldKind kind : FieldKind.values()) {
            CountingDenoiser counting = new CountingDenoiser(gaussian(ScheduleKind.VP.createDefault()));
            kind.evaluate(counting, gaussian(ScheduleKind.VP.createDefault()), GridSpec.square(4, 32), 0.4);
            assertEquals(1, counting.calls(), kind.id());
        }
    }

    @Test
    void aTimeWithoutNoiseIsRefused() {
        GaussianMixtureDenoiser d = gaussian(ScheduleKind.VP.createDefault());
        assertThrows(IllegalArgumentException.class, () -> FieldKind.SCORE.evaluate(d, GRID, 0));
        assertThrows(IllegalArgumentException.class, () -> FieldKind.VELOCITY.evaluate(d, GRID, 1.5));
        assertThrows(IllegalArgumentException.class, () -> FieldKind.FLUX.evaluate(d, GRID, 0));
        // a flux needs an exact density: a denoiser that is not an oracle has none
        assertThrows(org.scorefield.core.InvalidInputException.class,
                () -> FieldKind.FLUX.evaluate(new CountingDenoiser(d), GRID, 0.5));
    }

    @Test
    void differenceIsTheLengthOfTheGap() {
        GridSpec spec = GridSpec.square(1, 2);
        VectorGrid a = new VectorGrid(spec, new double[] {1, 0, 0, 0, 3, 4, -1, -1});
        VectorGrid b = new VectorGrid(spec, new double[] {0, 0, 0, 0, 0, 0, 2, 3});
        assertEquals(java.util.Arrays.toString(new double[] {1, 0, 5, 5}),
                java.util.Arrays.toString(FieldDifference.magnitude(a, b).values()));
        assertThrows(IllegalArgumentException.class,
                () -> FieldDifference.magnitude(a, new VectorGrid(GridSpec.square(2, 2), new double[8])));
    }
}
