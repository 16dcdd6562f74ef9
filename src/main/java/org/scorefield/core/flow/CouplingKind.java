package org.scorefield.core.flow;

import org.scorefield.core.Identified;

/** How flow matching pairs data with source points within a batch (docs/math.md §8.4–8.5). */
public enum CouplingKind implements Identified {
    INDEPENDENT("independent", "independent", "random pairs: every data point with any source point"),
    OT("ot", "minibatch OT", "the exact assignment minimising Σ‖x₀ − x₁‖² within each batch"),
    SINKHORN("sinkhorn", "Sinkhorn (entropic OT)", "pairs drawn from the entropic plan e^{−C/ε}; ε → 0 is OT, "
            + "large ε independent");

    private final String id;
    private final String displayName;
    private final String description;

    CouplingKind(String id, String displayName, String description) {
        this.id = id;
        this.displayName = displayName;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    public static CouplingKind fromId(String id) {
        return Identified.byId(CouplingKind.class, id, "coupling");
    }
}
