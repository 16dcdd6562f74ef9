package org.scorefield.core.likelihood;

import org.scorefield.core.InvalidInputException;

/**
 * How the likelihood ODE gets ∇·û (docs/math.md §7.2): exactly (through the network, or by central
 * differences in double precision for an oracle), or by Hutchinson's estimator with a number of
 * Rademacher probes per point, fixed for the whole integration as in FFJORD.
 *
 * @param probes 0 for the exact divergence; otherwise Hutchinson's, with this many probes
 */
public record DivergenceEstimator(int probes) {

    /** The most probes a point may have: each is one more backward pass per evaluation. */
    public static final int MAX_PROBES = 1024;

    public DivergenceEstimator {
        InvalidInputException.require(probes >= 0 && probes <= MAX_PROBES, "Hutchinson's estimator takes 1 to "
                + MAX_PROBES + " probes per point, got " + probes + ".");
    }

    public static DivergenceEstimator exact() {
        return new DivergenceEstimator(0);
    }

    public static DivergenceEstimator hutchinson(int probes) {
        InvalidInputException.require(probes >= 1, "Hutchinson's estimator needs at least one probe, got " + probes
                + ".");
        return new DivergenceEstimator(probes);
    }

    public boolean isExact() {
        return probes == 0;
    }

    /** {@code exact} or {@code hutchinson}, as the command line reports it. */
    public String id() {
        return isExact() ? "exact" : "hutchinson";
    }
}
