package org.scorefield.app.canvas;

import javafx.scene.paint.Color;
import org.scorefield.app.theme.Look;

/** What produced a set of trajectories, which picks their colour from the palette (docs/math.md §5). */
public enum TrajectoryRole {
    /** Probability-flow ODE paths (deterministic). */
    ODE,
    /** Reverse-SDE paths (stochastic). */
    SDE,
    /** The data's Brownian paths of the forward SDE (docs/math.md §1.4), drawn as the SDE's, named apart. */
    FORWARD;

    /** The palette's colour for this role. */
    public Color color(Look.Palette palette) {
        return this == ODE ? palette.ode() : palette.sde();
    }
}
