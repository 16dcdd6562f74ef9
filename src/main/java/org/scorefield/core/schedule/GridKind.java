package org.scorefield.core.schedule;

import org.scorefield.core.Identified;

/**
 * How a sampler spaces its steps (docs/math.md §5.1). Which wins depends on the schedule and the number
 * of steps, so the choice is the user's.
 */
public enum GridKind implements Identified {
    /** Uniform in t. */
    UNIFORM("uniform", "uniform in t"),
    /** Uniform in λ = log(α/σ). */
    LOG_SNR("logsnr", "uniform in log-SNR"),
    /** EDM's ρ = 7 spacing of the noise level. */
    EDM("edm", "EDM ρ-spacing");

    private final String id;
    private final String displayName;

    GridKind(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    @Override
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** Whether the grid is defined through λ, which must then be finite at both ends. */
    public boolean needsFiniteLambda() {
        return this != UNIFORM;
    }

    public TimeGrid build(Schedule schedule, double tStart, double tEnd, int steps) {
        return switch (this) {
            case UNIFORM -> TimeGrid.uniform(tStart, tEnd, steps);
            case LOG_SNR -> TimeGrid.uniformLogSnr(schedule, tStart, tEnd, steps);
            case EDM -> TimeGrid.edm(schedule, tStart, tEnd, steps, TimeGrid.EDM_RHO);
        };
    }

    public static GridKind fromId(String id) {
        return Identified.byId(GridKind.class, id, "grid");
    }
}
