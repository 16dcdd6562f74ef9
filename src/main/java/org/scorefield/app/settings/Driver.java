package org.scorefield.app.settings;

/** Who drives sampling: the trained model, or the exact oracle of the data. */
public enum Driver {
    MODEL("Trained model"), EXACT("Exact oracle");

    private final String label;

    Driver(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
