package org.scorefield.app.canvas;

/** How a {@link CanvasFrame}'s vector field is drawn. */
public enum FieldStyle {
    /** One arrow per grid cell, lengths compressed from the magnitude relative to its 95th percentile. */
    ARROWS,
    /** Evenly spaced streamlines (precomputed by {@code org.scorefield.core.field.Streamlines}). */
    STREAMLINES
}
