package org.scorefield.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scorefield.core.InvalidInputException;

/** Every schedule against its own definitions: derivatives, SDE coefficients, log-SNR and its inverse. */
class ScheduleTest {

    /** Every kind at its defaults, and the ones with constants at other values too. */
    static Stream<Schedule> schedules() {
        List<Schedule> all = new ArrayList<>();
        for (ScheduleKind k : ScheduleKind.values()) {
            all.add(k.createDefault());
        }
        all.add(new VpLinear(0.5, 10));
        all.add(new VpLinear(0, 12));
        all.add(new SubVp(0.3, 15));
        all.add(new VpCosine(0.05));
        all.add(new VeGeometric(0.05, 3));
        all.add(new Edm(0.01, 5));
        return all.stream();
    }

    /** Times spread over the range where every coefficient is finite, ends included. */
    private static double[] times(Schedule s) {
        double lo = Math.max(s.tMin(), 1e-3);
        double hi = s.tMax();
        double[] t = new double[13];
        for (int i = 0; i < t.length; i++) {
            t[i] = lo + (hi - lo) * i / (t.length - 1);
        }
        return t;
    }

    /** Central difference, with a step scaled to stay inside the range. */
    private static double derivative(java.util.function.DoubleUnaryOperator fn, double t) {
        double h = 1e-6 * Math.max(1e-2, Math.min(t, 1 - t) * 10);
        return (fn.applyAsDouble(t + h) - fn.applyAsDouble(t - h)) / (2 * h);
    }

