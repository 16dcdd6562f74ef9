package org.scorefield.app.theme;

import javafx.scene.paint.Color;

/**
 * How the window looks: a light or dark theme, and presenter mode, which enlarges fonts, lines and
 * points for a projector. Canvases and charts draw with {@link #palette()} and multiply every line
 * width, point radius and font size by {@link #scale()}, so one switch changes every view alike.
 *
 * @param dark      the dark theme instead of the light one
 * @param presenter presenter mode (bigger text, lines and points)
 */
public record Look(boolean dark, boolean presenter) {

    /** The default: light, normal sizes. */
    public static final Look DEFAULT = new Look(false, false);

    /** 1 normally, 1.5 in presenter mode. */
    public double scale() {
        return presenter ? 1.5 : 1.0;
    }

    public Palette palette() {
        return dark ? Palette.DARK : Palette.LIGHT;
    }

    public Look withDark(boolean on) {
        return new Look(on, presenter);
    }

    public Look withPresenter(boolean on) {
        return new Look(dark, on);
    }

    /**
     * The colours of one theme. Class colours are Okabe–Ito (readable with colour blindness and on a
     * projector), one for each of the eight classes the window offers to brush and to guide to; the
     * dark theme uses lighter variants so that they keep their contrast. Okabe–Ito's yellow is darkened
     * to olive on white, where it would hardly show, and its black is a grey (black is the PF-ODE's).
     *
     * @param background canvas and chart background
     * @param grid       unit grid lines
     * @param axis       the two axes, slightly stronger than the grid
     * @param text       titles and labels drawn on canvases and charts
     * @param mutedText  tick labels and captions
     * @param classes    one colour per data class, eight (the classes the window offers to guide and to brush)
     * @param field      arrows and streamlines of a vector field
     * @param ode        probability-flow ODE trajectories
     * @param sde        reverse-SDE trajectories
     * @param denoised   the denoising trajectory x̂0 overlay
     * @param accent     markers (the current t, a clicked point)
     */
    public record Palette(Color background, Color grid, Color axis, Color text, Color mutedText, Color[] classes,
                          Color field, Color ode, Color sde, Color denoised, Color accent) {

        public static final Palette LIGHT = new Palette(
                Color.WHITE, Color.web("#eceef1"), Color.web("#c4c9d0"), Color.web("#1b2230"), Color.web("#6f7786"),
                new Color[] {Color.web("#0072b2"), Color.web("#e69f00"), Color.web("#009e73"),
                        Color.web("#cc79a7"), Color.web("#56b4e9"), Color.web("#d55e00"), Color.web("#b5a800"),
                        Color.web("#6e6e6e")},
                Color.web("#3c4654"), Color.web("#1d2a3d"), Color.web("#cc3311"), Color.web("#7a3fa0"),
                Color.web("#c0392b"));

        public static final Palette DARK = new Palette(
                Color.web("#161a21"), Color.web("#252b35"), Color.web("#3d4655"), Color.web("#e8ecf2"),
                Color.web("#9aa3b2"),
                new Color[] {Color.web("#56b4e9"), Color.web("#f0c05a"), Color.web("#3cc99a"),
                        Color.web("#e79ac4"), Color.web("#9ad2f2"), Color.web("#ff7f3f"), Color.web("#f0e442"),
                        Color.web("#b8b8b8")},
                Color.web("#c9d1dc"), Color.web("#f2f4f8"), Color.web("#ff6b4a"), Color.web("#c59bea"),
                Color.web("#ff6b5e"));

        /** The colour of class {@code label} (labels past the palette wrap round). */
        public Color classColor(int label) {
            return classes[Math.floorMod(label, classes.length)];
        }
    }
}
