package org.scorefield.app.settings;

/**
 * How sampling is steered towards a class (docs/math.md §9): classifier-free guidance combines the
 * class's denoiser with the whole data's; classifier guidance adds ω times the gradient of a noisy
 * classifier's log p_t(c | x) to the whole data's score. With the exact oracle both are one field.
 */
public enum GuidanceKind implements org.scorefield.core.Identified {
    CLASSIFIER_FREE("cfg", "Classifier-free"), CLASSIFIER("classifier", "Classifier");

    private final String id;
    private final String label;

    GuidanceKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name on the command line ({@code --guidance cfg|classifier}), in JSON and in session files. */
    @Override
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return label;
    }
}
