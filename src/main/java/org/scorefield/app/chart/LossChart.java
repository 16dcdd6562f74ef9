package org.scorefield.app.chart;

import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockContainer;
import org.jfree.chart.block.BorderArrangement;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.CompositeTitle;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYDataset;
import org.scorefield.app.theme.Look;
import org.scorefield.core.nn.LossHistory;

/**
 * Training loss against step on a log axis, as a run streams its per-step losses in. The raw
 * losses are drawn faint, as bucket means (see {@link LossHistory}: at most
 * {@value LossHistory#DEFAULT_CAPACITY} buckets however long the run, merged further to at most
 * one point per pixel column of the chart), with a stronger smoothed
 * line over them: an exponential moving average whose window is {@value #SMOOTHING_FRACTION} of
 * the steps so far (at least {@value #SMOOTHING_MIN_STEPS} steps). Losses that are not finite or
 * not positive are left out. A caption on the right carries live facts such as "812 steps/s".
 *
 * <p>{@link #append} costs O(new losses + buckets); calling it ten times a second over 100 000
 * steps stays cheap. One point per pixel column matters for the frame rate: a noisy line of
 * thousands of points in a few hundred pixels crosses each scanline hundreds of times, and the
 * software renderer spent about 12 ms rasterising such a 300 × 420 chart against 3 ms for the
 * merged one. Use on the FX application thread only.
 */
public final class LossChart extends LectureChart {

    /** The smoothing window as a fraction of the steps so far. */
    public static final double SMOOTHING_FRACTION = 0.02;

    /** The smallest smoothing window, in steps. */
    public static final double SMOOTHING_MIN_STEPS = 25;

    static final String RAW = "loss";
    static final String SMOOTHED = "smoothed";
    /** The legend of the held-out NLL, measured every few hundred steps (docs/math.md §7.6). */
    static final String NLL = "held-out NLL (right)";
    static final String TRAIN_NLL = "NLL of training points (right)";
    static final String EXACT_NLL = "exact NLL";

    /** The NLL curve's dataset, range axis and renderer: the plot's second, on the right. */
    private final DefaultXYDataset nllDataset = new DefaultXYDataset();
    private final NumberAxis nllAxis = new NumberAxis("NLL (nats)");
    private final XYLineAndShapeRenderer nllRenderer = new XYLineAndShapeRenderer(true, true);
    private long[] nllSteps = new long[0];
    private double[] nllValues = new double[0];
    private double exactNll = Double.NaN;
    private boolean nllHeldOut = true;

    private LossHistory history = new LossHistory(LossHistory.DEFAULT_CAPACITY);
    private final DefaultXYDataset dataset = new DefaultXYDataset();
    private final NumberAxis stepAxis = new NumberAxis("step");
    private final LogAxis lossAxis = new DecadeLogAxis("loss (log scale)");
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private final XYPlot plot;
    private final LegendTitle legend;
    private final TextTitle caption = new TextTitle("");
    /** The most points a line of the chart has at its current width, as last drawn. */
    private int maxPoints;
    /** The bucket width of the drawn lines. */
    private long shownWidth = 1;

    /** An empty chart. */
    public LossChart() {
        super(new JFreeChart(null, null, new XYPlot(), false));
        plot = (XYPlot) getChart().getPlot();
        plot.setDataset(dataset);
        plot.setDomainAxis(stepAxis);
        plot.setRangeAxis(lossAxis);
        plot.setRenderer(renderer);
        plot.setNoDataMessage("No training yet");
        stepAxis.setAutoRangeIncludesZero(false);
        lossAxis.setUpperMargin(0.06);
        lossAxis.setLowerMargin(0.04);
        stepAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.setRangeAxis(1, nllAxis);
        plot.setRangeAxisLocation(1, org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        plot.setDataset(1, nllDataset);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, nllRenderer);
        nllAxis.setAutoRangeIncludesZero(false);
        nllAxis.setUpperMargin(0.1);
        nllAxis.setLowerMargin(0.1);
        nllAxis.setVisible(false);

        // One row above the plot: the legend on the left, the caption on the right.
        legend = new LegendTitle(plot);
        BlockContainer row = new BlockContainer(new BorderArrangement());
        // The caption is placed first and keeps its width; the legend wraps in what is left.
        row.add(caption, RectangleEdge.RIGHT);
        row.add(legend);
        legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
        CompositeTitle top = new CompositeTitle(row);
        top.setPosition(RectangleEdge.TOP);
        top.setHorizontalAlignment(HorizontalAlignment.LEFT);
        getChart().addSubtitle(top);
        setLook(Look.DEFAULT);
        refresh();
    }

