package org.scorefield.app.canvas;

import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.scorefield.app.theme.Look;

/**
 * A frame's title in the top-left corner: bold text on a translucent band of the background,
 * broken between phrases where it is wider than the canvas, and only where a single phrase is still
 * too wide set in a smaller font. Lines are measured with JavaFX's text layout, for the screen and
 * for vector files alike, so both break a title at the same places.
 */
final class TitlePainter {

    private TitlePainter() {
    }

    /**
     * A title laid out on a canvas: its lines, font and top-left corner, and the band of the
     * background behind it, which the field leaves free.
     */
    record Layout(String text, Font font, double x, double y, double bandX, double bandY, double bandW,
                  double bandH) {
    }

    /** The title laid out across the top of a canvas {@code width} pixels wide. */
    static Layout layout(String title, Look look, double width) {
        double s = look.scale();
        double x = 12 * s;
        double y = 10 * s;
        Font font = Font.font(null, FontWeight.BOLD, 15 * s);
        String text = wrapTitle(title, font, width - 2 * x);
        double room = width - 2 * x;
        double w = textWidth(text, font);
        if (w > room && room > 0) {
            // A single phrase wider than the canvas: a smaller font, down to 9 px.
            font = Font.font(null, FontWeight.BOLD, Math.max(9, Math.floor(15 * s * room / w)));
            w = textWidth(text, font);
        }
        double h = textBounds(text, font).getHeight();
        return new Layout(text, font, x, y, x - 6 * s, y - 4 * s, w + 12 * s, h + 8 * s);
    }

    /** Paints a laid-out title: bold text on a translucent band of the background. */
    static void paint(Pen g, Layout title, Look look) {
        Look.Palette p = look.palette();
        g.setGlobalAlpha(0.8);
        g.setFill(p.background());
        g.fillRect(title.bandX(), title.bandY(), title.bandW(), title.bandH());
        g.setGlobalAlpha(1);
        g.setFont(title.font());
        g.setFill(p.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title.text(), title.x(), title.y());
    }

    /**
     * The title with each line that is wider than {@code room} broken before a phrase, so that a narrow
     * split-view canvas shows "reverse SDE" over "(η = 1)" at the same size as its neighbour's title
     * instead of cutting it off. Phrases are separated by two spaces, as the titles write them;
     * a line without any is left whole.
     */
    static String wrapTitle(String title, Font font, double room) {
        StringBuilder out = new StringBuilder();
        for (String line : title.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            String[] phrases = line.split("  ");
            StringBuilder current = new StringBuilder(phrases[0]);
            for (int i = 1; i < phrases.length; i++) {
                // "a  ·  b": the dot joins b to a, and is dropped where the line breaks before b
                boolean dotted = phrases[i].equals("·") && i + 1 < phrases.length;
                String joint = dotted ? "  ·  " : "  ";
                String next = dotted ? phrases[++i] : phrases[i];
                String longer = current + joint + next;
                if (textWidth(longer, font) <= room) {
                    current = new StringBuilder(longer);
                } else {
                    out.append(current).append('\n');
                    current = new StringBuilder(next);
                }
            }
            out.append(current);
        }
        return out.toString();
    }

    private static double textWidth(String text, Font font) {
        return textBounds(text, font).getWidth();
    }

    private static Bounds textBounds(String text, Font font) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds();
    }
}
