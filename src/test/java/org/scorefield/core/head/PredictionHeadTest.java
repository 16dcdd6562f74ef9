package org.scorefield.core.head;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.Coefficients;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/** The head conversions of docs/math.md §3.2–3.3 against their definitions. */
class PredictionHeadTest {

    static Stream<Schedule> schedules() {
        return Stream.of(ScheduleKind.values()).map(ScheduleKind::createDefault);
    }

    /** x_t built from a known x0 and ε, so that every head has an exact target. */
    private record Case(Coefficients c, double[] x0, double[] eps, double[] xt) {
        static Case at(Schedule s, double t, long seed) {
            SeededRandom rng = new SeededRandom(seed);
            double[] x0 = rng.gaussianPoints(50);
            double[] eps = rng.gaussianPoints(50);
            Coefficients c = s.at(t);
            double[] xt = new double[x0.length];
            for (int i = 0; i < xt.length; i++) {
                xt[i] = c.alpha() * x0[i] + c.sigma() * eps[i];
            }
            return new Case(c, x0, eps, xt);
        }
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void eachHeadGivesItsTargetFromTheTrueCleanData(Schedule s) {
        for (double t : new double[] {s.tMin(), 0.3, 0.7, s.tMax()}) {
            if (s.sigma(t) == 0) {
                continue;
            }
            Case k = Case.at(s, t, 7);
            Coefficients c = k.c();
            assertArrayEquals(k.eps(), PredictionHead.epsilonFromData(c, k.xt(), k.x0()), 1e-8, "ε");
            double[] score = PredictionHead.scoreFromData(c, k.xt(), k.x0());
            double[] u = PredictionHead.velocityFromData(c, k.xt(), k.x0());
            for (int i = 0; i < k.xt().length; i++) {
                assertEquals(-k.eps()[i] / c.sigma(), score[i], 1e-8 * Math.max(1, Math.abs(score[i])), "ŝ = −ε/σ");
                // conditional velocity target α' x0 + σ' ε
                double target = c.dAlpha() * k.x0()[i] + c.dSigma() * k.eps()[i];
                assertEquals(target, u[i], 1e-8 * Math.max(1, Math.abs(target)), "û = α'x0 + σ'ε");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void everyHeadRoundTripsThroughTheCleanData(Schedule s) {
        for (double t : new double[] {Math.max(s.tMin(), 0.01), 0.25, 0.5, 0.9}) {
            Case k = Case.at(s, t, 11);
            for (PredictionHead h : PredictionHead.values()) {
                double[] p = h.fromData(k.c(), k.xt(), k.x0());
                assertArrayEquals(k.x0(), h.toData(k.c(), k.xt(), p), 1e-7, h + " at t=" + t + " " + s.describe());
            }
            double[] u = PredictionHead.velocityFromData(k.c(), k.xt(), k.x0());
            assertArrayEquals(k.eps(), PredictionHead.epsilonFromVelocity(k.c(), k.xt(), u), 1e-7, "ε from û");
        }
    }

    @Test
    void linearFlowVelocityConversionsAreTheSimpleOnes() {
        Schedule lin = ScheduleKind.LINEAR.createDefault();
        Case k = Case.at(lin, 0.4, 3);
        double[] u = PredictionHead.velocityFromData(k.c(), k.xt(), k.x0());
        double[] x0 = PredictionHead.dataFromVelocity(k.c(), k.xt(), u);
        double[] eps = PredictionHead.epsilonFromVelocity(k.c(), k.xt(), u);
        for (int i = 0; i < u.length; i++) {
            assertEquals(k.eps()[i] - k.x0()[i], u[i], 1e-12, "û = ε − x0");
            assertEquals(k.xt()[i] - 0.4 * u[i], x0[i], 1e-12, "x̂0 = x_t − t û");
            assertEquals(k.xt()[i] + 0.6 * u[i], eps[i], 1e-12, "ε̂ = x_t + (1−t) û");
        }
    }

    /** Book 6.3.6: ‖ŝ−s‖² = σ⁻²‖ε̂−ε‖² = (α²/σ⁴)‖x̂0−x0‖², the head as a choice of loss weight. */
    @Test
    void lossScalesOfTheHeadsDifferByTheBookFactors() {
        Schedule vp = ScheduleKind.VP.createDefault();
        Case k = Case.at(vp, 0.3, 5);
        Coefficients c = k.c();
        double[] wrongX0 = k.x0().clone();
        for (int i = 0; i < wrongX0.length; i++) {
            wrongX0[i] += 0.01 * (i % 7 - 3);
        }
        double dx0 = sq(wrongX0, k.x0());
        double deps = sq(PredictionHead.epsilonFromData(c, k.xt(), wrongX0), k.eps());
        double dscore = sq(PredictionHead.scoreFromData(c, k.xt(), wrongX0),
                PredictionHead.scoreFromData(c, k.xt(), k.x0()));
        double a = c.alpha();
        double s = c.sigma();
        assertEquals(deps / (s * s), dscore, 1e-9 * dscore);
        assertEquals(a * a / (s * s * s * s) * dx0, dscore, 1e-9 * dscore);
    }

    private static double sq(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return sum;
    }

    @Test
    void headsHaveCommandLineNames() {
        for (PredictionHead h : PredictionHead.values()) {
            assertEquals(h, PredictionHead.fromId(h.id()));
        }
        assertThrows(InvalidInputException.class, () -> PredictionHead.fromId("v"));
    }
}
