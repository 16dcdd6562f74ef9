package org.scorefield.core.denoise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/** The mean-shift view's numbers (docs/math.md §6.4) against hand computations. */
class MeanShiftProbeTest {

    @Test
    void theDiscsAreThePointsWhoseSoftmaxWeightPassesTheThresholdWithThatWeight() {
        PointSet data = DatasetPreset.MOONS.sample(2000, 3);
        Schedule vp = ScheduleKind.VP.createDefault();
        for (double t : new double[] {0.05, 0.2, 0.6}) {
            double x = 0.3;
            double y = 0.7;
            MeanShiftProbe p = MeanShiftProbe.of(data, vp, x, y, t, 32, null);
            // softmax of −‖x_t − α x_i‖²/2σ² by a plain loop, shifted by its largest logit
            double a = vp.alpha(t);
            double s = vp.sigma(t);
            double[] logit = new double[data.size()];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < data.size(); i++) {
                double dx = x - a * data.xy()[2 * i];
                double dy = y - a * data.xy()[2 * i + 1];
                logit[i] = -(dx * dx + dy * dy) / (2 * s * s);
                max = Math.max(max, logit[i]);
            }
            double sum = 0;
            for (double l : logit) {
                sum += Math.exp(l - max);
            }
            int expected = 0;
            double sumSquares = 0;
            double top = 0;
            for (int i = 0; i < data.size(); i++) {
                double w = Math.exp(logit[i] - max) / sum;
                sumSquares += w * w;
                top = Math.max(top, w);
                if (w >= MeanShiftProbe.DISC_THRESHOLD) {
                    expected++;
                }
            }
            int[] discs = p.drawn(MeanShiftProbe.DISC_THRESHOLD);
            assertEquals(expected, discs.length, "t=" + t);
            for (int i : discs) {
                assertEquals(Math.exp(logit[i] - max) / sum, p.shift().weights()[i], 1e-12);
            }
            assertEquals(top, p.shift().topWeight(), 1e-12);
            assertEquals(1 / sumSquares, p.shift().effectivePoints(), 1e-9 / sumSquares);
            assertEquals(s / a, p.shift().bandwidth(), 1e-12);
        }
    }

    @Test
    void theStepLiesOnTheChordAndIsTheDdimStep() {
        PointSet data = DatasetPreset.EIGHT_GAUSSIANS.sample(500, 5);
        for (ScheduleKind kind : new ScheduleKind[] {ScheduleKind.VP, ScheduleKind.LINEAR, ScheduleKind.EDM,
            ScheduleKind.VE}) {
            Schedule s = kind.createDefault();
            double t = 0.3;
            double x = 1.1;
            double y = -0.4;
            MeanShiftProbe p = MeanShiftProbe.of(data, s, x, y, t, 16, null);
            double t2 = p.tNext();
            assertTrue(t2 < t && t2 >= s.tMin(), kind + ": " + t2);
            double[] c = p.shift().centre();
            double[] d = p.shift().denoised();
            assertArrayEquals(new double[] {x / s.alpha(t), y / s.alpha(t)}, c, 1e-12);
            // the fraction by its definition, 1 − (σ'/α')/(σ/α)
            double f = 1 - (s.sigma(t2) / s.alpha(t2)) / (s.sigma(t) / s.alpha(t));
            assertEquals(f, p.fraction(), 1e-12);
            assertTrue(f > 0 && f < 1);
            // on the segment: collinear and that far along it
            double[] n = p.next();
            double cross = (n[0] - c[0]) * (d[1] - c[1]) - (n[1] - c[1]) * (d[0] - c[0]);
            assertEquals(0, cross, 1e-9, kind.id());
            double along = Math.hypot(n[0] - c[0], n[1] - c[1]) / Math.hypot(d[0] - c[0], d[1] - c[1]);
            assertEquals(f, along, 1e-9, kind.id());
            // scaled back by α(t'), the DDIM step of docs/math.md §5.7: x' = α' x̂0 + σ' ε̂, ε̂ = (x − α x̂0)/σ
            double epsX = (x - s.alpha(t) * d[0]) / s.sigma(t);
            double epsY = (y - s.alpha(t) * d[1]) / s.sigma(t);
            assertEquals(s.alpha(t2) * d[0] + s.sigma(t2) * epsX, s.alpha(t2) * n[0], 1e-9, kind.id());
            assertEquals(s.alpha(t2) * d[1] + s.sigma(t2) * epsY, s.alpha(t2) * n[1], 1e-9, kind.id());
            double[] euler = p.shift().eulerStep(s, x, y, t, t2);
            if (kind == ScheduleKind.EDM) {
                // σ = σ_max·t, α = 1: Euler's step is the same point (docs/math.md §6.1)
                assertArrayEquals(n, euler, 1e-9);
            }
        }
    }

    @Test
    void everyStepOfALambdaGridGoesTheSameFractionOfItsChord() {
        Schedule vp = ScheduleKind.VP.createDefault();
        int k = 20;
        double dLambda = (vp.lambda(vp.tMin()) - vp.lambda(vp.tMax())) / k;
        for (double t : new double[] {0.9, 0.5, 0.2, 0.05}) {
            double t2 = MeanShift.stepEnd(vp, t, k);
            assertEquals(dLambda, vp.lambda(t2) - vp.lambda(t), 1e-9);
            assertEquals(1 - Math.exp(-dLambda), MeanShift.chordFraction(vp, t, t2), 1e-9);
        }
        assertEquals(vp.tMin(), MeanShift.stepEnd(vp, vp.tMin(), k), 0);
    }
}
