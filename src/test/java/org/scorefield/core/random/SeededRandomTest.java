package org.scorefield.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The normals are Box–Muller in StrictMath on SplitMix64's uniforms, written out here; drawing the
 * uniforms first and transforming them later (on any thread) gives the same bits and leaves the
 * stream where a pair would.
 */
class SeededRandomTest {

    @Test
    void uniformsThenTransformAreThePairsBitForBit() {
        SplittableRandom reference = new SplittableRandom(42);
        SeededRandom pairs = new SeededRandom(42);
        SeededRandom split = new SeededRandom(42);
        double[] pair = new double[2];
        double[] drawn = new double[2];
        for (int k = 0; k < 1000; k++) {
            double u1 = 1.0 - reference.nextDouble();
            double u2 = reference.nextDouble();
            double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
            double x = r * StrictMath.cos(2.0 * StrictMath.PI * u2);
            double y = r * StrictMath.sin(2.0 * StrictMath.PI * u2);
            pairs.nextGaussianPair(pair, 0);
            split.nextGaussianUniforms(drawn, 0);
            assertEquals(x, SeededRandom.firstGaussian(drawn, 0));
            SeededRandom.gaussianPair(drawn, 0);
            assertEquals(x, pair[0]);
            assertEquals(y, pair[1]);
            assertEquals(x, drawn[0]);
            assertEquals(y, drawn[1]);
        }
        // both streams are where the reference is
        double next = reference.nextDouble();
        assertEquals(next, pairs.nextUniform());
        assertEquals(next, split.nextUniform());
    }
}
