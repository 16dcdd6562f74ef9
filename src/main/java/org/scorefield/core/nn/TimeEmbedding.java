package org.scorefield.core.nn;

import org.scorefield.core.Identified;
import org.scorefield.core.random.SeededRandom;

/**
 * How the network sees its time input τ (t itself, or EDM's c_noise): {@code [sin(ω_k τ), cos(ω_k τ)]}
 * for k = 1..F frequencies.
 * <ul>
 *   <li>{@link #SINUSOIDAL}: the transformer embedding (Vaswani et al. 2017) used by DDPM,
 *       frequencies geometric from 1 to {@value #MAX_FREQUENCY} radians per unit of τ;</li>
 *   <li>{@link #FOURIER}: random Fourier features (Tancik et al. 2020) as in Song et al.'s score
 *       networks, {@code ω_k ~ N(0, s²)} with s = {@value #FOURIER_SCALE}, drawn from a seed.</li>
 * </ul>
 * τ lies in [0, 1] for t, and roughly in [−2, 1] for EDM's c_noise = ¼ ln σ.
 */
public enum TimeEmbedding implements Identified {
    SINUSOIDAL("sinusoidal"),
    FOURIER("fourier");

    /** The highest sinusoidal frequency: a full period over 1/10 of the time axis. */
    public static final double MAX_FREQUENCY = 64;
    /** The standard deviation of the random Fourier frequencies. */
    public static final double FOURIER_SCALE = 16;

    private final String id;

    TimeEmbedding(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static TimeEmbedding fromId(String id) {
        return Identified.byId(TimeEmbedding.class, id, "time embedding");
    }

    /** The F angular frequencies; the seed only matters for {@link #FOURIER}. */
    public double[] frequencies(int count, long seed) {
        double[] w = new double[count];
        if (this == SINUSOIDAL) {
            for (int k = 0; k < count; k++) {
                w[k] = count == 1 ? 1 : Math.pow(MAX_FREQUENCY, k / (double) (count - 1));
            }
        } else {
            SeededRandom random = new SeededRandom(SeededRandom.derive(seed, "fourier-features"));
            double[] pair = new double[2];
            for (int k = 0; k < count; k += 2) {
                random.nextGaussianPair(pair, 0);
                w[k] = FOURIER_SCALE * pair[0];
                if (k + 1 < count) {
                    w[k + 1] = FOURIER_SCALE * pair[1];
                }
            }
        }
        return w;
    }

    /** Writes sin(ω_k τ) then cos(ω_k τ) for each k into out[offset …]. */
    static void embed(double[] frequencies, double tau, double[] out, int offset) {
        int f = frequencies.length;
        for (int k = 0; k < f; k++) {
            double angle = frequencies[k] * tau;
            out[offset + k] = Math.sin(angle);
            out[offset + f + k] = Math.cos(angle);
        }
    }
}
