package org.scorefield.app.view;

import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/** Lesson equations typeset by JLaTeXMath, for the window's lesson strip and the PDF handout alike. */
public final class Equations {

    private Equations() {
    }

    /**
     * The formula at {@code size} pixels (or points), or its source as plain text when it does not
     * parse: a lecturer's typo is shown, not lost.
     */
    public static TeXIcon typeset(String latex, float size) {
        try {
            TeXIcon icon = new TeXFormula(latex).createTeXIcon(TeXConstants.STYLE_DISPLAY, size);
            // \\scalebox{1e30} or \\rule{2000cm}: an image of that size cannot be made
            if (icon.getIconWidth() > 0 && icon.getIconHeight() > 0 && icon.getIconWidth() <= MAX_PIXELS
                    && icon.getIconHeight() <= MAX_PIXELS / 4) {
                return icon;
            }
        } catch (RuntimeException e) {
            // a parse error, or any other failure of the typesetter on a lecturer's text: shown as text below
        }
        String plain = latex.replaceAll("[\\\\{}$&#^_%~]", " ");
        return new TeXFormula("\\text{" + (plain.length() > 120 ? plain.substring(0, 119) + "\u2026" : plain) + "}")
                .createTeXIcon(TeXConstants.STYLE_TEXT, size);
    }

    /** The widest a typeset equation may be, in pixels (a quarter of it for the height). */
    static final int MAX_PIXELS = 4000;
}
