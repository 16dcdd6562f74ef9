package org.scorefield.core.data;

import org.scorefield.core.random.SeededRandom;

/**
 * The non-Gaussian toy distributions behind the presets, each drawn in the coordinates of its
 * classic definition and then mapped to unit spread by a fixed affine map
 * {@code x' = k (x − c_x), y' = k (y − c_y)}.
 * <pre>
 *   scikit-learn make_moons, make_swiss_roll (Pedregosa et al., JMLR 12, 2011);
 *   FFJORD lib/toy_data.py: rings, checkerboard, 2spirals, pinwheel (Grathwohl et al., ICLR 2019);
 *   pinwheel after Johnson et al., "Composing graphical models with neural networks", NeurIPS 2016.
 * </pre>
 *
 * <p>How the constants were chosen: the centre {@code c} is the mean of the classic shape and the
 * scale {@code k} makes the root mean square of the two coordinates' standard deviations exactly 1
 * (total variance 2), so every shape fills the same region as the prior N(0, I). Both come from
 * closed forms where they exist, and otherwise from numerical quadrature of the shape's moments
 * (mpmath, 30 digits), rounded to double. The scale is the same for both axes, so no shape is
 * distorted; it is fixed rather than fitted to each sample, so that a sample's spread varies from
 * seed to seed as any sample's does.
 *
 * <p>Where two draws of the classic code split n evenly between classes, these draw each point's
 * class independently, so that a sample is n independent draws of one distribution. All
 * trigonometry goes through {@link StrictMath}: samples are identical on every JVM.
 */
final class ToyShapes {

    /** Draws n points from one toy distribution. */
    @FunctionalInterface
    interface Shape {
        PointSet sample(int n, SeededRandom rng);
    }

    /** sklearn's make_moons noise, as a standard deviation in the unscaled coordinates. */
    static final double MOONS_NOISE = 0.05;
    /** Mean of the unscaled moons: (1/2, 1/4), exactly, by symmetry of the two half circles. */
    static final double MOONS_CENTER_X = 0.5;
    static final double MOONS_CENTER_Y = 0.25;
    /**
     * {@code k = 1/sqrt((var x + var y)/2)} with, for the moon half-circles and noise ν,
     * {@code var x = 3/4 + ν²}, {@code var y = 9/16 − 1/π + ν²}.
     */
    static final double MOONS_SCALE = 1.4147865864723689;

    /** Half the side of the 4×4 board: each coordinate is uniform on [−√3, √3], std exactly 1. */
    static final double CHECKERBOARD_HALF_SIDE = 1.7320508075688772;

    /** Noise of the swiss roll in sklearn's units (their default is 0, FFJORD's 1; a thinner roll shows its sheet). */
    static final double SWISS_ROLL_NOISE = 0.5;
    /** Mean of {@code t (cos t, sin t)}, t uniform on [3π/2, 9π/2]: (2, 2/(3π)), exactly. */
    static final double SWISS_ROLL_CENTER_X = 2.0;
    static final double SWISS_ROLL_CENTER_Y = 0.21220659078919378;
    /** From the second moments of the roll by quadrature, noise included. */
    static final double SWISS_ROLL_SCALE = 0.14689720219783011;

    /** Radii of the rings in units of the outer radius, after FFJORD's rings. */
    static final double[] RING_RADII = {0.25, 0.5, 0.75, 1.0};
    /** FFJORD's ring noise, 0.08 at outer radius 3, as a fraction of the outer radius. */
    static final double RINGS_NOISE = 0.08 / 3;
    /**
     * The outer radius R: rings chosen equally often, uniform angle, so
     * {@code var x = var y = R² (mean of r²)/2 + (R·noise)² = R² (15/64 + noise²)}; set to 1.
     */
    static final double RINGS_OUTER_RADIUS = 2.0624646523979716;

    /** The spirals turn through 540°, with FFJORD's radius law {@code n = 3π sqrt(u)}. */
    static final double SPIRALS_TURN = 3 * Math.PI;
    /** FFJORD's noise after its division by 3, in those units. */
    static final double SPIRALS_NOISE = 0.1;
    /** From the second moments of the arm {@code n (−cos n, sin n)/3} by quadrature, noise included. */
    static final double SPIRALS_SCALE = 0.63533361910967267;

    /** FFJORD's pinwheel: 5 arms, radial and tangential noise, twist rate. */
    static final int PINWHEEL_ARMS = 5;
    static final double PINWHEEL_RADIAL_STD = 0.3;
    static final double PINWHEEL_TANGENTIAL_STD = 0.1;
    static final double PINWHEEL_RATE = 0.25;
    /**
     * A rotation keeps the norm, and 5-fold symmetry makes the covariance isotropic, so
     * {@code var x = var y = E|f|²/2 = (1 + 0.3² + 0.1²)/2 = 0.55}: {@code k = sqrt(20/11)}. (FFJORD
     * multiplies by 2, a standard deviation of 1.48.)
     */
    static final double PINWHEEL_SCALE = 1.3483997249264842;

    private ToyShapes() {
    }

