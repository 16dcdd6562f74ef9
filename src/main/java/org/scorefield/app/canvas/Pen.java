package org.scorefield.app.canvas;

import javafx.geometry.VPos;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * What {@link FramePainter} draws with: the operations of a JavaFX {@code GraphicsContext} that
 * the canvas uses, plus a dot and a raster, so that one painting code path serves the screen
 * ({@link FxPen}) and the vector files ({@link Java2DPen} on JFreeSVG's and JFreePDF's
 * {@code Graphics2D}). The methods mean what the {@code GraphicsContext} methods of the same name
 * mean.
 */
public interface Pen {

    void setGlobalAlpha(double alpha);

    /** Dash lengths, or null for solid lines. */
    void setLineDashes(double... dashes);

    void setFill(Color color);

    void setStroke(Color color);

    void setLineWidth(double width);

    void fillRect(double x, double y, double w, double h);

    void strokeRect(double x, double y, double w, double h);

    void strokeLine(double x0, double y0, double x1, double y1);

    void strokeOval(double x, double y, double w, double h);

    void fillOval(double x, double y, double w, double h);

    void fillPolygon(double[] xs, double[] ys, int n);

    void strokePolygon(double[] xs, double[] ys, int n);

    void beginPath();

    void moveTo(double x, double y);

    void lineTo(double x, double y);

    /** A full circle of radius r around (cx, cy) as its own subpath of the current path. */
    void circle(double cx, double cy, double r);

    void closePath();

    void stroke();

    void fill();

    void setFont(Font font);

    void setTextAlign(TextAlignment align);

    void setTextBaseline(VPos baseline);

    /** Text, one line per {@code \n}, at the alignment and baseline set. */
    void fillText(String text, double x, double y);

    /**
     * A disc of radius r centred at (cx, cy) in the colour, at the opacity (times the global alpha):
     * one data point. The screen stamps a cached anti-aliased sprite at whole pixels (thousands of
     * them are most of a frame); a vector file draws a circle.
     */
    void disc(double cx, double cy, double r, Color color, double opacity);

    /**
     * An opaque raster with its top-left corner at (x, y), one pixel per unit, not smoothed: the
     * heatmap.
     *
     * @param image the pixels as a JavaFX image (what the screen draws)
     * @param argb  the same pixels as 0xAARRGGBB, row-major (what a file embeds)
     */
    void raster(WritableImage image, int[] argb, int w, int h, double x, double y);
}
