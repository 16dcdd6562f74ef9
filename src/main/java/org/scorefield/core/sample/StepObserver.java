package org.scorefield.core.sample;

/**
 * Told by a sampler where its points are at each grid time t_i, i = 0..K. The sampler passes
 * the x̂0 it evaluated at exactly {@code (x, t_i)} when it has one, otherwise null. Both arrays
 * belong to the sampler and change after the call: copy what you keep.
 */
@FunctionalInterface
public interface StepObserver {

    StepObserver NONE = (i, x, denoised) -> { };

    void atGridTime(int i, double[] x, double[] denoised);
}