    /**
     * Adds {@code losses[i]} as the loss of step {@code firstStep + i} and redraws once.
     * Non-finite and non-positive losses are skipped.
     */
    public void append(long firstStep, double[] losses) {
        Objects.requireNonNull(losses, "losses");
        if (losses.length == 0) {
            return;
        }
        history.append(firstStep, losses);
        refresh();
    }

    /**
     * Draws this history from now on (a training run's, which the run fills): call {@link #redraw()}
     * when it has grown.
     */
    public void show(LossHistory losses) {
        this.history = Objects.requireNonNull(losses, "losses");
        refresh();
    }

    /** Draws the history again, after it changed. */
    public void redraw() {
        refresh();
    }

    /** Forgets every loss (a new run). */
    public void clear() {
        history.clear();
        refresh();
    }

    /**
     * The model's NLL measured while it trains, drawn against the right-hand axis over the losses,
     * with the data's exact NLL on the same points as a dashed line where it is known. A non-finite
     * measurement (+∞ or NaN: an integration that diverged) is left out as a gap, no dot and the line
     * broken there, and the axis ranges over the finite ones; with none finite the curve is hidden.
     *
     * @param steps    the training step of each measurement, ascending
     * @param nll      the mean −log p_0 of each, in nats
     * @param exact    the data's exact NLL on the same points, NaN where unknown
     * @param heldOut  whether the points are held out (false: training points, as the legend then says)
     */
    public void setNll(long[] steps, double[] nll, double exact, boolean heldOut) {
        if (steps.length != nll.length) {
            throw new IllegalArgumentException("one NLL per step");
        }
        nllSteps = steps.clone();
        nllValues = nll.clone();
        exactNll = exact;
        nllHeldOut = heldOut;
        refresh();
    }

    /** The NLL values drawn ({@link #setNll}). */
    public double[] nll() {
        return nllValues.clone();
    }

    /** The caption at the top right, for example "812 steps/s"; null or blank hides it. */
    public void setSubtitle(String text) {
        caption.setText(text == null ? "" : text);
    }

    /** How many losses the chart holds (skipped ones not counted). */
    public long lossCount() {
        return history.total();
    }

    /** The caption at the top right ("" when hidden). */
    public String subtitle() {
        return caption.getText();
    }

