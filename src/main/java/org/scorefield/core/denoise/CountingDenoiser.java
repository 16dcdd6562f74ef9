package org.scorefield.core.denoise;

import org.scorefield.core.schedule.Schedule;

/** Counts the calls made to a denoiser: the number of function evaluations (NFE) of a run. */
public final class CountingDenoiser implements Denoiser {

    private final Denoiser inner;
    private long calls;

    public CountingDenoiser(Denoiser inner) {
        this.inner = inner;
    }

    @Override
    public Schedule schedule() {
        return inner.schedule();
    }

    @Override
    public double[] denoise(double[] xt, double t) {
        calls++;
        return inner.denoise(xt, t);
    }

    @Override
    public double[] score(double[] xt, double t) {
        calls++;
        return inner.score(xt, t);
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
