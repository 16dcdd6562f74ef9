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

    /**
     * Why the formula cannot be typeset, as the end of a sentence, or null when it can. Call it only
     * on a text that {@link org.scorefield.core.session.LessonFile#checkScene} passed: a definition
     * may never return.
     */
    public static String problem(String latex) {
        try {
            TeXIcon icon = new TeXFormula(latex).createTeXIcon(TeXConstants.STYLE_DISPLAY, 17);
            if (icon.getIconWidth() <= 0 || icon.getIconHeight() <= 0 || icon.getIconWidth() > MAX_PIXELS / 2
                    || icon.getIconHeight() > MAX_PIXELS / 8) {
                return "it would be too large to show";
            }
            return null;
        } catch (RuntimeException e) {
            String why = e.getMessage() == null || e.getMessage().isBlank() ? "the typesetter does not read it"
                    : org.scorefield.core.io.JsonFields.phrase(e.getMessage().lines().findFirst().orElse(""));
            return why.length() > 200 ? why.substring(0, 199) + "\u2026" : why;
        }
    }

    /** The widest a typeset equation may be, in pixels (a quarter of it for the height). */
    static final int MAX_PIXELS = 4000;
}
