package org.scorefield.core.sample;

import org.scorefield.core.schedule.GridKind;

import org.scorefield.core.Identified;

/** The samplers of docs/math.md §5, by the names the command line and the window use. */
public enum SamplerKind implements Identified {
    EULER("euler", "Euler (PF-ODE)"),
    HEUN("heun", "Heun (PF-ODE, 2nd order)"),
    RK4("rk4", "Runge–Kutta 4 (PF-ODE)"),
    DDIM("ddim", "DDIM"),
    DDIM_ETA("ddim-eta", "DDIM-η"),
    DPM2M("dpm2m", "DPM-Solver++(2M)"),
    SDE("sde", "Euler–Maruyama"),
    EDM_CHURN("edm-churn", "EDM stochastic (churn)"),
    LANGEVIN("langevin", "annealed Langevin"),
    PC("pc", "predictor–corrector");

    private final String id;
    private final String displayName;

    SamplerKind(String id, String displayName) {
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

    /** Builds the sampler these settings describe. */
    Sampler create(SamplerSettings s) {
        LangevinCorrector langevin = new LangevinCorrector(s.langevinSteps(), s.langevinStepScale());
        return switch (this) {
            case EULER -> new EulerMaruyamaSampler(0);
            case HEUN -> new HeunSampler();
            case RK4 -> new Rk4Sampler();
            case DDIM -> new DdimSampler(0);
            case DDIM_ETA -> new DdimSampler(s.eta());
            case DPM2M -> new DpmSolverPp2M();
            case SDE -> new EulerMaruyamaSampler(s.eta());
            case EDM_CHURN -> EdmStochasticSampler.withChurn(s.churn());
            case LANGEVIN -> new AnnealedLangevinSampler(langevin);
            case PC -> new PredictorCorrectorSampler(langevin);
        };
    }

    /** Whether η means something for this method: the SDE's γ = η·g and DDIM's η. */
    public boolean takesEta() {
        return this == SDE || this == DDIM_ETA;
    }

    /**
     * The settings a user chose: this method's defaults with the steps, the grid and (where the
     * method takes one, {@link #takesEta()}) η; the window and a session file mean this.
     */
    public SamplerSettings settings(int steps, GridKind grid, double eta) {
        SamplerSettings s = SamplerSettings.defaults(this).withSteps(steps).withGrid(grid);
        return takesEta() ? s.withEta(eta) : s;
    }

    /** Whether these settings make the sampler draw noise along the way. */
    public boolean isStochastic(SamplerSettings s) {
        return switch (this) {
            case EULER, HEUN, RK4, DDIM, DPM2M -> false;
            case DDIM_ETA, SDE -> s.eta() > 0;
            case EDM_CHURN -> s.churn() > 0;
            case LANGEVIN, PC -> true;
        };
    }

    /**
     * Whether the sampler needs λ, f or g² at its first time, which for schedules with α(1) = 0
     * means starting at {@code tMax()} rather than t = 1.
     */
    boolean needsFiniteCoefficients(SamplerSettings s) {
        return switch (this) {
            case DPM2M, EDM_CHURN, PC -> true;
            case SDE -> s.eta() > 0;
            default -> false;
        };
    }

    public static SamplerKind fromId(String id) {
        return Identified.byId(SamplerKind.class, id, "solver");
    }
}
