package org.scorefield.core.nn;

import org.scorefield.core.Identified;

/**
 * The weight w(t) of the score objective: 1, or the likelihood weighting {@code w = g²(t)} of
 * Song et al. (2021, "Maximum likelihood training of score-based diffusion models"; book 4.2.7),
 * which makes the loss a bound on the negative log-likelihood. Other objectives use w = 1.
 */
public enum LossWeighting implements Identified {
    UNIFORM("uniform"),
    LIKELIHOOD("likelihood");

    private final String id;

    LossWeighting(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static LossWeighting fromId(String id) {
        return Identified.byId(LossWeighting.class, id, "loss weighting");
    }
}
