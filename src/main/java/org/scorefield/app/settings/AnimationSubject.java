package org.scorefield.app.settings;

/**
 * What an animation shows, in the window's Export section and in {@code render --what}: the noising
 * sweep, one sampler's paths, the PF-ODE beside the reverse SDE, the Reflow rounds side by side, a
 * model's samples as it trains, or the A vs B view's two models side by side (the window's only).
 */
public enum AnimationSubject {
    NOISING("forward noising"), SAMPLING("sampling"), SPLIT("ODE vs SDE"), REFLOW("Reflow rounds"),
    TRAINING("training, replayed"), COMPARE("A vs B");

    private final String label;

    AnimationSubject(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
