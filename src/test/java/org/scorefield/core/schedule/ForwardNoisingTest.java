package org.scorefield.core.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.PointSet;

class ForwardNoisingTest {

    private final PointSet data = DatasetPreset.MOONS.sample(500, 1);

    @Test
    void eachPointKeepsOneNoiseAtEveryTime() {
        ForwardNoising noising = new ForwardNoising(data, 42);
        double[] x0 = data.xy();
        double[] eps = noising.noise();
        for (ScheduleKind k : ScheduleKind.values()) {
            Schedule s = k.createDefault();
            for (double t : new double[] {0, 0.2, 0.7, 1}) {
                double[] xt = noising.at(s, t);
                for (int i = 0; i < xt.length; i++) {
                    assertEquals(s.alpha(t) * x0[i] + s.sigma(t) * eps[i], xt[i], 1e-12, k.id() + " t=" + t);
                }
            }
        }
        assertArrayEquals(x0, noising.at(ScheduleKind.VP.createDefault(), 0), 0.0, "t = 0 is the data");
    }

    @Test
    void scrubbingTimeMovesEveryParticleSmoothly() {
        ForwardNoising noising = new ForwardNoising(data, 42);
        Schedule vp = ScheduleKind.VP.createDefault();
        double dt = 1e-3;
        double largest = 0;
        for (double t = 0.1; t < 0.9; t += 0.05) {
            double[] a = noising.at(vp, t);
            double[] b = noising.at(vp, t + dt);
            for (int i = 0; i < a.length; i++) {
                largest = Math.max(largest, Math.abs(b[i] - a[i]));
            }
        }
        assertTrue(largest < 0.05, "a step of 0.001 in t moves no coordinate by more than 0.05: " + largest);
    }

    @Test
    void theNoiseIsFixedBySeedAndStandardNormal() {
        assertArrayEquals(new ForwardNoising(data, 5).noise(), new ForwardNoising(data, 5).noise(), 0.0);
        double[] eps = new ForwardNoising(DatasetPreset.MOONS.sample(20_000, 1), 6).noise();
        double sum = 0;
        double sq = 0;
        for (double e : eps) {
            sum += e;
            sq += e * e;
        }
        assertEquals(0, sum / eps.length, 0.02);
        assertEquals(1, sq / eps.length, 0.03);
    }
}
