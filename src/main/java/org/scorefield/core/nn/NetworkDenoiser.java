package org.scorefield.core.nn;

import static org.scorefield.core.head.PredictionHead.velocityFromData;

import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.VelocityDivergence;
import org.scorefield.core.schedule.Coefficients;
import org.scorefield.core.schedule.Schedule;

/**
 * A trained network as a {@link Denoiser}: one batched forward pass per call, whatever the number
 * of points, its raw output turned into x̂0 by the {@link Parameterization}. Every sampler, field
 * and metric works on it exactly as on the oracle.
 */
public final class NetworkDenoiser implements Denoiser {

    private final Mlp network;
    private final Parameterization parameterization;
    private final int label;
    private final boolean gaussianNoise;

    NetworkDenoiser(Mlp network, Parameterization parameterization, int label, boolean gaussianNoise) {
        this.network = network;
        this.parameterization = parameterization;
        this.label = label;
        this.gaussianNoise = gaussianNoise;
    }

    /** False for a flow trained from another source or on dependent pairs ({@link org.scorefield.core.flow.FlowSetup}). */
    @Override
    public boolean gaussianNoise() {
        return gaussianNoise;
    }

    @Override
    public Schedule schedule() {
        return parameterization.schedule();
    }

    @Override
    public synchronized double[] denoise(double[] xt, double t) {
        if (xt.length == 0) {
            return new double[0];
        }
        Coefficients c = schedule().at(t);
        double[] f = network.forwardAtTime(parameterization.networkInput(c, xt), parameterization.timeInput(c), label);
        return parameterization.toData(c, xt, f);
    }

    @Override
    public boolean exactDivergence() {
        return true;
    }

    /**
     * û and the exact ∇·û (docs/math.md §7.2): one forward pass and two backward passes to the
     * positions, one per output, whose diagonal entries sum to the trace of the network's Jacobian.
     */
    @Override
    public synchronized VelocityDivergence velocityDivergence(double[] xt, double t) {
        int n = xt.length / 2;
        if (n == 0) {
            return new VelocityDivergence(new double[0], new double[0]);
        }
        Affine affine = forward(xt, t);
        double[] unitX = new double[2 * n];
        double[] unitY = new double[2 * n];
        for (int i = 0; i < n; i++) {
            unitX[2 * i] = 1;
            unitY[2 * i + 1] = 1;
        }
        double[] rowX = network.positionGradient(unitX); // ∂F_x/∂in_x, ∂F_x/∂in_y of each point
        double[] rowY = network.positionGradient(unitY);
        double[] divergence = new double[n];
        for (int i = 0; i < n; i++) {
            divergence[i] = affine.velocityQuadraticForm(2, rowX[2 * i] + rowY[2 * i + 1]);
        }
        return new VelocityDivergence(affine.velocity, divergence);
    }

    /** ξᵀ(∂û/∂x)ξ exactly: one forward pass and one backward pass of ξ to the positions. */
    @Override
    public synchronized double[] velocityQuadraticForm(double[] xt, double t, double[] xi) {
        int n = xt.length / 2;
        if (n == 0) {
            return new double[0];
        }
        Affine affine = forward(xt, t);
        double[] g = network.positionGradient(xi); // ξᵀ ∂F/∂in
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double xx = xi[2 * i] * xi[2 * i] + xi[2 * i + 1] * xi[2 * i + 1];
            out[i] = affine.velocityQuadraticForm(xx, g[2 * i] * xi[2 * i] + g[2 * i + 1] * xi[2 * i + 1]);
        }
        return out;
    }

    /**
     * One forward pass, and how û depends on x and on the network's output F at this time. Every
     * objective's x̂0 is affine in x and F, the same per coordinate: {@code x̂0 = a·x + b·F(c_in·x)};
     * and {@code û = α'x̂0 + σ'(x − αx̂0)/σ = A·x̂0 + B·x} with {@code A = α' − σ'α/σ}, {@code B = σ'/σ}.
     * So {@code ξᵀ(∂û/∂x)ξ = (A·a + B)·‖ξ‖² + A·b·c_in·ξᵀ(∂F/∂in)ξ}; with ξ the two unit vectors
     * in turn, their sum is the divergence.
     */
    private Affine forward(double[] xt, double t) {
        Coefficients c = schedule().at(t);
        double[] f = network.forwardAtTime(parameterization.networkInput(c, xt), parameterization.timeInput(c), label);
        double[] x0 = parameterization.toData(c, xt, f);
        double a = parameterization.toData(c, new double[] {1, 0}, new double[] {0, 0})[0];
        double b = parameterization.toData(c, new double[] {0, 0}, new double[] {1, 0})[0];
        double bigA = c.dAlpha() - c.dSigma() * c.alpha() / c.sigma();
        double bigB = c.dSigma() / c.sigma();
        return new Affine(velocityFromData(c, xt, x0), bigA * a + bigB, bigA * b * parameterization.inputScale(c));
    }

    /** û, and {@code ξᵀ(∂û/∂x)ξ = identity·‖ξ‖² + network·ξᵀ(∂F/∂in)ξ}. */
    private record Affine(double[] velocity, double identity, double network) {

        double velocityQuadraticForm(double xiSquared, double networkForm) {
            return identity * xiSquared + network * networkForm;
        }
    }
}
