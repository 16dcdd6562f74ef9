package org.scorefield.core.denoise;

import org.scorefield.core.schedule.Schedule;

/**
 * Counts the calls made to a denoiser: the number of function evaluations (NFE) of a run. It can
 * also run an action before every call, which long work uses to report progress and to stop when
 * cancelled (the action throws).
 */
public final class CountingDenoiser implements Denoiser {

    private final Denoiser inner;
    private final Runnable beforeCall;
    private long calls;

    public CountingDenoiser(Denoiser inner) {
        this(inner, () -> { });
    }

    /** @param beforeCall runs before each call, on the calling thread; what it throws ends the call */
    public CountingDenoiser(Denoiser inner, Runnable beforeCall) {
        this.inner = inner;
        this.beforeCall = beforeCall;
    }

    @Override
    public Schedule schedule() {
        return inner.schedule();
    }

    @Override
    public double[] denoise(double[] xt, double t) {
        beforeCall.run();
        calls++;
        return inner.denoise(xt, t);
    }

    @Override
    public double[] score(double[] xt, double t) {
        beforeCall.run();
        calls++;
        return inner.score(xt, t);
    }

    @Override
    public VelocityDivergence velocityDivergence(double[] xt, double t) {
        beforeCall.run();
        calls++;
        return inner.velocityDivergence(xt, t);
    }

    @Override
    public double[] velocityQuadraticForm(double[] xt, double t, double[] xi) {
        beforeCall.run();
        calls++;
        return inner.velocityQuadraticForm(xt, t, xi);
    }

    @Override
    public boolean exactDivergence() {
        return inner.exactDivergence();
    }

    @Override
    public boolean gaussianNoise() {
        return inner.gaussianNoise();
    }

    @Override
    public boolean hasScore() {
        return inner.hasScore();
    }

    public long calls() {
        return calls;
    }
}