    /** Two interleaving half circles; label 0 is the upper moon, 1 the lower one. */
    static PointSet moons(int n, SeededRandom rng) {
        double[] xy = new double[2 * n];
        int[] labels = new int[n];
        double[] z = new double[2];
        for (int i = 0; i < n; i++) {
            int moon = rng.nextInt(2);
            double t = Math.PI * rng.nextUniform();
            double x = moon == 0 ? StrictMath.cos(t) : 1 - StrictMath.cos(t);
            double y = moon == 0 ? StrictMath.sin(t) : 0.5 - StrictMath.sin(t);
            rng.nextGaussianPair(z, 0);
            xy[2 * i] = MOONS_SCALE * (x + MOONS_NOISE * z[0] - MOONS_CENTER_X);
            xy[2 * i + 1] = MOONS_SCALE * (y + MOONS_NOISE * z[1] - MOONS_CENTER_Y);
            labels[i] = moon;
        }
        return PointSet.wrap(xy, labels);
    }

    /**
     * Uniform on the 8 dark cells of a 4×4 checkerboard (those with even column + row, counted
     * from the lower left); unlabelled.
     */
    static PointSet checkerboard(int n, SeededRandom rng) {
        double cell = CHECKERBOARD_HALF_SIDE / 2;
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double u = 4 * rng.nextUniform();
            int column = (int) u;
            int row = 2 * rng.nextInt(2) + column % 2;
            xy[2 * i] = cell * (u - 2);
            xy[2 * i + 1] = cell * (row + rng.nextUniform() - 2);
        }
        return PointSet.wrap(xy, null);
    }

    /** sklearn's swiss roll seen from its side, {@code t (cos t, sin t)}; unlabelled. */
    static PointSet swissRoll(int n, SeededRandom rng) {
        double[] xy = new double[2 * n];
        double[] z = new double[2];
        for (int i = 0; i < n; i++) {
            double t = 1.5 * Math.PI * (1 + 2 * rng.nextUniform());
            rng.nextGaussianPair(z, 0);
            double x = t * StrictMath.cos(t) + SWISS_ROLL_NOISE * z[0];
            double y = t * StrictMath.sin(t) + SWISS_ROLL_NOISE * z[1];
            xy[2 * i] = SWISS_ROLL_SCALE * (x - SWISS_ROLL_CENTER_X);
            xy[2 * i + 1] = SWISS_ROLL_SCALE * (y - SWISS_ROLL_CENTER_Y);
        }
        return PointSet.wrap(xy, null);
    }

    /** Four concentric noisy circles, each chosen equally often; the label is the ring, 0 innermost. */
    static PointSet rings(int n, SeededRandom rng) {
        double[] xy = new double[2 * n];
        int[] labels = new int[n];
        double[] z = new double[2];
        for (int i = 0; i < n; i++) {
            int ring = rng.nextInt(RING_RADII.length);
            double theta = 2 * Math.PI * rng.nextUniform();
            rng.nextGaussianPair(z, 0);
            double r = RING_RADII[ring];
            xy[2 * i] = RINGS_OUTER_RADIUS * (r * StrictMath.cos(theta) + RINGS_NOISE * z[0]);
            xy[2 * i + 1] = RINGS_OUTER_RADIUS * (r * StrictMath.sin(theta) + RINGS_NOISE * z[1]);
            labels[i] = ring;
        }
        return PointSet.wrap(xy, labels);
    }

    /**
     * Two interleaved spirals, the second the first turned by 180°; the label is the spiral.
     * FFJORD also adds a uniform jitter of up to 0.5 before dividing by 3; it is left out so that
     * the Gaussian noise alone sets the arms' thickness.
     */
    static PointSet spirals(int n, SeededRandom rng) {
        double[] xy = new double[2 * n];
        int[] labels = new int[n];
        double[] z = new double[2];
        for (int i = 0; i < n; i++) {
            int spiral = rng.nextInt(2);
            // sqrt(u) makes the density along the arm grow with the radius, as in FFJORD
            double a = SPIRALS_TURN * Math.sqrt(rng.nextUniform());
            double sign = spiral == 0 ? 1 : -1;
            rng.nextGaussianPair(z, 0);
            double armX = -a * StrictMath.cos(a) / 3;
            double armY = a * StrictMath.sin(a) / 3;
            xy[2 * i] = SPIRALS_SCALE * (sign * armX + SPIRALS_NOISE * z[0]);
            xy[2 * i + 1] = SPIRALS_SCALE * (sign * armY + SPIRALS_NOISE * z[1]);
            labels[i] = spiral;
        }
        return PointSet.wrap(xy, labels);
    }

    /**
     * Five curved arms: a Gaussian blob {@code f = (1 + 0.3 z0, 0.1 z1)} rotated by the arm's
     * angle plus a twist {@code 0.25 exp(f0)} that grows along the arm; the label is the arm.
     */
    static PointSet pinwheel(int n, SeededRandom rng) {
        double[] xy = new double[2 * n];
        int[] labels = new int[n];
        double[] z = new double[2];
        for (int i = 0; i < n; i++) {
            int arm = rng.nextInt(PINWHEEL_ARMS);
            rng.nextGaussianPair(z, 0);
            double radial = 1 + PINWHEEL_RADIAL_STD * z[0];
            double tangential = PINWHEEL_TANGENTIAL_STD * z[1];
            double angle = 2 * Math.PI * arm / PINWHEEL_ARMS + PINWHEEL_RATE * StrictMath.exp(radial);
            double c = StrictMath.cos(angle);
            double s = StrictMath.sin(angle);
            xy[2 * i] = PINWHEEL_SCALE * (c * radial - s * tangential);
            xy[2 * i + 1] = PINWHEEL_SCALE * (s * radial + c * tangential);
            labels[i] = arm;
        }
        return PointSet.wrap(xy, labels);
    }
}
