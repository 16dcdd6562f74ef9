package org.scorefield.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The fixed centring and scaling constants of the toy shapes, recomputed independently: moments of
 * each classic curve by Simpson's rule, the rest from first principles. A sample test could not see
 * an error this small; here a wrong digit fails.
 */
class ToyShapesTest {

    private static final double TOLERANCE = 1e-10;

    @Test
    void moonsConstantsCentreAndScaleTheTwoHalfCircles() {
        double[] upper = moments(Math::cos, Math::sin, 0, Math.PI);
        double[] lower = moments(t -> 1 - Math.cos(t), t -> 0.5 - Math.sin(t), 0, Math.PI);
        double[] both = mix(upper, lower);
        assertEquals(both[0], ToyShapes.MOONS_CENTER_X, TOLERANCE);
        assertEquals(both[1], ToyShapes.MOONS_CENTER_Y, TOLERANCE);
        assertScale(both, ToyShapes.MOONS_NOISE, ToyShapes.MOONS_SCALE);
    }

    @Test
    void swissRollConstantsCentreAndScaleTheRoll() {
        double[] roll = moments(t -> t * Math.cos(t), t -> t * Math.sin(t), 1.5 * Math.PI, 4.5 * Math.PI);
        assertEquals(roll[0], ToyShapes.SWISS_ROLL_CENTER_X, TOLERANCE);
        assertEquals(roll[1], ToyShapes.SWISS_ROLL_CENTER_Y, TOLERANCE);
        assertScale(roll, ToyShapes.SWISS_ROLL_NOISE, ToyShapes.SWISS_ROLL_SCALE);
    }

    @Test
    void spiralsScaleMakesUnitSpread() {
        double turn = ToyShapes.SPIRALS_TURN;
        // parametrised by u uniform on [0, 1], a = turn·sqrt(u); cos(c·sqrt(u)) is smooth in u
        double[] arm = moments(u -> -turn * Math.sqrt(u) * Math.cos(turn * Math.sqrt(u)) / 3,
                u -> turn * Math.sqrt(u) * Math.sin(turn * Math.sqrt(u)) / 3, 0, 1);
        double[] mirrored = {-arm[0], -arm[1], arm[2], arm[3]};
        double[] both = mix(arm, mirrored);
        assertEquals(0, both[0], TOLERANCE);
        assertEquals(0, both[1], TOLERANCE);
        assertScale(both, ToyShapes.SPIRALS_NOISE, ToyShapes.SPIRALS_SCALE);
    }

    @Test
    void ringsPinwheelAndCheckerboardHaveUnitVariance() {
        double meanR2 = 0;
        for (double r : ToyShapes.RING_RADII) {
            meanR2 += r * r / ToyShapes.RING_RADII.length;
        }
        double outer = ToyShapes.RINGS_OUTER_RADIUS;
        assertEquals(1, outer * outer * (meanR2 / 2 + ToyShapes.RINGS_NOISE * ToyShapes.RINGS_NOISE), TOLERANCE);

        double radial = ToyShapes.PINWHEEL_RADIAL_STD;
        double tangential = ToyShapes.PINWHEEL_TANGENTIAL_STD;
        double meanNorm2 = 1 + radial * radial + tangential * tangential;
        assertEquals(1, ToyShapes.PINWHEEL_SCALE * ToyShapes.PINWHEEL_SCALE * meanNorm2 / 2, TOLERANCE);

        double h = ToyShapes.CHECKERBOARD_HALF_SIDE;
        assertEquals(1, h * h / 3, TOLERANCE);
    }

    /** The scale k with k²·((var x + ν²) + (var y + ν²))/2 = 1. */
    private static void assertScale(double[] m, double noise, double scale) {
        double meanVariance = (m[2] + m[3]) / 2 + noise * noise;
        assertEquals(1 / Math.sqrt(meanVariance), scale, TOLERANCE * scale);
    }

    /** {mean x, mean y, var x, var y} of an equal mixture of two curves. */
    private static double[] mix(double[] a, double[] b) {
        double mx = (a[0] + b[0]) / 2;
        double my = (a[1] + b[1]) / 2;
        double ex2 = (a[2] + a[0] * a[0] + b[2] + b[0] * b[0]) / 2;
        double ey2 = (a[3] + a[1] * a[1] + b[3] + b[1] * b[1]) / 2;
        return new double[] {mx, my, ex2 - mx * mx, ey2 - my * my};
    }

    /** {mean x, mean y, var x, var y} of the curve (x(t), y(t)) for t uniform on [a, b]. */
    private static double[] moments(DoubleUnaryOperator x, DoubleUnaryOperator y, double a, double b) {
        double mx = average(x, a, b);
        double my = average(y, a, b);
        double vx = average(t -> Math.pow(x.applyAsDouble(t) - mx, 2), a, b);
        double vy = average(t -> Math.pow(y.applyAsDouble(t) - my, 2), a, b);
        return new double[] {mx, my, vx, vy};
    }

    /** (1/(b − a)) ∫ f over [a, b], composite Simpson's rule. */
    private static double average(DoubleUnaryOperator f, double a, double b) {
        int intervals = 20_000;
        double h = (b - a) / intervals;
        double sum = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int i = 1; i < intervals; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
        }
        return sum * h / 3 / (b - a);
    }
}
