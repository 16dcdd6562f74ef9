package org.scorefield.app.chart;

import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYDataset;
import org.scorefield.app.theme.Look;
import org.scorefield.core.likelihood.PathDensity;

/**
 * The exact log-density of the data along a few sampling paths against t, with t running from 1 on
 * the left to 0 on the right, the way the sampler goes (docs/math.md §7.6): does the likelihood of a
 * sample rise as it is sampled, as the geometry notes claim? Sample paths are drawn thin, clicked
 * paths thick in another colour. A caption counts the steps after which the density of the step's
 * own starting time was higher (the notes' statement: each Euler step is a convex combination of
 * the point and a mean-shift step). Use on the FX application thread only.
 */
public final class PathDensityChart extends LectureChart {

    /** What an empty chart says. */
    public static final String EMPTY_MESSAGE = "Sample, or click the canvas, to follow paths";
    static final String SAMPLES = "samples";
    static final String CLICKED = "clicked";

    private final DefaultXYDataset dataset = new DefaultXYDataset();
    private final NumberAxis timeAxis = new NumberAxis("t  (sampling: 1 \u2192 0)");
    private final NumberAxis densityAxis = new NumberAxis("log p\u209c(x\u209c)  (nats)");
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private final XYPlot plot;
    private final LegendTitle legend;
    private final TextTitle title = new TextTitle("");
    private final TextTitle caption = new TextTitle("");
    private int samples;
    private int clicks;
    /** Denoising curves after the clicked ones, then one series of landing marks (or none). */
    private int guesses;
    private boolean marks;
    static final String DENOISED = "log p\u2080(x\u0302\u2080) on the guesses";
    static final String LANDS = "x\u0302\u2080 lands";

    public PathDensityChart() {
        super(new JFreeChart(null, null, new XYPlot(), false));
        plot = (XYPlot) getChart().getPlot();
        plot.setDataset(dataset);
        plot.setDomainAxis(timeAxis);
        plot.setRangeAxis(densityAxis);
        plot.setRenderer(renderer);
        plot.setNoDataMessage(EMPTY_MESSAGE);
        timeAxis.setInverted(true);
        timeAxis.setRange(0, 1);
        timeAxis.setAutoRange(false);
        densityAxis.setAutoRangeIncludesZero(false);
        densityAxis.setUpperMargin(0.06);
        densityAxis.setLowerMargin(0.06);
        title.setPosition(RectangleEdge.TOP);
        title.setHorizontalAlignment(HorizontalAlignment.LEFT);
        caption.setPosition(RectangleEdge.TOP);
        caption.setHorizontalAlignment(HorizontalAlignment.LEFT);
        getChart().addSubtitle(title);
        getChart().addSubtitle(caption);
        legend = new LegendTitle(() -> legendItems());
        legend.setPosition(RectangleEdge.TOP);
        legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
        getChart().addSubtitle(legend);
        setLook(Look.DEFAULT);
        refresh(List.of(), List.of(), List.of(), null, "", "");
    }

    /**
     * Draws these curves.
     *
     * @param sampleCurves the run's paths
     * @param clickCurves  the clicked paths
     * @param heading      what the density is, e.g. "Exact log p_t of the data along the paths"
     * @param note         a caption under it, e.g. the count of rising steps; blank for none
     */
    public void show(List<PathDensity.Curve> sampleCurves, List<PathDensity.Curve> clickCurves, String heading,
                     String note) {
        refresh(sampleCurves, clickCurves, List.of(), null, heading, note);
    }

    /**
     * The denoising-vs-sampling mode (docs/math.md §6.2): the sample paths' log p_t(x_t) as usual, beside
     * them the exact log p_0 along their denoising trajectories, dashed, with a mark on each at the time
     * its guess lands.
     *
     * @param sampleCurves   log p_t(x_t) along the first paths
     * @param denoisedCurves log p_0(x̂0) along the same paths' guesses, one per sample curve
     * @param landTimes      when each guess lands (a time of its curve), one per denoised curve
     */
    public void showDenoising(List<PathDensity.Curve> sampleCurves, List<PathDensity.Curve> denoisedCurves,
                              double[] landTimes, String heading, String note) {
        refresh(sampleCurves, List.of(), denoisedCurves, landTimes, heading, note);
    }

    /** The landing marks drawn: rows t and log p₀ (empty without the mode). */
    public double[][] landingMarks() {
        return marks ? curve(samples + clicks + guesses) : new double[2][0];
    }

    /** The heading shown. */
    public String heading() {
        return title.getText();
    }

    /** The caption shown. */
    public String note() {
        return caption.getText();
    }

    /** How many curves are drawn. */
    public int curveCount() {
        return dataset.getSeriesCount();
    }

    /** The values of curve {@code i} (sample paths first, then clicked ones): rows t and log p. */
    public double[][] curve(int i) {
        int n = dataset.getItemCount(i);
        double[][] out = new double[2][n];
        for (int k = 0; k < n; k++) {
            out[0][k] = dataset.getXValue(i, k);
            out[1][k] = dataset.getYValue(i, k);
        }
        return out;
    }

