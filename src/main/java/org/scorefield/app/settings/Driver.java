package org.scorefield.app.settings;

/**
 * Who drives sampling: the trained model (the exact oracle until there is one), or the exact oracle
 * of the data.
 */
public enum Driver {
    MODEL("The model, once trained"), EXACT("Exact oracle");

    private final String label;

    Driver(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
