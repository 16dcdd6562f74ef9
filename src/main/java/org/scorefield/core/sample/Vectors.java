package org.scorefield.core.sample;

import org.scorefield.core.random.SeededRandom;

/** In-place arithmetic on interleaved point arrays, shared by the samplers. */
final class Vectors {

    private Vectors() {
    }

    /** x ← x + a·y. */
    static void addScaled(double[] x, double a, double[] y) {
        for (int i = 0; i < x.length; i++) {
            x[i] += a * y[i];
        }
    }

    /** A new array x + a·y. */
    static double[] plusScaled(double[] x, double a, double[] y) {
        double[] out = x.clone();
        addScaled(out, a, y);
        return out;
    }

    /** x ← x + a·ξ with ξ fresh standard normal noise. */
    static void addNoise(double[] x, double a, SeededRandom noise) {
        double[] xi = noise.gaussianPoints(x.length / 2);
        addScaled(x, a, xi);
    }
}
