package org.scorefield.app.canvas;

import java.math.BigDecimal;
import javafx.geometry.VPos;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.scorefield.app.theme.Look;
import org.scorefield.core.field.VectorGrid;

/**
 * The key to a frame's arrows, in the bottom-right corner above the colour bar: two or three arrows
 * of magnitudes ten times apart (say 2, 20 and 200), each drawn at the length and shade a field
 * arrow of that magnitude gets, with its value under it and the rule over them, "10× stronger = 2×
 * longer". Arrow lengths are compressed ({@link FieldPainter}); a figure without the key would
 * invite reading them as proportional. The magnitudes are ones whose arrows are neither held at the
 * shortest length nor clipped to a cell, so the rule holds for every arrow in the key, and the
 * largest is one the field reaches. Where no two fit (small cells), the key is the rule alone, if some
 * of the field's arrows follow it; where none does (a quarter arrow scale on an even field), or the
 * canvas is too narrow, there is no key.
 */
final class ArrowKey {

    /** The rule the lengths follow: 10^{@link FieldPainter#GAMMA} = 2. */
    static final String CAPTION = "10\u00d7 stronger = 2\u00d7 longer";
    /** The rule on two lines, for a narrow canvas. */
    static final String CAPTION_WRAPPED = "10\u00d7 stronger\n= 2\u00d7 longer";
    /** At most this many magnitudes. */
    static final int ENTRIES = 3;
    /**
     * The largest magnitude is one of these times a power of ten, the largest that fits: steps of at
     * most 1.5 in magnitude (1.13 in length), so that a pair ten times apart is found wherever the
     * shortest length and the clip leave a little more than a factor of two between them.
     */
    private static final String[] MANTISSAS = {"7", "5", "4", "3", "2", "1.5", "1"};

    private ArrowKey() {
    }

    /**
     * A key laid out on a canvas.
     *
     * @param caption    the rule, on one line or two
     * @param magnitudes the magnitudes shown, increasing, ten times apart
     * @param lengths    their arrows' lengths in pixels
     * @param shades     their arrows' shades ({@link FieldPainter#SHADE_OPACITY})
     * @param centres    the screen x of each arrow's centre (and of its value under it)
     * @param arrowY     the screen y of the arrows
     * @param arrows     the field's arrows, whose outline the key's share
     * @param font       of the rule and the values
     * @param textHeight the height of a line of it
     * @param x          the box (x, y, w, h), which the field leaves free
     */
    record Layout(String caption, BigDecimal[] magnitudes, double[] lengths, int[] shades, double[] centres,
                  double arrowY, FieldPainter.Arrows arrows, Font font, double textHeight, double x, double y,
                  double w, double h) {
    }

    /**
     * The key to a field's arrows, its box's right edge 8 px (times the look's scale) from the
     * canvas's and its bottom at {@code bottom}; null when there is nothing to show or no room.
     */
    static Layout layout(VectorGrid field, double arrowScale, Look look, ScreenMapping m, double width,
                         double bottom) {
        double ref = FieldPainter.reference(field);
        if (!(ref > 0) || !Double.isFinite(ref)) {
            return null;
        }
        FieldPainter.Arrows arrows = FieldPainter.arrows(field, arrowScale, look, m);
        BigDecimal[] magnitudes = magnitudes(ref, field.magnitudeMax(), arrows);
        if (magnitudes.length < 2) {
            // No pair to show: the rule alone, where it holds for some of the field's arrows.
            if (!follows(arrows, 1) && !follows(arrows, field.magnitudeMax() / ref)) {
                return null;
            }
            magnitudes = new BigDecimal[0];
        }
        double s = look.scale();
        Font font = Font.font(11 * s);
        Text probe = new Text("0");
        probe.setFont(font);
        double textHeight = probe.getLayoutBounds().getHeight();
        double pad = 6 * s;
        double gap = 12 * s;
        int n = magnitudes.length;
        double[] lengths = new double[n];
        int[] shades = new int[n];
        double[] slots = new double[n];
        double row = 0;
        double across = textHeight;
        for (int i = 0; i < n; i++) {
            lengths[i] = arrows.length(magnitudes[i].doubleValue() / ref);
            shades[i] = FieldPainter.shade(magnitudes[i].doubleValue() / ref);
            probe.setText(label(magnitudes[i]));
            slots[i] = Math.max(lengths[i], probe.getLayoutBounds().getWidth());
            row += slots[i] + (i > 0 ? gap : 0);
            across = Math.max(across, 2 * arrows.halfWidth(lengths[i]) + 2 * s);
        }
        // The rule on one line, or on two where one would make the key wider than it may be.
        double most = width / 2.5;
        String caption = null;
        for (String candidate : new String[] {CAPTION, CAPTION_WRAPPED}) {
            probe.setText(candidate);
            if (Math.max(probe.getLayoutBounds().getWidth(), row) + 2 * pad <= most) {
                caption = candidate;
                break;
            }
        }
        if (caption == null) {
            return null;
        }
        double w = Math.max(probe.getLayoutBounds().getWidth(), row) + 2 * pad;
        double captionHeight = probe.getLayoutBounds().getHeight();
        double h = pad + captionHeight + (n == 0 ? 0 : 3 * s + across + 2 * s + textHeight) + pad;
        double x = width - 8 * s - w;
        double y = bottom - h;
        if (y < 0) {
            return null;
        }
        double[] centres = new double[n];
        double left = x + pad + (w - 2 * pad - row) / 2;
        for (int i = 0; i < n; i++) {
            centres[i] = left + slots[i] / 2;
            left += slots[i] + gap;
        }
        double arrowY = y + pad + captionHeight + 3 * s + across / 2;
        return new Layout(caption, magnitudes, lengths, shades, centres, arrowY, arrows, font, textHeight, x, y, w,
                h);
    }

