package org.scorefield.core.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.scorefield.core.Progress;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.EmpiricalDenoiser;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.ScalarGrid;
import org.scorefield.core.schedule.ScheduleKind;

/** The log p_0 map (docs/math.md §7.5) of oracles whose density is known. */
class LogDensityMapTest {

    /**
     * The 8gaussians oracle's map, through the same two passes as a model's, matches the mixture's
     * density at t = 0 computed by hand over every cell the heatmap colours (the top 8 nats).
     */
    @Test
    void theOraclesMapIsTheMixtureDensity() {
        GaussianMixtureDenoiser oracle = new GaussianMixtureDenoiser(DatasetPreset.EIGHT_GAUSSIANS.mixture()
                .orElseThrow(), ScheduleKind.VP.createDefault());
        GridSpec spec = GridSpec.square(2.5, 24);
        AtomicReference<ScalarGrid> coarse = new AtomicReference<>();
        LogDensityMap.Map map = LogDensityMap.compute(oracle, spec, LogDensityMap.defaults(), null, 8,
                Progress.NONE, coarse::set);
        double[] byHand = new double[spec.size()];
        double max = Double.NEGATIVE_INFINITY;
        double s2 = DatasetPreset.EIGHT_GAUSSIANS_STD * DatasetPreset.EIGHT_GAUSSIANS_STD;
        for (int k = 0; k < spec.size(); k++) {
            double x = spec.points()[2 * k];
            double y = spec.points()[2 * k + 1];
            double sum = 0;
            for (int c = 0; c < 8; c++) {
                double a = 2 * Math.PI * c / 8;
                double dx = x - DatasetPreset.EIGHT_GAUSSIANS_RADIUS * Math.cos(a);
                double dy = y - DatasetPreset.EIGHT_GAUSSIANS_RADIUS * Math.sin(a);
                sum += Math.exp(-(dx * dx + dy * dy) / (2 * s2)) / (2 * Math.PI * s2) / 8;
            }
            byHand[k] = Math.log(sum);
            max = Math.max(max, byHand[k]);
        }
        double meanError = 0;
        int shown = 0;
        for (int k = 0; k < spec.size(); k++) {
            if (byHand[k] > max - 8) {
                assertTrue(map.refined()[k], "cell " + k + " is coloured but was not integrated");
                double e = Math.abs(map.logDensity().values()[k] - byHand[k]);
                assertTrue(e < 0.5, "cell " + k + " off by " + e); // 0.40 at most, 7 nats below the top
                meanError += e;
                shown++;
            }
        }
        assertTrue(meanError / shown < 0.06, "mean error " + meanError / shown); // 0.042
        assertEquals(spec, coarse.get().spec());
        assertEquals(12 * 12, map.coarseCells());
        assertEquals((12 + 24) * 2L, map.evaluations()); // 12 Heun steps coarse, 24 fine, two calls each
        // the exact grid beside it is the mixture's own
        ScalarGrid exact = LogDensityMap.exact(oracle, spec, 1e-3).orElseThrow().grid();
        for (int k = 0; k < spec.size(); k++) {
            assertEquals(byHand[k], exact.values()[k], 1e-9);
        }
    }

    /** Memorised points are compared with themselves blurred by σ(t_min)/α(t_min), written out by hand. */
    @Test
    void memorisedPointsAreComparedBlurred() {
        var schedule = ScheduleKind.VP.createDefault();
        PointSet points = PointSet.of(new double[] {0.5, -0.25, -1, 1});
        EmpiricalDenoiser oracle = new EmpiricalDenoiser(points, schedule);
        GridSpec spec = GridSpec.square(2, 4);
        double tMin = 0.05;
        LogDensityMap.Exact exact = LogDensityMap.exact(oracle, spec, tMin).orElseThrow();
        double h = schedule.sigma(tMin) / schedule.alpha(tMin);
        for (int k = 0; k < spec.size(); k++) {
            double x = spec.points()[2 * k];
            double y = spec.points()[2 * k + 1];
            double sum = 0;
            for (int p = 0; p < 2; p++) {
                double dx = x - points.xy()[2 * p];
                double dy = y - points.xy()[2 * p + 1];
                sum += Math.exp(-(dx * dx + dy * dy) / (2 * h * h)) / (2 * Math.PI * h * h) / 2;
            }
            assertEquals(Math.log(sum), exact.grid().values()[k], 1e-9);
        }
        assertTrue(exact.label().startsWith("memorised points  at t_min"));
    }

    /** Bilinear interpolation reproduces a linear function exactly, inside and clamped at the border. */
    @Test
    void interpolationIsExactForPlanes() {
        GridSpec from = GridSpec.square(1, 5);
        double[] v = new double[from.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = 3 * from.points()[2 * k] - 2 * from.points()[2 * k + 1] + 1;
        }
        GridSpec to = new GridSpec(-0.8, 0.8, -0.8, 0.8, 7, 9);
        double[] out = LogDensityMap.interpolate(new ScalarGrid(from, v), to);
        for (int k = 0; k < out.length; k++) {
            assertEquals(3 * to.points()[2 * k] - 2 * to.points()[2 * k + 1] + 1, out[k], 1e-12);
        }
    }

    /** A cancel stops the work at the next step; progress rises to 1. */
    @Test
    void itReportsAndCancels() {
        GaussianMixtureDenoiser oracle = new GaussianMixtureDenoiser(DatasetPreset.EIGHT_GAUSSIANS.mixture()
                .orElseThrow(), ScheduleKind.VP.createDefault());
        GridSpec spec = GridSpec.square(2.5, 8);
        double[] last = {-1};
        boolean[] rising = {true};
        LogDensityMap.compute(oracle, spec, LogDensityMap.defaults().withSteps(4), null, 8, (phase, f) -> {
            rising[0] &= f >= last[0];
            last[0] = f;
        }, g -> { });
        assertTrue(rising[0]);
        assertEquals(1, last[0]);
        int[] calls = {0};
        Progress cancelling = new Progress() {
            @Override
            public void update(String phase, double fraction) {
                calls[0]++;
            }

            @Override
            public boolean cancelled() {
                return calls[0] >= 3;
            }
        };
        assertThrows(CancellationException.class, () -> LogDensityMap.compute(oracle, spec,
                LogDensityMap.defaults().withSteps(4), null, 8, cancelling, g -> { }));
    }
}
