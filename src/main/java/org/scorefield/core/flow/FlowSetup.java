package org.scorefield.core.flow;

import org.scorefield.core.InvalidInputException;

/**
 * What a flow-matching model transports and how it was paired: its source, its coupling, and which
 * Reflow round made it (0: trained on coupled batches; k ≥ 1: trained on the pairs its round k − 1
 * model generated). Every other objective uses {@link #standard()}.
 *
 * @param source   the distribution at t = 1
 * @param coupling how batches were paired (round 0)
 * @param round    the Reflow round
 */
public record FlowSetup(FlowSource source, Coupling coupling, int round) {

    private static final FlowSetup STANDARD = new FlowSetup(FlowSource.gaussian(), Coupling.independent(), 0);

    public FlowSetup {
        InvalidInputException.require(source != null && coupling != null, "A flow setup needs a source and a coupling.");
        InvalidInputException.require(round >= 0, "A Reflow round cannot be negative, got " + round + ".");
    }

    /** N(0, I), independent pairs, round 0: conditional flow matching as in Lipman et al. (2023). */
    public static FlowSetup standard() {
        return STANDARD;
    }

    public static FlowSetup of(FlowSource source, Coupling coupling) {
        return new FlowSetup(source, coupling, 0);
    }

    public FlowSetup withRound(int r) {
        return new FlowSetup(source, coupling, r);
    }

    /** Whether training draws plain independent batches from N(0, I). */
    public boolean isStandard() {
        return source.isGaussian() && coupling.kind() == CouplingKind.INDEPENDENT && round == 0;
    }
}
