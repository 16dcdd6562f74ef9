package org.scorefield.app.settings;

/**
 * What an animation shows, in the window's Export section and in {@code render --what}: the noising
 * sweep, one sampler's paths, the PF-ODE beside the reverse SDE, the Reflow rounds side by side, a
 * model's samples as it trains, the A vs B view's two models side by side (the window's only), the
 * "ω a vs b" view's two guidance scales side by side (the window's, or a lesson scene's), or a guidance
 * sweep: one class's samples from the same noise as ω grows from 0.
 */
public enum AnimationSubject {
    NOISING("forward noising"), SAMPLING("sampling"), SPLIT("ODE vs SDE"), REFLOW("Reflow rounds"),
    TRAINING("training, replayed"), COMPARE("A vs B"), GUIDANCE_SPLIT("\u03c9 a vs b"), GUIDANCE("guidance sweep");

    private final String label;

    AnimationSubject(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