    /** Whether an arrow {@code ratio} times the reference follows the rule: neither held nor clipped. */
    static boolean follows(FieldPainter.Arrows arrows, double ratio) {
        double l = arrows.length(ratio);
        return l > Math.min(arrows.shortest(), 0.5 * arrows.cell()) && l < FieldPainter.ARROW_CLIP * arrows.cell();
    }

    /**
     * Up to {@link #ENTRIES} magnitudes a factor of ten apart, increasing, from the largest round
     * number ({@link #MANTISSAS} times a power of ten) that the field reaches ({@code max}) and whose
     * arrow is shorter than the clip to a cell, down while their arrows are longer than the shortest
     * length, so that each is twice as long as the one before.
     */
    static BigDecimal[] magnitudes(double ref, double max, FieldPainter.Arrows arrows) {
        double clip = FieldPainter.ARROW_CLIP * arrows.cell();
        int top = (int) Math.floor(Math.log10(ref)) + 2;
        for (int e = top; e > top - 16; e--) {
            for (String mantissa : MANTISSAS) {
                BigDecimal largest = new BigDecimal(mantissa).scaleByPowerOfTen(e);
                if (largest.doubleValue() > max || arrows.length(largest.doubleValue() / ref) >= clip) {
                    continue;
                }
                java.util.ArrayList<BigDecimal> kept = new java.util.ArrayList<>();
                for (BigDecimal m = largest; kept.size() < ENTRIES && follows(arrows, m.doubleValue() / ref);
                        m = m.movePointLeft(1)) {
                    kept.add(0, m.stripTrailingZeros());
                }
                return kept.toArray(new BigDecimal[0]);
            }
        }
        return new BigDecimal[0];
    }

    /** A magnitude as people write it: 0.001 to 99999 in full, others as 2e−5 or 5e5. */
    static String label(BigDecimal m) {
        BigDecimal n = m.stripTrailingZeros();
        double v = n.doubleValue();
        int exponent = n.precision() - n.scale() - 1;
        // the mantissa with its point: 1.5e5, not 15e5 (the unscaled 15 is the mantissa times 10)
        String text = v >= 1e-3 && v < 1e5 ? n.toPlainString()
                : n.movePointLeft(exponent).toPlainString() + "e" + exponent;
        return text.replace('-', '\u2212');
    }

    /** Paints the key: a box of the background, the rule, the arrows pointing right, their values. */
    static void paint(Pen g, Layout key, Look look) {
        Look.Palette p = look.palette();
        double s = look.scale();
        g.setGlobalAlpha(0.85);
        g.setFill(p.background());
        g.fillRect(key.x(), key.y(), key.w(), key.h());
        g.setFill(p.field());
        for (int i = 0; i < key.magnitudes().length; i++) {
            g.setGlobalAlpha(FieldPainter.SHADE_OPACITY[key.shades()[i]]);
            g.beginPath();
            key.arrows().outline(g, key.centres()[i], key.arrowY(), 1, 0, key.lengths()[i]);
            g.fill();
        }
        g.setGlobalAlpha(1);
        g.setFill(p.mutedText());
        g.setFont(key.font());
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(key.caption(), key.x() + key.w() / 2, key.y() + 6 * s);
        double labelY = key.y() + key.h() - 6 * s - key.textHeight();
        for (int i = 0; i < key.magnitudes().length; i++) {
            g.fillText(label(key.magnitudes()[i]), key.centres()[i], labelY);
        }
    }
}
