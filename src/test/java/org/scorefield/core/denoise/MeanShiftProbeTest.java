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
            if (kind == ScheduleKind.EDM || kind == ScheduleKind.LINEAR) {
                // σ = σ_max·t, α = 1, or α = 1 − t, σ = t: Euler's step is the same point (docs/math.md §6.1, §6.4)
                assertArrayEquals(new double[] {s.alpha(t2) * n[0], s.alpha(t2) * n[1]}, euler, 1e-9, kind.id());
            }
            if (kind == ScheduleKind.VP) {
                // in data units Euler's weights on x_t/α and x̂0 add up to (α + hα')/α(t') ≠ 1: off the chord
                double h = t2 - t;
                double alpha = Math.exp(-0.5 * (0.1 * t + 0.5 * (20 - 0.1) * t * t)); // VP linear, β 0.1 to 20
                double alpha2 = Math.exp(-0.5 * (0.1 * t2 + 0.5 * (20 - 0.1) * t2 * t2));
                double dAlpha = -0.5 * (0.1 + (20 - 0.1) * t) * alpha;
                assertEquals(alpha, s.alpha(t), 1e-12, "the default β assumed here");
                double sum = (alpha + h * dAlpha) / alpha2;
                assertTrue(Math.abs(sum - 1) > 1e-4, "VP: " + sum);
                // the off-chord part: Euler's point minus its projection on the chord's line
                double ex = euler[0] / alpha2 - c[0];
                double ey = euler[1] / alpha2 - c[1];
                double dx = d[0] - c[0];
                double dy = d[1] - c[1];
                double off = Math.abs(ex * dy - ey * dx) / Math.hypot(dx, dy);
                assertTrue(off > 1e-6, "VP: Euler's end is off the chord's line by " + off);
            }
        }
    }

    @Test
    void underVeEulersStepStaysOnTheChordsLineButGoesFurtherThanDdim() {
        PointSet data = DatasetPreset.EIGHT_GAUSSIANS.sample(500, 5);
        Schedule ve = ScheduleKind.VE.createDefault();
        // σ = σ_min·(σ_max/σ_min)^t with the defaults 0.01 and 5: σ'/σ = log 500 at every t
        double rate = Math.log(5 / 0.01);
        assertEquals(0.01 * Math.pow(500, 0.3), ve.sigma(0.3), 1e-12, "the defaults assumed here");
        double x = 1.1;
        double y = -0.4;
        for (double[] step : new double[][] {{0.3, 0.25}, {0.3, 0.1}, {0.8, 0.79}}) {
            double t = step[0];
            double t2 = step[1];
            MeanShift m = MeanShift.at(data, ve, x, y, t);
            double[] d = m.denoised();
            double[] e = m.eulerStep(ve, x, y, t, t2);
            // α = 1: the chord runs from x_t itself to x̂0
            double dx = d[0] - x;
            double dy = d[1] - y;
            double chord2 = dx * dx + dy * dy;
            double cross = ((e[0] - x) * dy - (e[1] - y) * dx) / chord2;
            assertEquals(0, cross, 1e-12, "Euler's end is on the chord's line, t = " + t + " to " + t2);
            double along = ((e[0] - x) * dx + (e[1] - y) * dy) / chord2;
            double euler = -(t2 - t) * rate; // −hσ'/σ, which under VE is Δλ itself
            double ddim = 1 - Math.exp(-euler); // 1 − σ(t')/σ(t) = 1 − e^{−Δλ}
            assertEquals(euler, along, 1e-9, "Euler goes −hσ'/σ of the chord");
            assertEquals(ddim, MeanShift.chordFraction(ve, t, t2), 1e-12, "DDIM goes 1 − e^{−Δλ}");
            assertEquals(euler - ddim, along - MeanShift.chordFraction(ve, t, t2), 1e-9);
            assertTrue(along > MeanShift.chordFraction(ve, t, t2) + 1e-4, "Euler goes further than DDIM");
        }
        // docs/math.md §6.4's figures: 0.311 against 0.267, and past x̂0 (1.243 against 0.711)
        assertEquals(0.311, 0.05 * rate, 5e-4);
        assertEquals(0.267, 1 - Math.exp(-0.05 * rate), 5e-4);
        assertEquals(1.243, 0.2 * rate, 5e-4);
        assertEquals(0.711, 1 - Math.exp(-0.2 * rate), 5e-4);
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
