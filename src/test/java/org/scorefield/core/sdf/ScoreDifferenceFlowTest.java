package org.scorefield.core.sdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.denoise.KernelDenoiser;

/** The kernel denoiser by hand, the annealing schedule, and a target that never moves (docs/math.md §10). */
class ScoreDifferenceFlowTest {

    @Test
    void theKernelDenoiserIsTheWeightedMeanByHand() {
        double[] points = {0, 0, 1, 0, 0, 2};
        double[] z = {0.3, 0.4};
        double sigma = 0.7;
        double sw = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < 3; i++) {
            double dx = z[0] - points[2 * i];
            double dy = z[1] - points[2 * i + 1];
            double w = Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
            sw += w;
            sx += w * points[2 * i];
            sy += w * points[2 * i + 1];
        }
        assertArrayEquals(new double[] {sx / sw, sy / sw}, KernelDenoiser.denoise(points, z, sigma), 1e-15);
        // far from every point the weights would underflow; the log-sum-exp still picks the nearest
        assertArrayEquals(new double[] {0, 2}, KernelDenoiser.denoise(points, new double[] {0, 50}, 0.01), 1e-12);
    }

    @Test
    void annealingIsGeometricWithEtaScaledBySigmaSquared() {
        ScoreDifferenceFlow f = new ScoreDifferenceFlow(1, 0.01, true, 0.5, 3);
        assertEquals(1, f.sigmaAt(0), 1e-15);
        assertEquals(0.1, f.sigmaAt(1), 1e-12);
        assertEquals(0.01, f.sigmaAt(2), 1e-12);
        assertEquals(0.5 * 0.01, f.etaAt(1), 1e-12);
        ScoreDifferenceFlow fixed = new ScoreDifferenceFlow(0.2, 0.01, false, 0.02, 3);
        assertEquals(0.2, fixed.sigmaAt(2), 0);
        assertEquals(0.02, fixed.etaAt(2), 0);
    }

    /** One step by hand: y + η(D_p(z) − D_q(z))/σ² with the seeded noise; the target array is untouched. */
    @Test
    void oneStepFollowsTheUpdateAndLeavesTheTarget() {
        double[] target = {1, 1, 2, 0};
        double[] keep = target.clone();
        double[] source = {0, 0, -1, 0.5};
        ScoreDifferenceFlow f = new ScoreDifferenceFlow(0.5, 0.5, false, 0.1, 1);
        double[] after = f.run(target, source, 3, ScoreDifferenceFlow.Observer.NONE);
        assertArrayEquals(keep, target, 0);
        double[] xi = new double[4];
        new org.scorefield.core.random.SeededRandom(org.scorefield.core.random.SeededRandom.derive(3, "sdf-noise"))
                .fillGaussian(xi);
        double[] z = new double[4];
        for (int i = 0; i < 4; i++) {
            z[i] = source[i] + 0.5 * xi[i];
        }
        double[] dp = KernelDenoiser.denoise(target, z, 0.5);
        double[] dq = KernelDenoiser.denoise(source, z, 0.5);
        for (int i = 0; i < 4; i++) {
            assertEquals(source[i] + 0.1 * (dp[i] - dq[i]) / 0.25, after[i], 1e-15);
        }
    }

    @Test
    void badSettingsAreOneSentence() {
        assertThrows(InvalidInputException.class, () -> new ScoreDifferenceFlow(0, 0.1, false, 0.1, 1));
        assertThrows(InvalidInputException.class, () -> new ScoreDifferenceFlow(1, 2, true, 0.1, 1));
        assertThrows(InvalidInputException.class, () -> new ScoreDifferenceFlow(1, 0.1, true, -1, 1));
        assertThrows(InvalidInputException.class, () -> new ScoreDifferenceFlow(1, 0.1, true, 0.1, 0));
    }

    /** The particles start from the streams the command line always used: N(0, I) or a preset's draws. */
    @Test
    void startingPointsComeFromTheSdfSourceStream() {
        long stream = org.scorefield.core.random.SeededRandom.derive(4, "sdf-source");
        assertArrayEquals(new org.scorefield.core.random.SeededRandom(stream).gaussianPoints(50),
                ScoreDifferenceFlow.startingPoints(org.scorefield.core.flow.FlowSource.gaussian(), 50, 4), 0);
        assertArrayEquals(org.scorefield.core.data.DatasetPreset.MOONS.sample(50, stream).xy(),
                ScoreDifferenceFlow.startingPoints(org.scorefield.core.flow.FlowSource.of(
                        org.scorefield.core.data.DatasetPreset.MOONS), 50, 4), 0);
    }
}
