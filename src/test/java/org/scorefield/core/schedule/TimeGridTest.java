package org.scorefield.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.core.InvalidInputException;

class TimeGridTest {

    @Test
    void uniformGridIsEvenlySpacedWithExactEnds() {
        TimeGrid g = TimeGrid.uniform(1, 0.001, 10);
        assertEquals(10, g.steps());
        assertEquals(1, g.start(), 0);
        assertEquals(0.001, g.end(), 0);
        for (int i = 0; i < 10; i++) {
            assertEquals(0.0999, g.time(i) - g.time(i + 1), 1e-12);
        }
    }

    @Test
    void logSnrGridHasEqualStepsInLambda() {
        for (ScheduleKind k : ScheduleKind.values()) {
            Schedule s = k.createDefault();
            TimeGrid g = TimeGrid.uniformLogSnr(s, s.tMax(), s.tMin() > 0 ? s.tMin() : 1e-3, 16);
            double step = s.lambda(g.time(1)) - s.lambda(g.time(0));
            assertTrue(step > 0, "λ increases towards the data");
            for (int i = 0; i < g.steps(); i++) {
                assertEquals(step, s.lambda(g.time(i + 1)) - s.lambda(g.time(i)), 1e-8 * Math.abs(step), k.id());
            }
        }
    }

    @Test
    void edmGridFollowsKarrasEquation5() {
        Edm edm = new Edm(0.002, 80);
        int k = 18;
        TimeGrid g = TimeGrid.edm(edm, 1, edm.tMin(), k, 7);
        for (int i = 0; i <= k; i++) {
            double expected = Math.pow(Math.pow(80, 1 / 7.0) + (double) i / k * (Math.pow(0.002, 1 / 7.0)
                    - Math.pow(80, 1 / 7.0)), 7);
            assertEquals(expected, edm.sigma(g.time(i)), 1e-9 * expected, "σ_" + i);
        }
    }

    @Test
    void edmGridOnVpSpacesTheNoiseToSignalRatio() {
        VpLinear vp = new VpLinear(0.1, 20);
        TimeGrid g = TimeGrid.edm(vp, 1, 1e-3, 8, 7);
        double aMax = Math.pow(vp.sigma(1) / vp.alpha(1), 1 / 7.0);
        double aMin = Math.pow(vp.sigma(1e-3) / vp.alpha(1e-3), 1 / 7.0);
        for (int i = 0; i <= 8; i++) {
            double ratio = vp.sigma(g.time(i)) / vp.alpha(g.time(i));
            assertEquals(Math.pow(aMax + i / 8.0 * (aMin - aMax), 7), ratio, 1e-8 * ratio);
        }
    }

    @Test
    void gridsRejectImpossibleRequests() {
        assertThrows(InvalidInputException.class, () -> TimeGrid.uniform(1, 0.1, 0));
        assertThrows(InvalidInputException.class, () -> TimeGrid.uniform(0.1, 0.5, 4));
        LinearFlow lin = new LinearFlow();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TimeGrid.uniformLogSnr(lin, 1.0, 0.01, 8));
        assertTrue(e.getMessage().contains("log-SNR is not finite"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.of(1, 0.5, 0.5));
    }

    @Test
    void gridKindsBuildTheirGrids() {
        Schedule s = ScheduleKind.VP.createDefault();
        for (GridKind kind : GridKind.values()) {
            TimeGrid g = kind.build(s, 1, 1e-3, 5);
            assertEquals(5, g.steps());
            assertEquals(1, g.start(), 0);
            assertEquals(1e-3, g.end(), 0);
            assertEquals(kind, GridKind.fromId(kind.id()));
        }
    }
}
