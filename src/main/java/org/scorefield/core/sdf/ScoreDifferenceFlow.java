package org.scorefield.core.sdf;

import org.scorefield.core.InvalidInputException;
import org.scorefield.core.denoise.KernelDenoiser;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.random.SeededRandom;

/**
 * Score-difference flow (Weber, TMLR 2023; docs/math.md §10): source particles y move towards a target
 * point set without a network,
 * <pre>
 *   z = y + σ·ξ,     y ← y + η·(D_p(z; σ) − D_q(z; σ))/σ²
 * </pre>
 * with D_p and D_q the kernel denoisers (the memorising oracle of docs/math.md §4.1 with α = 1) of the
 * target points and of the current particles. The target never moves. σ is fixed, or annealed
 * geometrically from σ to σ_end over the iterations; then η scales with σ² so that every step moves
 * the same share of the way.
 *
 * @param sigma    σ, or the first σ when annealed
 * @param sigmaEnd the last σ when annealed (ignored otherwise)
 * @param anneal   whether σ is annealed
 * @param eta      η at σ
 * @param iterations the number of updates
 */
public record ScoreDifferenceFlow(double sigma, double sigmaEnd, boolean anneal, double eta, int iterations) {

    /** The most iterations a run may take. */
    public static final int MAX_ITERATIONS = 100_000;

    public ScoreDifferenceFlow {
        InvalidInputException.require(Double.isFinite(sigma) && sigma > 0 && sigma <= 100, "σ must lie in (0, 100], "
                + "got " + sigma + ".");
        InvalidInputException.require(!anneal || Double.isFinite(sigmaEnd) && sigmaEnd > 0 && sigmaEnd <= sigma,
                "The last σ of an annealed run must lie in (0, σ], got " + sigmaEnd + ".");
        InvalidInputException.require(Double.isFinite(eta) && eta > 0 && eta <= 100 * sigma * sigma, "η must lie in "
                + "(0, 100·σ²], got " + eta + ".");
        InvalidInputException.require(iterations >= 1 && iterations <= MAX_ITERATIONS, "The iterations must number "
                + "1 to " + MAX_ITERATIONS + ", got " + iterations + ".");
    }

    /** σ at iteration k (0-based). */
    public double sigmaAt(int k) {
        if (!anneal || iterations == 1) {
            return sigma;
        }
        return sigma * Math.pow(sigmaEnd / sigma, (double) k / (iterations - 1));
    }

    /** η at iteration k: η·(σ_k/σ)² when annealed. */
    public double etaAt(int k) {
        double s = sigmaAt(k) / sigma;
        return eta * s * s;
    }

    /**
     * The n particles a run starts from: N(0, I) from {@code derive(seed, "sdf-source")}, or n draws of
     * the source's distribution from the same stream. The command line and the window both start here,
     * so that one seed gives the same particles in both.
     */
    public static double[] startingPoints(FlowSource source, int n, long seed) {
        InvalidInputException.require(n >= 1, "The flow needs at least one particle, got " + n + ".");
        long stream = SeededRandom.derive(seed, "sdf-source");
        return source.distribution().map(d -> d.sample(n, stream).xy())
                .orElseGet(() -> new SeededRandom(stream).gaussianPoints(n));
    }

    /** Sees the particles after each iteration (1-based); may throw to stop. */
    @FunctionalInterface
    public interface Observer {
        void after(int iteration, double[] particles);

        Observer NONE = (k, y) -> { };
    }

    /**
     * Runs the flow from the source particles (interleaved, copied) towards the target points, with the
     * noise ξ from the seed; returns the particles after the last iteration.
     */
    public double[] run(double[] target, double[] source, long seed, Observer observer) {
        InvalidInputException.require(target.length >= 2 && source.length >= 2, "The flow needs target and source "
                + "points.");
        double[] y = source.clone();
        SeededRandom noise = new SeededRandom(SeededRandom.derive(seed, "sdf-noise"));
        double[] xi = new double[y.length];
        for (int k = 0; k < iterations; k++) {
            double s = sigmaAt(k);
            noise.fillGaussian(xi);
            double[] z = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                z[i] = y[i] + s * xi[i];
            }
            double[] dp = KernelDenoiser.denoise(target, z, s);
            double[] dq = KernelDenoiser.denoise(y, z, s);
            double step = etaAt(k) / (s * s);
            for (int i = 0; i < y.length; i++) {
                y[i] += step * (dp[i] - dq[i]);
            }
            observer.after(k + 1, y);
        }
        return y;
    }
}
