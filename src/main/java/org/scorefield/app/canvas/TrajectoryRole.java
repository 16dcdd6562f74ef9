package org.scorefield.app.canvas;

import javafx.scene.paint.Color;
import org.scorefield.app.theme.Look;

/** What produced a set of trajectories, which picks their colour from the palette (docs/math.md §5). */
public enum TrajectoryRole {
    /** Probability-flow ODE paths (deterministic). */
    ODE,
    /** Reverse-SDE paths (stochastic). */
    SDE,
    /**
     * The data's Brownian paths of the forward SDE (docs/math.md §1.4): in the ODE's darker colour and full
     * line, since they run under a crowd of data points that the SDE's faint zig-zags would vanish in.
     */
    FORWARD;

    /** The palette's colour for this role. */
    public Color color(Look.Palette palette) {
        return this == SDE ? palette.sde() : palette.ode();
    }
}
