package org.scorefield.core.random;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The one source of randomness in Scorefield: a seeded stream of uniform and standard normal
 * numbers that is identical, bit for bit, on every machine and JDK.
 *
 * <p>Uniforms come from {@link SplittableRandom} (SplitMix64, whose algorithm is fixed); normals
 * come in pairs from the Box–Muller transform computed with {@link StrictMath}, whose results are
 * specified to the last bit. In 2D one pair is exactly one point of noise.
 *
 * <p>Streams for different purposes derive their seeds from one user-visible seed with
 * {@link #derive(long, String)}, so that, for example, the start noise of a sampler and the noise
 * of its SDE steps can be kept or changed independently.
 *
 * <p>Not thread-safe: give every worker its own instance.
 */
public final class SeededRandom {

    private final SplittableRandom uniform;

    public SeededRandom(long seed) {
        this.uniform = new SplittableRandom(seed);
    }

    /**
     * A seed for a named stream derived from a user seed. Different names give statistically
     * independent streams; the same (seed, name) always gives the same stream.
     */
    public static long derive(long seed, String stream) {
        long h = seed;
        for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
            h = mix64(h ^ (b & 0xff)) + 0x9E3779B97F4A7C15L;
        }
        return mix64(h);
    }

    /** Uniform in [0, 1). */
    public double nextUniform() {
        return uniform.nextDouble();
    }

    /** Uniform in [lo, hi). */
    public double nextUniform(double lo, double hi) {
        return lo + (hi - lo) * uniform.nextDouble();
    }

    /** Uniform integer in [0, bound). */
    public int nextInt(int bound) {
        return uniform.nextInt(bound);
    }

    /**
     * Writes one standard normal 2-vector into {@code out[offset]} and {@code out[offset + 1]}
     * (Box–Muller: {@code r = sqrt(-2 ln u1)}, {@code θ = 2π u2}).
     */
    public void nextGaussianPair(double[] out, int offset) {
        nextGaussianUniforms(out, offset);
        gaussianPair(out, offset);
    }

    /**
     * Draws the two uniforms of the next {@link #nextGaussianPair} into {@code out[offset]} and
     * {@code out[offset + 1]}, consuming the stream as it does; {@link #gaussianPair} then turns
     * them into the same normals, bit for bit, on any thread. The transform's logarithm and
     * trigonometry cost ten times the draw, so a batch draws its uniforms in order on one thread
     * and transforms them in parallel.
     */
    public void nextGaussianUniforms(double[] out, int offset) {
        out[offset] = 1.0 - uniform.nextDouble(); // (0, 1]: the logarithm stays finite
        out[offset + 1] = uniform.nextDouble();
    }

    /**
     * The first of the two normals {@link #gaussianPair} makes from the uniforms at
     * {@code drawn[offset]}, {@code drawn[offset + 1]} (the same bits), without the second's sine.
     */
    public static double firstGaussian(double[] drawn, int offset) {
        return StrictMath.sqrt(-2.0 * StrictMath.log(drawn[offset])) * StrictMath.cos(2.0 * StrictMath.PI * drawn[offset + 1]);
    }

    /** Replaces the uniforms of {@link #nextGaussianUniforms} in place by their two normals. */
    public static void gaussianPair(double[] out, int offset) {
        double r = StrictMath.sqrt(-2.0 * StrictMath.log(out[offset]));
        double theta = 2.0 * StrictMath.PI * out[offset + 1];
        out[offset] = r * StrictMath.cos(theta);
        out[offset + 1] = r * StrictMath.sin(theta);
    }

    /** Fills an array of even length with independent standard normals. */
    public void fillGaussian(double[] out) {
        if (out.length % 2 != 0) {
            throw new IllegalArgumentException("an interleaved 2D array has even length, got " + out.length);
        }
        for (int i = 0; i < out.length; i += 2) {
            nextGaussianPair(out, i);
        }
    }

    /** A new array of {@code 2n} standard normals: n points of 2D noise. */
    public double[] gaussianPoints(int n) {
        double[] out = new double[2 * n];
        fillGaussian(out);
        return out;
    }

    /** The SplitMix64 finaliser (Steele, Lea and Flood 2014). */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
