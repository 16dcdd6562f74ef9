package org.scorefield.core.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.denoise.EmpiricalDenoiser;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/** The flux p_t·û against the closed form of one isotropic Gaussian (docs/math.md §4.4, §8.10). */
class ProbabilityFluxTest {

    @Test
    void fluxIsTheGaussianDensityTimesItsVelocity() {
        for (ScheduleKind kind : new ScheduleKind[] {ScheduleKind.VP, ScheduleKind.LINEAR}) {
            Schedule schedule = kind.createDefault();
            GaussianMixtureDenoiser g = FieldKindTest.gaussian(schedule);
            double t = 0.4;
            VectorGrid j = ProbabilityFlux.grid(g, g, FieldKindTest.GRID, t);
            double a = schedule.alpha(t);
            double var = a * a * FieldKindTest.S * FieldKindTest.S + schedule.sigma(t) * schedule.sigma(t);
            double f = schedule.f(t);
            double g2 = schedule.g2(t);
            double[] p = FieldKindTest.GRID.points();
            for (int k = 0; k < FieldKindTest.GRID.size(); k++) {
                double dx = p[2 * k] - a * FieldKindTest.MX;
                double dy = p[2 * k + 1] - a * FieldKindTest.MY;
                double density = Math.exp(-(dx * dx + dy * dy) / (2 * var)) / (2 * Math.PI * var);
                double ux = f * p[2 * k] + 0.5 * g2 * dx / var;
                double uy = f * p[2 * k + 1] + 0.5 * g2 * dy / var;
                assertEquals(density * ux, j.values()[2 * k], 1e-9 * (1e-3 + Math.abs(density * ux)), kind.id());
                assertEquals(density * uy, j.values()[2 * k + 1], 1e-9 * (1e-3 + Math.abs(density * uy)), kind.id());
            }
        }
    }

    @Test
    void pointDensityOfMemorisedPointsMatchesTheGrid() {
        var points = DatasetPreset.MOONS.sample(80, 5);
        EmpiricalDenoiser oracle = new EmpiricalDenoiser(points, ScheduleKind.VP.createDefault());
        GridSpec spec = new GridSpec(-2, 2, -1.5, 1.5, 7, 6);
        double[] grid = ExactDensity.logDensityGrid(oracle, spec, 0.1).values();
        double[] direct = ExactDensity.logDensity(oracle, spec.points(), 0.1);
        for (int k = 0; k < grid.length; k++) {
            assertEquals(grid[k], direct[k], 1e-9 * (1 + Math.abs(grid[k])));
        }
    }

    @Test
    void refusesWhereSigmaIsZero() {
        GaussianMixtureDenoiser g = FieldKindTest.gaussian(ScheduleKind.VP.createDefault());
        assertThrows(IllegalArgumentException.class, () -> ProbabilityFlux.grid(g, g, FieldKindTest.GRID, 0));
    }
}
