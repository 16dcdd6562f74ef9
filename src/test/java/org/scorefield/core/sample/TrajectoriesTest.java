package org.scorefield.core.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Cutting a run down to its first particles. */
class TrajectoriesTest {

    /** Three particles at t = 1, 0.5, 0: particle i at row r sits at (10r + i, −(10r + i)), its guess at twice that. */
    private static Trajectories three(boolean withGuesses) {
        double[][] pos = new double[3][6];
        double[][] den = new double[3][6];
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < 3; i++) {
                pos[r][2 * i] = 10 * r + i;
                pos[r][2 * i + 1] = -(10 * r + i);
                den[r][2 * i] = 2 * (10 * r + i);
                den[r][2 * i + 1] = -2 * (10 * r + i);
            }
        }
        return new Trajectories(new double[] {1, 0.5, 0}, pos, withGuesses ? den : null);
    }

    @Test
    void theFirstParticlesKeepTheirPathsAndGuessesOnTheSameTimes() {
        Trajectories all = three(true);
        Trajectories two = all.first(2);
        assertEquals(2, two.particles());
        assertEquals(3, two.length());
        assertSame(all.times(), two.times());
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(new double[] {i, -i, 10 + i, -(10 + i), 20 + i, -(20 + i)}, two.path(i), 0.0);
            assertArrayEquals(new double[] {2 * i, -2 * i, 2 * (10 + i), -2 * (10 + i), 2 * (20 + i), -2 * (20 + i)},
                    two.denoisedPath(i), 0.0);
        }
        two.positions()[0][0] = 99;
        assertEquals(0, all.positions()[0][0], 0.0, "a copy: the run's own rows are not touched");
    }

    @Test
    void askingForMoreThanThereAreGivesAllAndNoGuessesStayNone() {
        Trajectories all = three(false);
        Trajectories more = all.first(10);
        assertEquals(3, more.particles());
        assertFalse(more.hasDenoised());
        for (int r = 0; r < 3; r++) {
            assertArrayEquals(all.positions()[r], more.positions()[r], 0.0);
            assertNotSame(all.positions()[r], more.positions()[r]);
        }
        assertEquals(0, all.first(0).particles());
    }

    @Test
    void theFirstParticlesOfInterleavedPoints() {
        double[] xy = {1, 2, 3, 4, 5, 6};
        assertArrayEquals(new double[] {1, 2, 3, 4}, Trajectories.firstParticles(xy, 2), 0.0);
        assertArrayEquals(xy, Trajectories.firstParticles(xy, 4), 0.0);
        assertArrayEquals(xy, Trajectories.firstParticles(xy, Integer.MAX_VALUE), 0.0);
        assertArrayEquals(new double[0], Trajectories.firstParticles(xy, 0), 0.0);
        assertThrows(IllegalArgumentException.class, () -> Trajectories.firstParticles(xy, -1));
    }
}