    @Override
    void restyle(ChartLook chartLook) {
        Look.Palette p = chartLook.palette();
        chartLook.styleChart(getChart());
        chartLook.stylePlot(plot);
        chartLook.styleLegend(legend);
        chartLook.styleTitle(caption, false);
        java.awt.Color hue = ChartLook.awt(p.ode());
        renderer.setAutoPopulateSeriesStroke(false);
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setDefaultPaint(hue);
        renderer.setSeriesPaint(0, ChartLook.awt(p.ode(), chartLook.look().dark() ? 0.45 : 0.35));
        renderer.setSeriesStroke(0, chartLook.line(1));
        renderer.setSeriesPaint(1, hue);
        renderer.setSeriesStroke(1, chartLook.line(2.6));
        java.awt.Color nllHue = ChartLook.awt(p.denoised());
        nllAxis.setLabelPaint(nllHue); // the right-hand axis in the colour of its curve
        nllRenderer.setAutoPopulateSeriesStroke(false);
        nllRenderer.setAutoPopulateSeriesPaint(false);
        nllRenderer.setAutoPopulateSeriesShape(false);
        nllRenderer.setSeriesPaint(0, nllHue);
        nllRenderer.setSeriesStroke(0, chartLook.line(2));
        double r = 3 * chartLook.scale();
        nllRenderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-r, -r, 2 * r, 2 * r));
        nllRenderer.setSeriesShapesVisible(0, true);
        nllRenderer.setSeriesPaint(1, nllHue);
        nllRenderer.setSeriesStroke(1, chartLook.dashed(1.6));
        nllRenderer.setSeriesShapesVisible(1, false);
        nllRenderer.setSeriesLinesVisible(1, true);
    }

    LossHistory history() {
        return history;
    }

    /** Steps per drawn point of the lines (a multiple of the history's bucket width). */
    long shownWidth() {
        return shownWidth;
    }

    /** At most one point per pixel column; before the first layout, as for a 600-pixel chart. */
    static int maxPoints(double width) {
        return Math.max(64, (int) (width > 0 ? width : 600));
    }

    @Override
    protected void layoutChildren() {
        if (maxPoints(getWidth()) != maxPoints) {
            refresh();
        }
        super.layoutChildren();
    }

    DefaultXYDataset dataset() {
        return dataset;
    }

    XYPlot plot() {
        return plot;
    }

    private void refresh() {
        maxPoints = maxPoints(getWidth());
        changeQuietly(() -> {
            while (dataset.getSeriesCount() > 0) {
                dataset.removeSeries(dataset.getSeriesKey(0));
            }
            boolean empty = history.total() == 0;
            // Ticks and grid only with data: an empty chart's default range would suggest numbers never seen.
            for (ValueAxis axis : new ValueAxis[] {stepAxis, lossAxis}) {
                axis.setTickLabelsVisible(!empty);
                axis.setTickMarksVisible(!empty);
            }
            plot.setDomainGridlinesVisible(!empty);
            plot.setRangeGridlinesVisible(!empty);
            if (empty) {
                shownWidth = 1;
                refreshNll(Double.NaN, Double.NaN);
                return;
            }
            LossHistory shown = history.coarsened(maxPoints);
            shownWidth = shown.bucketWidth();
            String rawKey = shownWidth == 1 ? RAW : RAW + ", mean of each " + shownWidth + " steps";
            double[][] means = shown.means();
            dataset.addSeries(rawKey, means);
            dataset.addSeries(SMOOTHED, shown.smoothed(SMOOTHING_MIN_STEPS, SMOOTHING_FRACTION));
            int last = means[0].length - 1;
            refreshNll(last >= 0 ? means[0][0] : Double.NaN, last >= 0 ? means[0][last] : Double.NaN);
        });
    }

    /** The NLL series: the measurements, and the exact NLL across the steps drawn. */
    private void refreshNll(double firstStep, double lastStep) {
        while (nllDataset.getSeriesCount() > 0) {
            nllDataset.removeSeries(nllDataset.getSeriesKey(0));
        }
        boolean shown = Double.isFinite(firstStep) && java.util.Arrays.stream(nllValues).anyMatch(Double::isFinite);
        nllAxis.setVisible(shown);
        if (!shown) {
            return;
        }
        double[][] xy = new double[2][nllSteps.length];
        for (int i = 0; i < nllSteps.length; i++) {
            xy[0][i] = nllSteps[i];
            // NaN: a gap the renderer skips and the axis's auto-range ignores (it would not ignore ±∞)
            xy[1][i] = Double.isFinite(nllValues[i]) ? nllValues[i] : Double.NaN;
        }
        nllDataset.addSeries(nllHeldOut ? NLL : TRAIN_NLL, xy);
        if (Double.isFinite(exactNll)) {
            double from = Math.min(firstStep, nllSteps[0]);
            double to = Math.max(lastStep, nllSteps[nllSteps.length - 1]);
            nllDataset.addSeries(EXACT_NLL, new double[][] {{from, to}, {exactNll, exactNll}});
        }
    }
}
