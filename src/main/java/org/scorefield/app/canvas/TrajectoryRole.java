package org.scorefield.app.canvas;

import javafx.scene.paint.Color;
import org.scorefield.app.theme.Look;

/** What produced a set of trajectories, which picks their colour from the palette (docs/math.md §5). */
public enum TrajectoryRole {
    /** Probability-flow ODE paths (deterministic). */
    ODE,
    /** Reverse-SDE paths (stochastic). */
    SDE;

    /** The palette's colour for this role. */
    public Color color(Look.Palette palette) {
        return this == ODE ? palette.ode() : palette.sde();
    }
}
