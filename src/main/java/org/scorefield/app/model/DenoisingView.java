package org.scorefield.app.model;

import javafx.beans.property.BooleanProperty;
import org.scorefield.app.settings.Settings;

/**
 * The "denoising vs sampling" lesson mode (docs/math.md §6.2): the canvas draws only the run's first
 * {@value #PATHS} paths (fixed by the sampling seed), each with its denoising trajectory x̂0(x_t, t)
 * and a mark where that trajectory lands, and the chart "Likelihood on paths" shows the exact
 * log p_t(x_t) along the paths beside log p_0(x̂0) along the guesses ({@link PathLikelihood}).
 * State only. Lives on the FX thread.
 */
public final class DenoisingView {

    /** Paths drawn in the mode: the ones whose likelihood the chart follows. */
    public static final int PATHS = PathLikelihood.SAMPLE_PATHS;

    private final BooleanProperty on;

    DenoisingView(SettingValues values) {
        on = values.flag(Settings.DENOISING);
    }

    /** Whether the mode is on. */
    public BooleanProperty onProperty() {
        return on;
    }
}
