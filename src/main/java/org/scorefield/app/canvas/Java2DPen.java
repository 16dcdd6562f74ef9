package org.scorefield.app.canvas;

import java.awt.BasicStroke;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import javafx.geometry.VPos;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * A {@link Pen} on a Java2D {@code Graphics2D}: JFreeSVG's and JFreePDF's, so a figure file holds
 * vector lines, circles and text where the screen has pixels (the heatmap stays a raster). The
 * state is kept as a JavaFX canvas keeps it: the global alpha multiplies every colour, the line
 * width and dashes make one {@code BasicStroke} with the canvas's square caps and mitred joins,
 * text is drawn line by line at the alignment and baseline set.
 *
 * <p>Fonts: the canvas's JavaFX font becomes the logical sans-serif font of the same size, weight
 * and posture; where a line breaks is decided by {@link TitlePainter} with JavaFX's measure, so
 * screen and file break titles alike.
 */
public final class Java2DPen implements Pen {

    private final Graphics2D g;
    private double alpha = 1;
    private Color fill = Color.BLACK;
    private Color strokeColor = Color.BLACK;
    private double lineWidth = 1;
    private float[] dashes;
    private java.awt.Font font = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12);
    private TextAlignment align = TextAlignment.LEFT;
    private VPos baseline = VPos.BASELINE;
    private Path2D.Double path = new Path2D.Double();

    public Java2DPen(Graphics2D g) {
        this.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    }

    /** A JavaFX colour as an AWT one, at the opacity times {@code extra}. */
    static java.awt.Color awt(Color c, double extra) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(),
                (float) Math.max(0, Math.min(1, c.getOpacity() * extra)));
    }

    private void paintFill() {
        g.setPaint(awt(fill, alpha));
    }

    private void paintStroke() {
        g.setPaint(awt(strokeColor, alpha));
        g.setStroke(dashes == null
                ? new BasicStroke((float) lineWidth, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER, 10)
                : new BasicStroke((float) lineWidth, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER, 10, dashes, 0));
    }

    @Override
    public void setGlobalAlpha(double a) {
        alpha = Math.max(0, Math.min(1, a));
    }

    @Override
    public void setLineDashes(double... d) {
        if (d == null || d.length == 0) {
            dashes = null;
            return;
        }
        dashes = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            dashes[i] = (float) d[i];
        }
    }

    @Override
    public void setFill(Color color) {
        fill = color;
    }

    @Override
    public void setStroke(Color color) {
        strokeColor = color;
    }

    @Override
    public void setLineWidth(double width) {
        lineWidth = width;
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        paintFill();
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        paintStroke();
        g.draw(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void strokeLine(double x0, double y0, double x1, double y1) {
        paintStroke();
        g.draw(new Line2D.Double(x0, y0, x1, y1));
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        paintStroke();
        g.draw(new Ellipse2D.Double(x, y, w, h));
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        paintFill();
        g.fill(new Ellipse2D.Double(x, y, w, h));
    }

    private static Path2D.Double polygon(double[] xs, double[] ys, int n) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < n; i++) {
            if (i == 0) {
                p.moveTo(xs[i], ys[i]);
            } else {
                p.lineTo(xs[i], ys[i]);
            }
        }
        p.closePath();
        return p;
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        paintFill();
        g.fill(polygon(xs, ys, n));
    }

    @Override
    public void strokePolygon(double[] xs, double[] ys, int n) {
        paintStroke();
        g.draw(polygon(xs, ys, n));
    }

    @Override
    public void beginPath() {
        path = new Path2D.Double();
    }

    @Override
    public void moveTo(double x, double y) {
        path.moveTo(x, y);
    }

    @Override
    public void lineTo(double x, double y) {
        if (path.getCurrentPoint() == null) {
            path.moveTo(x, y);
        } else {
            path.lineTo(x, y);
        }
    }

    @Override
    public void circle(double cx, double cy, double r) {
        path.append(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r), false);
    }

    @Override
    public void closePath() {
        if (path.getCurrentPoint() != null) {
            path.closePath();
        }
    }

    @Override
    public void stroke() {
        paintStroke();
        g.draw(path);
    }

    @Override
    public void fill() {
        paintFill();
        g.fill(path);
    }

    @Override
    public void setFont(Font f) {
        String style = f.getStyle().toLowerCase(java.util.Locale.ROOT);
        int awtStyle = (style.contains("bold") || FontWeight.findByName(style) == FontWeight.BOLD
                ? java.awt.Font.BOLD : 0)
                | (style.contains("italic") || FontPosture.findByName(style) == FontPosture.ITALIC
                ? java.awt.Font.ITALIC : 0);
        font = new java.awt.Font(java.awt.Font.SANS_SERIF, awtStyle, 12).deriveFont((float) f.getSize());
    }

    @Override
    public void setTextAlign(TextAlignment a) {
        align = a;
    }

    @Override
    public void setTextBaseline(VPos b) {
        baseline = b;
    }

    @Override
    public void fillText(String text, double x, double y) {
        paintFill();
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics(font);
        String[] lines = text.split("\n", -1);
        double lineHeight = fm.getAscent() + fm.getDescent() + fm.getLeading();
        double total = lines.length * lineHeight - fm.getLeading(); // no leading below the last line
        // the y of the first line's baseline, as JavaFX places a block of lines
        double first = switch (baseline) {
            case TOP -> y + fm.getAscent();
            case CENTER -> y - total / 2 + fm.getAscent();
            case BOTTOM -> y - total + fm.getAscent();
            default -> y;
        };
        for (int i = 0; i < lines.length; i++) {
            double w = fm.stringWidth(lines[i]);
            double lx = switch (align) {
                case CENTER -> x - w / 2;
                case RIGHT -> x - w;
                default -> x;
            };
            g.drawString(lines[i], (float) lx, (float) (first + i * lineHeight));
        }
    }

    @Override
    public void disc(double cx, double cy, double r, Color color, double opacity) {
        g.setPaint(awt(color, opacity * alpha));
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
    }

    @Override
    public void raster(WritableImage image, int[] argb, int w, int h, double x, double y) {
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        b.setRGB(0, 0, w, h, argb, 0, w);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(b, (int) Math.round(x), (int) Math.round(y), null);
    }
}