    /** One legend entry per kind of path shown, not one per path. */
    private LegendItemCollection legendItems() {
        LegendItemCollection items = new LegendItemCollection();
        Look.Palette p = chartLook().palette();
        if (samples > 0) {
            items.add(entry(SAMPLES, ChartLook.awt(p.ode()), chartLook().line(1.4)));
        }
        if (clicks > 0) {
            items.add(entry(CLICKED, ChartLook.awt(p.accent()), chartLook().line(2.6)));
        }
        if (guesses > 0) {
            items.add(entry(DENOISED, ChartLook.awt(p.denoised()), chartLook().dashed(2)));
        }
        if (marks) {
            LegendItem lands = new LegendItem(LANDS, null, null, null, mark(), ChartLook.awt(p.denoised()));
            items.add(lands);
        }
        return items;
    }

    private static LegendItem entry(String label, java.awt.Paint paint, java.awt.Stroke stroke) {
        LegendItem item = new LegendItem(label, null, null, null, new java.awt.geom.Line2D.Double(-7, 0, 7, 0),
                stroke, paint);
        item.setLineVisible(true);
        return item;
    }

    @Override
    void restyle(ChartLook chartLook) {
        chartLook.styleChart(getChart());
        chartLook.stylePlot(plot);
        chartLook.styleLegend(legend);
        chartLook.styleTitle(title, true);
        chartLook.styleTitle(caption, false);
        renderer.setAutoPopulateSeriesStroke(false);
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setDrawSeriesLineAsPath(true);
        styleSeries();
    }

    private void styleSeries() {
        Look.Palette p = chartLook().palette();
        for (int i = 0; i < samples + clicks; i++) {
            boolean clicked = i >= samples;
            renderer.setSeriesPaint(i, clicked ? ChartLook.awt(p.accent())
                    : ChartLook.awt(p.ode(), chartLook().look().dark() ? 0.75 : 0.65));
            renderer.setSeriesStroke(i, chartLook().line(clicked ? 2.6 : 1.4));
            renderer.setSeriesLinesVisible(i, true);
            renderer.setSeriesShapesVisible(i, false);
        }
        for (int i = samples + clicks; i < samples + clicks + guesses; i++) {
            renderer.setSeriesPaint(i, ChartLook.awt(p.denoised()));
            renderer.setSeriesStroke(i, chartLook().dashed(2));
            renderer.setSeriesLinesVisible(i, true);
            renderer.setSeriesShapesVisible(i, false);
        }
        if (marks) {
            int i = samples + clicks + guesses;
            renderer.setSeriesPaint(i, ChartLook.awt(p.denoised()));
            renderer.setSeriesLinesVisible(i, false);
            renderer.setSeriesShapesVisible(i, true);
            renderer.setSeriesShape(i, mark());
        }
    }

    /** The landing mark: a disc a little larger than a line is wide. */
    private java.awt.Shape mark() {
        double r = 5 * chartLook().look().scale();
        return new java.awt.geom.Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
    }

    private void refresh(List<PathDensity.Curve> sampleCurves, List<PathDensity.Curve> clickCurves,
                         List<PathDensity.Curve> denoisedCurves, double[] landTimes, String heading, String note) {
        changeQuietly(() -> {
            while (dataset.getSeriesCount() > 0) {
                dataset.removeSeries(dataset.getSeriesKey(0));
            }
            samples = sampleCurves.size();
            clicks = clickCurves.size();
            int i = 0;
            for (PathDensity.Curve c : sampleCurves) {
                dataset.addSeries(String.format(Locale.ROOT, "sample %d", i++), xy(c));
            }
            int k = 0;
            for (PathDensity.Curve c : clickCurves) {
                dataset.addSeries(String.format(Locale.ROOT, "click %d", k++), xy(c));
            }
            guesses = denoisedCurves.size();
            int g = 0;
            for (PathDensity.Curve c : denoisedCurves) {
                dataset.addSeries(String.format(Locale.ROOT, "guess %d", g++), xy(c));
            }
            marks = landTimes != null && guesses > 0;
            if (marks) {
                dataset.addSeries("lands", landings(denoisedCurves, landTimes));
            }
            showTicks(plot, samples + clicks + guesses > 0);
            title.setText(heading);
            title.setVisible(!heading.isBlank());
            caption.setText(note);
            caption.setVisible(!note.isBlank());
            styleSeries();
        });
    }

    /** Each guess's curve at its landing time (a time of the curve, not interpolated). */
    static double[][] landings(List<PathDensity.Curve> curves, double[] times) {
        double[][] out = new double[2][curves.size()];
        for (int j = 0; j < curves.size(); j++) {
            PathDensity.Curve c = curves.get(j);
            out[0][j] = times[j];
            out[1][j] = Double.NaN;
            for (int r = 0; r < c.times().length; r++) {
                if (c.times()[r] == times[j]) {
                    out[1][j] = c.logDensity()[r];
                    break;
                }
            }
        }
        return out;
    }

    /** The finite points of a curve (a density that underflows to −∞ far from the data is left out). */
    private static double[][] xy(PathDensity.Curve c) {
        int n = 0;
        for (double v : c.logDensity()) {
            if (Double.isFinite(v)) {
                n++;
            }
        }
        double[][] out = new double[2][n];
        int j = 0;
        for (int r = 0; r < c.times().length; r++) {
            if (Double.isFinite(c.logDensity()[r])) {
                out[0][j] = c.times()[r];
                out[1][j] = c.logDensity()[r];
                j++;
            }
        }
        return out;
    }
}
