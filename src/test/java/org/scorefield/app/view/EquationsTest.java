package org.scorefield.app.view;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scilab.forge.jlatexmath.TeXIcon;

/** A lecturer's equation is typeset, or shown as its text; never an image too large to make. */
class EquationsTest {

    @Test
    void hugeOrBrokenFormulasFallBackToTheirText() {
        TeXIcon fine = Equations.typeset("x_t = \\alpha(t)\\,x_0 + \\sigma(t)\\,\\varepsilon", 17);
        assertTrue(fine.getIconWidth() > 50 && fine.getIconWidth() < 1000, "width " + fine.getIconWidth());
        for (String bad : new String[] {"\\scalebox{1e30}{x}", "\\rule{2000cm}{2000cm}", "\\frac{", "\\nosuchcommand{x}",
            "x".repeat(400)}) {
            TeXIcon icon = Equations.typeset(bad, 17);
            assertTrue(icon.getIconWidth() > 0 && icon.getIconWidth() <= Equations.MAX_PIXELS
                    && icon.getIconHeight() > 0 && icon.getIconHeight() <= Equations.MAX_PIXELS / 4,
                    bad + ": " + icon.getIconWidth() + " x " + icon.getIconHeight());
        }
    }

    /** The dialog's check: a formula that typesets has no problem; one that does not gets a phrase. */
    @Test
    void aProblemIsAPhraseAndOnlyForBrokenFormulas() {
        org.junit.jupiter.api.Assertions.assertNull(Equations.problem("x_t = \\alpha(t)\\,x_0 + {{t}}"));
        for (String bad : new String[] {"}", "\\left(", "\\nosuchcommand{x}", "\\scalebox{1e30}{x}"}) {
            String why = Equations.problem(bad);
            assertTrue(why != null && !why.isBlank() && why.length() <= 200 && why.lines().count() == 1
                    && !why.contains("Exception"), bad + ": " + why);
        }
    }
}
