package org.scorefield.core.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.scorefield.core.InvalidInputException;

/** Karras et al. 2022, Table 1, and its general-α form (docs/math.md §3.8). */
class EdmPreconditioningTest {

    private final EdmPreconditioning p = EdmPreconditioning.standard();

    @Test
    void withAlphaOneTheCoefficientsAreThePapers() {
        double sd = 0.5;
        for (double sigma : new double[] {0.002, 0.1, 0.5, 1, 10, 80}) {
            assertEquals(sd * sd / (sigma * sigma + sd * sd), p.cSkip(1, sigma), 1e-15);
            assertEquals(sigma * sd / Math.sqrt(sigma * sigma + sd * sd), p.cOut(1, sigma), 1e-15);
            assertEquals(1 / Math.sqrt(sigma * sigma + sd * sd), p.cIn(1, sigma), 1e-15);
            assertEquals(0.25 * Math.log(sigma), p.cNoise(1, sigma), 1e-15);
            assertEquals((sigma * sigma + sd * sd) / (sigma * sd * sigma * sd), p.lossWeight(1, sigma),
                    1e-9 * p.lossWeight(1, sigma));
        }
    }

    /**
     * With x = α x0 + σ ε, Var x0 = σ_d²: the network input c_in·x and its effective target
     * (x0 − c_skip·x)/c_out both have unit variance, for any α.
     */
    @Test
    void inputAndEffectiveTargetHaveUnitVariance() {
        for (double sd : new double[] {0.5, 1.0}) {
            EdmPreconditioning q = new EdmPreconditioning(sd);
            for (double alpha : new double[] {1, 0.8, 0.3, 0.01}) {
                for (double sigma : new double[] {0.01, 0.3, 1, 5}) {
                    double varX = alpha * alpha * sd * sd + sigma * sigma;
                    assertEquals(1, q.cIn(alpha, sigma) * q.cIn(alpha, sigma) * varX, 1e-12);
                    double cs = q.cSkip(alpha, sigma);
                    double co = q.cOut(alpha, sigma);
                    double varTarget = ((1 - cs * alpha) * (1 - cs * alpha) * sd * sd + cs * cs * sigma * sigma)
                            / (co * co);
                    assertEquals(1, varTarget, 1e-12, "α=" + alpha + " σ=" + sigma);
                }
            }
        }
    }

    @Test
    void sigmaDataMustBePositive() {
        assertThrows(InvalidInputException.class, () -> new EdmPreconditioning(0));
    }
}
