package org.scorefield.core.nn;

import org.scorefield.core.denoise.Denoiser;
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
}
