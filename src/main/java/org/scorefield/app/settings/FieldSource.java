package org.scorefield.app.settings;

/** Where the vector field on the canvas comes from. */
public enum FieldSource {
    LEARNED("Learned"), EXACT("Exact"), DIFFERENCE("|Learned − exact|");

    private final String label;

    FieldSource(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
