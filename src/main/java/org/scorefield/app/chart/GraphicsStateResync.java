package org.scorefield.app.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Stroke;
import org.jfree.chart.event.OverlayChangeListener;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.overlay.OverlayFX;

/**
 * Works round a state mismatch between jfreechart-fx 1.0.1 and fxgraphics2d 1.7 that drew text in
 * a stale font size (and could draw in a stale colour) from the second redraw on.
 *
 * <p>{@code ChartCanvas.draw()} wraps each redraw in {@code GraphicsContext.save()/restore()}, so
 * the canvas forgets the font, colour and stroke set during the redraw; but its one long-lived
 * {@code FXGraphics2D} remembers them and skips a {@code setFont}, {@code setPaint} or
 * {@code setStroke} equal to the remembered one. The next redraw's first such call then leaves the
 * canvas with the pre-draw state: in presenter mode the legend was measured at 20 px and drawn at
 * 13. Overlays are painted after the restore with the same {@code Graphics2D}, so this overlay
 * re-applies the remembered state to the canvas (by setting each to something else and back),
 * which makes the two agree again before the next redraw.
 */
final class GraphicsStateResync implements OverlayFX {

    private static final Color SENTINEL = new Color(1, 2, 3, 4);
    private static final Stroke SENTINEL_STROKE = new BasicStroke(7.25f);

    @Override
    public void paintOverlay(Graphics2D g2, ChartCanvas chartCanvas) {
        // Drops FXGraphics2D's own saved clip state; the canvas's save stack is already unwound.
        g2.setClip(null);
        Font font = g2.getFont();
        g2.setFont(font.deriveFont(font.getSize2D() + 1f));
        g2.setFont(font);
        Paint paint = g2.getPaint();
        g2.setPaint(SENTINEL.equals(paint) ? Color.MAGENTA : SENTINEL);
        g2.setPaint(paint);
        Stroke stroke = g2.getStroke();
        g2.setStroke(SENTINEL_STROKE.equals(stroke) ? new BasicStroke(3.25f) : SENTINEL_STROKE);
        g2.setStroke(stroke);
    }

    /** Not used: the lab draws charts on a JavaFX canvas, never in a Swing panel. */
    @Override
    public void paintOverlay(Graphics2D g2, org.jfree.chart.ChartPanel chartPanel) {
        // Nothing to re-sync in Swing.
    }

    @Override
    public void addChangeListener(OverlayChangeListener listener) {
        // The overlay never changes, so it never notifies.
    }

    @Override
    public void removeChangeListener(OverlayChangeListener listener) {
        // See addChangeListener.
    }
}
