package org.scorefield.core.nn;

import org.scorefield.core.head.EdmPreconditioning;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.Schedule;

/**
 * p(t), the times a network is trained at (docs/math.md §3.7): uniform on
 * {@code [max(t_min, schedule t_min), min(1, schedule t_max)]} for eps, x0, score and velocity;
 * EDM's log-normal noise-to-signal ratio {@code ln(σ/α) ~ N(P_mean, P_std²)} mapped to t and clamped
 * into the schedule's range; uniform on [0, 1] for flow matching. The noisy classifier is trained
 * uniformly over the same range ({@link #uniform}), so that it knows every time a sampler visits.
 */
final class TrainingTimes {

    private final Parameterization parameterization;
    private final double low;
    private final double high;

    TrainingTimes(Parameterization parameterization, TrainingSettings settings) {
        this.parameterization = parameterization;
        Schedule s = parameterization.schedule();
        if (parameterization.objective() == Objective.FLOW_MATCHING) {
            low = 0;
            high = 1;
        } else if (parameterization.objective() == Objective.EDM) {
            low = s.tMin();
            high = s.tMax();
        } else {
            low = Math.max(settings.tMin(), s.tMin());
            high = Math.min(1.0, s.tMax());
        }
    }

    /** The smallest time drawn. */
    double low() {
        return low;
    }

    /** One t; {@code pair} is scratch for EDM's Gaussian draw (two values). */
    double draw(SeededRandom random, double[] pair) {
        drawUniforms(random, pair, 0);
        return time(pair, 0);
    }

    /**
     * The random part of one {@link #draw}, consuming the stream as it does, into
     * {@code out[offset]} and {@code out[offset + 1]}; {@link #time} turns it into t on any thread.
     */
    void drawUniforms(SeededRandom random, double[] out, int offset) {
        if (parameterization.objective() == Objective.EDM) {
            random.nextGaussianUniforms(out, offset);
        } else {
            out[offset] = random.nextUniform(low, high);
        }
    }

    /** t from the values of {@link #drawUniforms} (EDM's first normal of the pair; the second is unused). */
    double time(double[] drawn, int offset) {
        if (parameterization.objective() == Objective.EDM) {
            double normal = SeededRandom.firstGaussian(drawn, offset);
            double ratio = Math.exp(EdmPreconditioning.P_MEAN + EdmPreconditioning.P_STD * normal);
            double t = parameterization.schedule().tOfNoiseToSignal(ratio);
            return Math.min(high, Math.max(low, Double.isNaN(t) ? high : t));
        }
        return drawn[offset];
    }

    /** One t uniform on the range (flow matching's pairs, the noisy classifier). */
    double uniform(SeededRandom random) {
        return random.nextUniform(low, high);
    }
}