    private static void assertClose(double expected, double actual, double relTol, String what) {
        double tol = relTol * Math.max(1, Math.abs(expected));
        assertEquals(expected, actual, tol, what);
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void derivativesMatchNumericDerivativesOfAlphaAndSigma(Schedule s) {
        for (double t : times(s)) {
            assertClose(derivative(s::alpha, t), s.dAlpha(t), 1e-6, s.describe() + " α' at t=" + t);
            assertClose(derivative(s::sigma, t), s.dSigma(t), 1e-6, s.describe() + " σ' at t=" + t);
        }
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void driftAndDiffusionMatchBookLemma441(Schedule s) {
        for (double t : times(s)) {
            double a = s.alpha(t);
            double sg = s.sigma(t);
            double f = derivative(s::alpha, t) / a;
            double g2 = 2 * sg * derivative(s::sigma, t) - 2 * f * sg * sg;
            double g2FromLambda = -2 * sg * sg * derivative(s::lambda, t);
            assertClose(f, s.f(t), 1e-6, s.describe() + " f at t=" + t);
            assertClose(g2, s.g2(t), 1e-6, s.describe() + " g² at t=" + t);
            assertClose(g2FromLambda, s.g2(t), 1e-6, s.describe() + " g² = −2σ²λ' at t=" + t);
            assertTrue(s.g2(t) > 0, "g² > 0");
        }
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void lambdaIsLogAlphaOverSigmaAndItsInverseIsExact(Schedule s) {
        for (double t : times(s)) {
            double lambda = s.lambda(t);
            assertClose(Math.log(s.alpha(t) / s.sigma(t)), lambda, 1e-12, s.describe() + " λ at t=" + t);
            assertEquals(t, s.tOfLambda(lambda), 1e-9 * Math.max(1, t), s.describe() + " t(λ(t)) at t=" + t);
            assertClose(derivative(s::lambda, t), s.dLambda(t), 1e-6, s.describe() + " λ' at t=" + t);
        }
    }

    /**
     * The SDE dx = f x dt + g dw started from a point x0 has mean m' = f m and variance v' = 2 f v + g².
     * Integrating these with the closed-form f and g² must reproduce α(t)·x0 and σ(t)².
     */
    @ParameterizedTest
    @MethodSource("schedules")
    void momentEquationsOfTheSdeReproduceAlphaAndSigma(Schedule s) {
        double t0 = Math.max(s.tMin(), 1e-3);
        double t1 = t0 + 0.9 * (s.tMax() - t0);
        double m = s.alpha(t0);
        double v = s.sigma(t0) * s.sigma(t0);
        int steps = 20_000;
        double h = (t1 - t0) / steps;
        for (int i = 0; i < steps; i++) {
            double t = t0 + i * h;
            // RK4 on (m, v)
            double m1 = s.f(t) * m;
            double v1 = 2 * s.f(t) * v + s.g2(t);
            double m2 = s.f(t + h / 2) * (m + h / 2 * m1);
            double v2 = 2 * s.f(t + h / 2) * (v + h / 2 * v1) + s.g2(t + h / 2);
            double m3 = s.f(t + h / 2) * (m + h / 2 * m2);
            double v3 = 2 * s.f(t + h / 2) * (v + h / 2 * v2) + s.g2(t + h / 2);
            double m4 = s.f(t + h) * (m + h * m3);
            double v4 = 2 * s.f(t + h) * (v + h * v3) + s.g2(t + h);
            m += h / 6 * (m1 + 2 * m2 + 2 * m3 + m4);
            v += h / 6 * (v1 + 2 * v2 + 2 * v3 + v4);
        }
        assertClose(s.alpha(t1), m, 1e-6, s.describe() + " mean at t=" + t1);
        assertClose(s.sigma(t1) * s.sigma(t1), v, 1e-6, s.describe() + " variance at t=" + t1);
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void rangeIsWhereEverythingIsFiniteAndTheCapIsAtMinSnr(Schedule s) {
        for (double t : new double[] {s.tMin(), s.tMax()}) {
            assertTrue(s.sigma(t) > 0, "σ > 0 at " + t);
            assertTrue(Double.isFinite(s.lambda(t)) && Double.isFinite(s.f(t)) && Double.isFinite(s.g2(t)),
                    s.describe() + " finite at " + t);
        }
        if (s.tMax() < 1) {
            assertEquals(Schedule.MIN_SNR, s.snr(s.tMax()), 1e-9, "capped at SNR 1e-5");
            assertEquals(0, s.alpha(1), 1e-12, "α(1) = 0 where the range is capped");
        }
    }

    /** The inverses stay accurate where σ → 0, also at the edges of the allowed constants. */
    @Test
    void inverseLogSnrIsAccurateNearTheData() {
        for (Schedule s : List.of(new VpCosine(0), new VpCosine(0.008), new VpLinear(0, 20), new VpLinear(0.1, 20),
                new SubVp(0.1, 20), new LinearFlow(), new Trigonometric())) {
            for (double t : new double[] {1e-7, 1e-5, 1e-3}) {
                assertEquals(t, s.tOfLambda(s.lambda(t)), 1e-6 * t, s.describe() + " at t=" + t);
            }
        }
        assertEquals(0, new VpLinear(0, 20).tOfLambda(1000), 0, "no 0/0 when β_min = 0");
    }

    @Test
    void tableValuesAtKnownTimes() {
        VpLinear vp = new VpLinear(0.1, 20);
        // B(1) = 0.1 + 0.5·19.9 = 10.05
        assertEquals(Math.exp(-10.05 / 2), vp.alpha(1), 1e-15);
        assertEquals(Math.sqrt(1 - Math.exp(-10.05)), vp.sigma(1), 1e-15);
        assertEquals(20, vp.g2(1), 1e-12);
        assertEquals(-0.05, vp.f(0), 1e-15);
        SubVp sub = new SubVp(0.1, 20);
        assertEquals(1 - Math.exp(-10.05), sub.sigma(1), 1e-15);
        assertEquals(20 * (1 - Math.exp(-20.1)), sub.g2(1), 1e-12);
        VpCosine cos = new VpCosine(0.008);
        assertEquals(1, cos.alpha(0), 1e-15);
        assertEquals(0, cos.alpha(1), 1e-15);
        assertEquals(1, cos.sigma(1), 1e-15);
        VeGeometric ve = new VeGeometric(0.01, 50);
        assertEquals(0.01, ve.sigma(0), 1e-15);
        assertEquals(50, ve.sigma(1), 1e-12);
        assertEquals(Math.sqrt(0.01 * 50), ve.sigma(0.5), 1e-12);
        Edm edm = new Edm(0.002, 80);
        assertEquals(40, edm.sigma(0.5), 1e-12);
        assertEquals(0.002 / 80, edm.tMin(), 1e-18);
        LinearFlow lin = new LinearFlow();
        assertEquals(0.25, lin.alpha(0.75), 0);
        assertEquals(2 * 0.75 / 0.25, lin.g2(0.75), 1e-12);
        Trigonometric trig = new Trigonometric();
        assertEquals(Math.sqrt(0.5), trig.alpha(0.5), 1e-15);
        assertEquals(Math.PI, trig.g2(0.5), 1e-12);
    }

    @Test
    void vpFamilyKeepsUnitVarianceAndSubVpStaysBelow() {
        for (Schedule s : List.of(new VpLinear(0.1, 20), new VpCosine(0.008), new Trigonometric())) {
            for (double t : times(s)) {
                assertEquals(1, s.alpha(t) * s.alpha(t) + s.sigma(t) * s.sigma(t), 1e-12, s.describe());
                assertEquals(-2 * s.f(t), s.g2(t), 1e-9 * Math.max(1, s.g2(t)), "VP: g² = −2f");
            }
        }
        SubVp sub = new SubVp(0.1, 20);
        for (double t : times(sub)) {
            assertTrue(sub.sigma(t) <= new VpLinear(0.1, 20).sigma(t) + 1e-15);
        }
    }

    @Test
    void invalidConstantsGiveClearErrors() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new VeGeometric(5, 1));
        assertTrue(e.getMessage().contains("σ_min must be smaller than σ_max"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> new VpLinear(10, 1));
        assertTrue(e.getMessage().contains("β_min must not exceed β_max"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> new VpLinear(-1, 1));
        assertThrows(InvalidInputException.class, () -> new Edm(0, 10));
        assertThrows(InvalidInputException.class, () -> new VpCosine(1.5));
        assertThrows(InvalidInputException.class, () -> new VpLinear(Double.NaN, 1));
        e = assertThrows(InvalidInputException.class, () -> ScheduleKind.VP.create(Map.of("sigma_max", 3.0)));
        assertTrue(e.getMessage().contains("beta_min, beta_max"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> ScheduleKind.fromId("vpp"));
        assertTrue(e.getMessage().contains("vp-cosine"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> new VeGeometric(0.01, 5).with("sigma_max", 0.001));
    }

    @Test
    void constantsRoundTripThroughTheirNames() {
        schedules().forEach(s -> assertEquals(s, s.kind().create(s.parameters())));
        Schedule vp = ScheduleKind.VP.createDefault().with("beta_max", 12);
        assertEquals(new VpLinear(0.1, 12), vp);
        for (ScheduleKind k : ScheduleKind.values()) {
            assertEquals(k, ScheduleKind.fromId(k.id()));
            for (ParameterSpec p : k.parameters()) {
                assertTrue(p.min() <= p.defaultValue() && p.defaultValue() <= p.max(), p.name());
            }
        }
    }

    @Test
    void aPriorThatStillShowsTheDataIsReported() {
        assertFalse(new VpLinear(0.1, 1).warnings().isEmpty());
        assertTrue(new VpLinear(0.1, 20).warnings().isEmpty());
        for (ScheduleKind k : ScheduleKind.values()) {
            Schedule s = k.createDefault();
            assertTrue(s.warnings().isEmpty(), s.describe() + " " + s.warnings());
        }
    }
}
