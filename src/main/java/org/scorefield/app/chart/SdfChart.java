package org.scorefield.app.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
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

/**
 * Score-difference flow's SW2 to the data over its noise floor against the iteration, on a log scale
 * (docs/math.md §10.3, §11.3), with flow matching from the same particles as a flat line across (it
 * has no iterations: its figure is that of its end points) and a dashed line at 1, the floor, below
 * which the particles cannot be told from a fresh draw of the data. Use on the FX application thread
 * only.
 */
public final class SdfChart extends LectureChart {

    /** What an empty chart says. */
    public static final String EMPTY_MESSAGE = "Run score-difference flow (the SDF view) to measure it";
    /** The name of the flow's series. */
    public static final String FLOW = "score-difference flow";

    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final NumberAxis iterationAxis = new NumberAxis("iteration");
    private final LogAxis ratioAxis = new DecadeLogAxis("SW2 / noise floor");
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private final ValueMarker floorMarker = new ValueMarker(1);
    private final XYPlot plot;
    private final LegendTitle legend;
    private final TextTitle label = new TextTitle("SW2 to the data over its floor (log scale)");
    /** Flow matching's name, under the legend in its colour: a title wraps where a legend item would be cut. */
    private final TextTitle flowName = new TextTitle("");

    public SdfChart() {
        super(new JFreeChart(null, null, new XYPlot(), false));
        plot = (XYPlot) getChart().getPlot();
        plot.setDataset(dataset);
        iterationAxis.setAutoRangeIncludesZero(true);
        iterationAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.setDomainAxis(iterationAxis);
        plot.setRangeAxis(ratioAxis);
        ratioAxis.setLowerMargin(0.08);
        ratioAxis.setUpperMargin(0.08);
        plot.setRenderer(renderer);
        plot.setNoDataMessage(EMPTY_MESSAGE);
        floorMarker.setLabel("SW2 = noise floor");
        plot.addRangeMarker(floorMarker);
        legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
        getChart().addSubtitle(legend);
        label.setPosition(RectangleEdge.TOP);
        label.setHorizontalAlignment(HorizontalAlignment.LEFT);
        getChart().addSubtitle(label);
        flowName.setPosition(RectangleEdge.BOTTOM);
        flowName.setHorizontalAlignment(HorizontalAlignment.LEFT);
        flowName.setVisible(false);
        getChart().addSubtitle(flowName);
        showTicks(plot, false);
        setLook(Look.DEFAULT);
    }

    /**
     * Shows a run: SW2/floor at these iterations, and flow matching's SW2/floor as a line across the
     * iterations (NaN: not known yet).
     *
     * @param iterations the measured iterations, from 0
     * @param ratios     SW2/floor at each
     * @param last       the run's last iteration, where the flow-matching line ends
     * @param flowRatio  flow matching's SW2/floor, or NaN
     * @param flowLabel  its name in the legend
     */
    public void show(int[] iterations, double[] ratios, int last, double flowRatio, String flowLabel) {
        changeQuietly(() -> {
            dataset.removeAllSeries();
            XYSeries flow = new XYSeries(FLOW, false, true);
            for (int i = 0; i < iterations.length; i++) {
                if (Double.isFinite(ratios[i]) && ratios[i] > 0) {
                    flow.add(iterations[i], ratios[i], false);
                }
            }
            dataset.addSeries(flow);
            if (Double.isFinite(flowRatio) && flowRatio > 0) {
                XYSeries matched = new XYSeries(flowLabel, false, true);
                matched.add(0, flowRatio, false);
                matched.add(Math.max(1, last), flowRatio, false);
                dataset.addSeries(matched);
                renderer.setSeriesVisibleInLegend(1, false);
            }
            flowName.setText("\u2013 \u2013  " + flowLabel);
            flowName.setVisible(dataset.getSeriesCount() > 1);
            iterationAxis.setAutoRange(false);
            iterationAxis.setRange(0, Math.max(1, last));
            showTicks(plot, flow.getItemCount() > 0);
            restyleSeries(chartLook());
        });
    }

    /** Empties the chart. */
    public void clear() {
        changeQuietly(() -> {
            dataset.removeAllSeries();
            flowName.setVisible(false);
            showTicks(plot, false);
        });
    }

    /** What the dashed line is named, or empty when it is not drawn. */
    public String flowName() {
        return flowName.isVisible() ? flowName.getText() : "";
    }

    /** The series shown, for tests: the flow's first, then flow matching's. */
    public XYSeriesCollection dataset() {
        return dataset;
    }

    @Override
    void restyle(ChartLook chartLook) {
        chartLook.styleChart(getChart());
        chartLook.stylePlot(plot);
        chartLook.styleLegend(legend);
        label.setFont(chartLook.font(ChartLook.BASE_FONT_SIZE));
        label.setPaint(chartLook.text());
        label.setPadding(new RectangleInsets(0, 0, 4 * chartLook.scale(), 0));
        flowName.setFont(chartLook.font(ChartLook.BASE_FONT_SIZE));
        flowName.setPaint(ChartLook.awt(chartLook.palette().classColor(2)));
        chartLook.styleMarkerLabel(floorMarker);
        floorMarker.setLabelPaint(chartLook.mutedText());
        floorMarker.setPaint(ChartLook.awt(chartLook.palette().mutedText(), 0.6));
        floorMarker.setStroke(chartLook.dashed(1));
        floorMarker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.BOTTOM_RIGHT);
        floorMarker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_RIGHT);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setAutoPopulateSeriesStroke(false);
        renderer.setAutoPopulateSeriesPaint(false);
        restyleSeries(chartLook);
    }

    /** The flow in the canvas's particle colour (the accent), flow matching in the first class colour, dashed. */
    private void restyleSeries(ChartLook chartLook) {
        Look.Palette p = chartLook.palette();
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, ChartLook.awt(i == 0 ? p.accent() : p.classColor(2)));
            renderer.setSeriesStroke(i, i == 0 ? chartLook.line(2.2) : chartLook.dashed(2));
        }
    }
}
