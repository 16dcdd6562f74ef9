package org.scorefield.app.view;

import org.scilab.forge.jlatexmath.ParseException;
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
            return new TeXFormula(latex).createTeXIcon(TeXConstants.STYLE_DISPLAY, size);
        } catch (ParseException | IllegalArgumentException e) {
            return new TeXFormula("\\text{" + latex.replaceAll("[\\\\{}$&#^_%~]", " ") + "}")
                    .createTeXIcon(TeXConstants.STYLE_TEXT, size);
        }
    }
}
