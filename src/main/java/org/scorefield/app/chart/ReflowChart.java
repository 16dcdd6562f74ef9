package org.scorefield.app.chart;

import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scorefield.app.theme.Look;
import org.scorefield.core.flow.Reflow;

/**
 * The figures of the Reflow rounds on a log scale (docs/math.md §8.8, §11), in one of two views:
 * <ul>
 * <li>{@link View#ROUNDS}: against the round, the normalised straightness S/C, the 1-step and
 *     2-step SW2 relative to the noise floor, and the transport cost C, which Reflow must not
 *     increase;</li>
 * <li>{@link View#NFE}: SW2 / floor against the Euler steps (NFE), one line per round: a straight
 *     flow is flat, as good in 1 step as in 16.</li>
 * </ul>
 * A dashed line marks SW2 = floor (ratio 1), below which samples cannot be told from the data.
 * Use on the FX application thread only.
 */
public final class ReflowChart extends LectureChart {

    /** What the x axis is. */
    public enum View { ROUNDS, NFE }

    /** What an empty chart says. */
    public static final String EMPTY_MESSAGE = "Press Make round to measure Reflow rounds";

    private final View view;
    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final LogAxis valueAxis = new DecadeLogAxis(null);
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    private final ValueMarker floorMarker = new ValueMarker(1);
    private final XYPlot plot;
    private final LegendTitle legend;
    private final TextTitle label;

    public ReflowChart(View view) {
        super(new JFreeChart(null, null, new XYPlot(), false));
        this.view = view;
        plot = (XYPlot) getChart().getPlot();
        plot.setDataset(dataset);
        ValueAxis x;
        if (view == View.ROUNDS) {
            NumberAxis rounds = new NumberAxis("Reflow round");
            rounds.setTickUnit(new NumberTickUnit(1));
            rounds.setAutoRangeIncludesZero(true);
            x = rounds;
        } else {
            LogAxis nfe = new LogAxis("Euler steps (NFE)");
            nfe.setBase(2);
            nfe.setTickUnit(new NumberTickUnit(1));
            nfe.setNumberFormatOverride(new DecimalFormat("0"));
            x = nfe;
        }
        x.setLowerMargin(0.06);
        x.setUpperMargin(0.06);
        plot.setDomainAxis(x);
        plot.setRangeAxis(valueAxis);
        valueAxis.setLowerMargin(0.08);
        valueAxis.setUpperMargin(0.08);
        plot.setRenderer(renderer);
        plot.setNoDataMessage(EMPTY_MESSAGE);
        floorMarker.setLabel("SW2 = noise floor");
        plot.addRangeMarker(floorMarker);
        legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
        getChart().addSubtitle(legend);
        label = new TextTitle(view == View.ROUNDS ? "per round: S / cost, SW2 / floor, cost (log scale)"
                : "SW2 / noise floor against Euler steps (log scale)");
        label.setPosition(RectangleEdge.TOP);
        label.setHorizontalAlignment(HorizontalAlignment.LEFT);
        getChart().addSubtitle(label);
        showTicks(false);
        setLook(Look.DEFAULT);
    }

    /** Shows these rounds (round 0 first); an empty list clears the chart. */
    public void setRounds(List<Reflow.Metrics> rounds) {
        changeQuietly(() -> {
            dataset.removeAllSeries();
            if (view == View.ROUNDS) {
                XYSeries straightness = new XYSeries("straightness", false, true);
                XYSeries one = new XYSeries("SW2, 1 step", false, true);
                XYSeries two = new XYSeries("SW2, 2 steps", false, true);
                XYSeries cost = new XYSeries("cost E‖x₁ − x₀‖²", false, true);
                for (Reflow.Metrics m : rounds) {
                    add(straightness, m.round(), m.normalizedStraightness());
                    add(one, m.round(), m.oneStepRatio());
                    add(two, m.round(), m.sw2TwoStep() / m.sw2Floor());
                    add(cost, m.round(), m.transportCost());
                }
                for (XYSeries s : new XYSeries[] {straightness, one, two, cost}) {
                    dataset.addSeries(s);
                }
            } else {
                int[] nfe = Reflow.nfe();
                for (Reflow.Metrics m : rounds) {
                    XYSeries series = new XYSeries("round " + m.round(), false, true);
                    double[] sw2 = m.sw2ByNfe();
                    for (int k = 0; k < nfe.length; k++) {
                        add(series, nfe[k], sw2[k] / m.sw2Floor());
                    }
                    dataset.addSeries(series);
                }
            }
            showTicks(!rounds.isEmpty());
            restyleSeries(chartLook());
        });
    }

    /** Series of the chart, for tests: name → number of points. */
    public XYSeriesCollection dataset() {
        return dataset;
    }

    /** The message of an empty chart. */
    public String message() {
        return plot.getNoDataMessage();
    }

    private static void add(XYSeries series, double x, double y) {
        if (Double.isFinite(y) && y > 0) {
            series.add(x, y, false);
        }
    }

    @Override
    void restyle(ChartLook chartLook) {
        chartLook.styleChart(getChart());
        chartLook.stylePlot(plot);
        chartLook.styleLegend(legend);
        label.setFont(chartLook.font(ChartLook.BASE_FONT_SIZE));
        label.setPaint(chartLook.text());
        label.setPadding(new RectangleInsets(0, 0, 4 * chartLook.scale(), 0));
        chartLook.styleMarkerLabel(floorMarker);
        floorMarker.setLabelPaint(chartLook.mutedText());
        floorMarker.setPaint(ChartLook.awt(chartLook.palette().mutedText(), 0.6));
        floorMarker.setStroke(chartLook.dashed(1));
        floorMarker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.BOTTOM_RIGHT);
        floorMarker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_RIGHT);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setAutoPopulateSeriesStroke(false);
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setAutoPopulateSeriesShape(false);
        renderer.setDefaultShapesFilled(true);
        restyleSeries(chartLook);
    }

    private void showTicks(boolean on) {
        showTicks(plot, on);
    }

    /** Okabe–Ito colours and distinct markers; the transport cost dashed (it is not a ratio to the floor). */
    private void restyleSeries(ChartLook chartLook) {
        Look.Palette p = chartLook.palette();
        double r = 3.6 * chartLook.scale();
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, ChartLook.awt(p.classColor(i)));
            renderer.setSeriesShape(i, ErrorNfeChart.shape(i, r));
            boolean cost = view == View.ROUNDS && i == 3;
            renderer.setSeriesStroke(i, cost ? chartLook.dashed(2) : chartLook.line(2));
        }
    }
}
