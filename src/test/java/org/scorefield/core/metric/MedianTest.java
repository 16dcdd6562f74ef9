package org.scorefield.core.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one median the memorisation measure and the window's captions share. */
class MedianTest {

    @Test
    void theMiddleValueOrTheMeanOfTheMiddleTwo() {
        assertEquals(2, Median.of(new double[] {3, 1, 2}), 0.0);
        assertEquals(2.5, Median.of(new double[] {4, 1, 3, 2}), 0.0);
        assertEquals(7, Median.of(new double[] {7}), 0.0);
        assertEquals(3, Median.of(new double[] {Double.POSITIVE_INFINITY, 1, 3}), 0.0, "+∞ sorts last");
        double[] v = {5, 4, 3};
        Median.of(v);
        assertArrayEquals(new double[] {5, 4, 3}, v, 0.0, "the input keeps its order");
        assertThrows(IllegalArgumentException.class, () -> Median.of(new double[0]));
    }

    @Test
    void asManyValuesLieBelowAsAbove() {
        Random random = new Random(3);
        for (int n = 1; n <= 40; n++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = random.nextGaussian();
            }
            double m = Median.of(v);
            int below = 0;
            int above = 0;
            for (double x : v) {
                below += x < m ? 1 : 0;
                above += x > m ? 1 : 0;
            }
            // distinct draws: n odd leaves the median itself out, n even splits them in half
            assertEquals(n / 2, below, "n = " + n);
            assertEquals(n / 2, above, "n = " + n);
        }
    }
}
