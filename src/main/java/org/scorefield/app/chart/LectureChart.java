package org.scorefield.app.chart;

import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.scorefield.app.theme.Look;

/**
 * A JFreeChart-FX viewer made for a projected lecture: no context menu, no mouse zoom, pan or
 * scroll-zoom (a stray click must not rescale the chart in front of a room), no tooltips, and a
 * {@link Look} that restyles colours, fonts and line widths. The chart redraws itself when resized;
 * it stays legible from about 420×220 pixels upwards.
 *
 * <p>Presenter mode enlarges text and lines by {@link Look#scale()} once the chart has room for it,
 * from {@value #FULL_SCALE_WIDTH}×{@value #FULL_SCALE_HEIGHT} pixels up; a smaller chart scales
 * less, never below normal size, so that a legend never crowds out the plot it explains.
 *
 * <p>Threading: like every JavaFX node, a chart is created, updated and restyled on the FX
 * application thread only. Computations that feed it run elsewhere and hand over plain data.
 */
public abstract class LectureChart extends ChartViewer {

    private static final String[] INTERACTIONS = {"zoom", "pan", "scroll", "tooltip"};

    /**
     * The size from which presenter mode applies its full {@link Look#scale()}: the charts column
     * of a 1440-wide window (about 320 px), so that presenter mode enlarges its ticks and labels too.
     */
    static final double FULL_SCALE_WIDTH = 320;
    static final double FULL_SCALE_HEIGHT = 200;

    private Look look = Look.DEFAULT;
    private ChartLook chartLook = new ChartLook(Look.DEFAULT, 1);

    LectureChart(JFreeChart chart) {
        super(chart, false);
        ChartCanvas canvas = getCanvas();
        for (String id : INTERACTIONS) {
            if (canvas.getMouseHandler(id) != null) {
                canvas.removeMouseHandler(canvas.getMouseHandler(id));
            }
        }
        canvas.setTooltipEnabled(false);
        canvas.setDomainZoomable(false);
        canvas.setRangeZoomable(false);
        canvas.addOverlay(new GraphicsStateResync());
        setMinSize(160, 100);
        setPrefSize(600, 300);
    }

    /**
     * Ticks and grid of both axes only with data: an empty chart's default range would suggest
     * numbers never measured.
     */
    static void showTicks(org.jfree.chart.plot.XYPlot plot, boolean on) {
        for (org.jfree.chart.axis.ValueAxis axis : new org.jfree.chart.axis.ValueAxis[] {plot.getDomainAxis(),
            plot.getRangeAxis()}) {
            axis.setTickLabelsVisible(on);
            axis.setTickMarksVisible(on);
        }
        plot.setDomainGridlinesVisible(on);
        plot.setRangeGridlinesVisible(on);
    }

    /** The look the chart is drawn with ({@link Look#DEFAULT} until set). */
    public Look look() {
        return look;
    }

    /** Restyles background, text, grid, fonts and line widths for this look, and redraws once. */
    public final void setLook(Look look) {
        this.look = Objects.requireNonNull(look, "look");
        applyLook(fittedScale(getWidth(), getHeight()));
    }

    /**
     * The scale of fonts and lines at this size: {@link Look#scale()} from the full-scale size up,
     * proportionally less below it (in steps of 1/8, so that resizing restyles rarely), at least 1.
     */
    final double fittedScale(double width, double height) {
        double full = look.scale();
        if (width <= 0 || height <= 0) {
            return full;
        }
        double room = Math.min(width / FULL_SCALE_WIDTH, height / FULL_SCALE_HEIGHT);
        double fitted = Math.floor(full * Math.min(1, room) * 8) / 8;
        return Math.max(1, Math.min(full, fitted));
    }

    /** The styling in force: the look and the scale fitted to the current size. */
    final ChartLook chartLook() {
        return chartLook;
    }

    @Override
    protected void layoutChildren() {
        double scale = fittedScale(getWidth(), getHeight());
        if (scale != chartLook.scale()) {
            applyLook(scale);
        }
        super.layoutChildren();
    }

    private void applyLook(double scale) {
        chartLook = new ChartLook(look, scale);
        changeQuietly(() -> restyle(chartLook));
    }

    /**
     * Runs a batch of changes to the chart and redraws once at the end instead of after every
     * change (each JFreeChart change event otherwise repaints the whole canvas).
     */
    final void changeQuietly(Runnable changes) {
        JFreeChart chart = getChart();
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        try {
            changes.run();
        } finally {
            chart.setNotify(notify);
        }
    }

    /** Applies a look to every part of the chart; called with notifications off. */
    abstract void restyle(ChartLook chartLook);
}
