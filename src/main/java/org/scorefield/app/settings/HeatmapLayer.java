package org.scorefield.app.settings;

/**
 * What the heatmap layer (the Density button) shows: the exact density p_t, or, for a chosen class,
 * the exact noisy classifier p_t(c | x) or the tilted density p_t(x)·p_t(c | x)^ω that guidance is
 * often said to sample (docs/math.md §9.2–9.3), all at the scrubber's t.
 */
public enum HeatmapLayer {
    DENSITY("Density p\u209c"), CLASSIFIER("Classifier p(c | x\u209c)"), TILTED("Tilted p\u00b7p(c | x)^\u03c9");

    private final String label;

    HeatmapLayer(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
