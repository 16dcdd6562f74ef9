package org.scorefield.app.canvas;

import java.util.HashMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** A {@link Pen} on a JavaFX canvas: the screen, and the PNG figures and animation frames. */
public final class FxPen implements Pen {

    private final GraphicsContext g;
    private final Map<String, WritableImage> sprites;
    private boolean unsmoothed;
    private Color lastColor;
    private double lastRadius;
    private double lastOpacity;
    private WritableImage lastSprite;

    /** @param sprites the dot sprites, kept from frame to frame by the painter that owns them */
    FxPen(GraphicsContext g, Map<String, WritableImage> sprites) {
        this.g = g;
        this.sprites = sprites;
    }

    /** A pen with its own sprite cache. */
    public static FxPen of(GraphicsContext g) {
        return new FxPen(g, new HashMap<>());
    }

    @Override
    public void setGlobalAlpha(double alpha) {
        g.setGlobalAlpha(alpha);
    }

    @Override
    public void setLineDashes(double... dashes) {
        g.setLineDashes(dashes);
    }

    @Override
    public void setFill(Color color) {
        g.setFill(color);
    }

    @Override
    public void setStroke(Color color) {
        g.setStroke(color);
    }

    @Override
    public void setLineWidth(double width) {
        g.setLineWidth(width);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        g.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        g.strokeRect(x, y, w, h);
    }

    @Override
    public void strokeLine(double x0, double y0, double x1, double y1) {
        g.strokeLine(x0, y0, x1, y1);
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        g.strokeOval(x, y, w, h);
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        g.fillOval(x, y, w, h);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        g.fillPolygon(xs, ys, n);
    }

    @Override
    public void strokePolygon(double[] xs, double[] ys, int n) {
        g.strokePolygon(xs, ys, n);
    }

    @Override
    public void beginPath() {
        g.beginPath();
    }

    @Override
    public void moveTo(double x, double y) {
        g.moveTo(x, y);
    }

    @Override
    public void lineTo(double x, double y) {
        g.lineTo(x, y);
    }

    @Override
    public void circle(double cx, double cy, double r) {
        g.moveTo(cx + r, cy);
        g.arc(cx, cy, r, r, 0, 360);
        g.closePath();
    }

    @Override
    public void closePath() {
        g.closePath();
    }

    @Override
    public void stroke() {
        g.stroke();
    }

    @Override
    public void fill() {
        g.fill();
    }

    @Override
    public void setFont(Font font) {
        g.setFont(font);
    }

    @Override
    public void setTextAlign(TextAlignment align) {
        g.setTextAlign(align);
    }

    @Override
    public void setTextBaseline(VPos baseline) {
        g.setTextBaseline(baseline);
    }

    @Override
    public void fillText(String text, double x, double y) {
        g.fillText(text, x, y);
    }

    @Override
    public void disc(double cx, double cy, double r, Color color, double opacity) {
        // consecutive dots share their sprite (the painter draws a class at a time): no lookup per dot
        if (color != lastColor || r != lastRadius || opacity != lastOpacity) {
            lastSprite = sprite(color, r, opacity);
            lastColor = color;
            lastRadius = r;
            lastOpacity = opacity;
        }
        double half = lastSprite.getWidth() / 2;
        unsmoothed();
        g.drawImage(lastSprite, Math.rint(cx - half), Math.rint(cy - half));
    }

    @Override
    public void raster(WritableImage image, int[] argb, int w, int h, double x, double y) {
        unsmoothed();
        g.drawImage(image, x, y);
    }

    /**
     * Images drawn pixel for pixel. Set once per pen: every call is a command in the canvas's
     * buffer, and toggling it around each of thousands of dots made a frame a third slower. The
     * canvas draws no smoothed image.
     */
    private void unsmoothed() {
        if (!unsmoothed) {
            g.setImageSmoothing(false);
            unsmoothed = true;
        }
    }

    /**
     * A disc of radius r in an even-sized square image, centred on the image centre, with one pixel of
     * anti-aliased edge (coverage {@code clamp(r + ½ − distance, 0, 1)}) times the opacity. The
     * software renderer blits a small image several times faster than it fills an anti-aliased oval.
     */
    private WritableImage sprite(Color color, double r, double opacity) {
        String key = color + "/" + r + "/" + opacity;
        WritableImage cached = sprites.get(key);
        if (cached != null) {
            return cached;
        }
        if (sprites.size() > 64) {
            sprites.clear();
        }
        int size = 2 * (int) Math.ceil(r + 1);
        WritableImage img = new WritableImage(size, size);
        double centre = size / 2.0;
        int rgb = (int) Math.round(color.getRed() * 255) << 16 | (int) Math.round(color.getGreen() * 255) << 8
                | (int) Math.round(color.getBlue() * 255);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double d = Math.hypot(x + 0.5 - centre, y + 0.5 - centre);
                double cover = Math.max(0, Math.min(1, r + 0.5 - d));
                int a = (int) Math.round(255 * cover * opacity * color.getOpacity());
                img.getPixelWriter().setArgb(x, y, a << 24 | rgb);
            }
        }
        sprites.put(key, img);
        return img;
    }
}
