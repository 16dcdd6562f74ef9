package org.scorefield.app.settings;

/**
 * How the data layer carries each point from t = 0 to t = 1 (docs/math.md §1.4): along its smooth
 * fixed-ε path {@code x_t = α(t)·x0 + σ(t)·ε}, or along a Brownian path of the forward SDE
 * {@code dx = f·x dt + g dW} drawn by Euler–Maruyama. Both have the marginal N(α·x0, σ²I) at every t.
 */
public enum ForwardPaths {
    FIXED_EPSILON("fixed \u03b5"), BROWNIAN("Brownian (SDE)");

    private final String label;

    ForwardPaths(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
