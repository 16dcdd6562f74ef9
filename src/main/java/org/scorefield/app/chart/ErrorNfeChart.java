package org.scorefield.app.chart;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.LegendItemSource;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scorefield.app.theme.Look;
import org.scorefield.core.metric.ErrorVersusNfe;
import org.scorefield.core.sample.SamplerKind;

/**
 * Solver error against the number of network evaluations, on log–log axes (docs/math.md §11.5, "solver
 * error"): one line with markers per solver, named by {@link SamplerKind#displayName()}; stochastic
 * samplers are dashed, since their distance to the PF-ODE solution does not shrink with more steps.
 * On log–log axes a solver of order p is a line of slope −p, and "faster" means further left at
 * equal height. A faint horizontal line marks the RK4 reference's own accuracy, below which errors
 * cannot be told apart.
 *
 * <p>Before a result the chart says what to do ({@value #EMPTY_MESSAGE}); {@link #setBusy} shows a
 * progress message while a computation runs. Use on the FX application thread only.
 */
public final class ErrorNfeChart extends LectureChart {

    /** What an empty chart says. */
    public static final String EMPTY_MESSAGE = "Press Compute to measure error against NFE";

    /** The quantity on the y axis, written above it: rotated, it would not fit a short chart. */
    static final String ERROR_LABEL = "error at t_min vs RK4 reference";

    static final String STOCHASTIC_NOTE = "dashed = stochastic";

    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final LogAxis nfeAxis = new DecadeLogAxis("NFE (network evaluations)");
    private final LogAxis errorAxis = new DecadeLogAxis(null);
    private final TextTitle errorLabel = new TextTitle(ERROR_LABEL);
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    private final ValueMarker referenceMarker = new ValueMarker(1);
    private final XYPlot plot;
    private final LegendTitle legend;
    private final TextTitle status = new TextTitle("");
    private final List<Boolean> stochastic = new ArrayList<>();
    private ErrorVersusNfe.Result result;

    /** An empty chart that says {@value #EMPTY_MESSAGE}. */
    public ErrorNfeChart() {
        super(new JFreeChart(null, null, new XYPlot(), false));
        plot = (XYPlot) getChart().getPlot();
        plot.setDataset(dataset);
        plot.setDomainAxis(nfeAxis);
        plot.setRangeAxis(errorAxis);
        plot.setRenderer(renderer);
        plot.setNoDataMessage(EMPTY_MESSAGE);
        // Room round the data, so that the first and last markers are not cut by the plot's edge.
        nfeAxis.setLowerMargin(0.04);
        nfeAxis.setUpperMargin(0.04);
        errorAxis.setLowerMargin(0.06);
        errorAxis.setUpperMargin(0.06);
        showTicks(false);
        referenceMarker.setLabel("RK4 reference accuracy");
        referenceMarker.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
        referenceMarker.setLabelTextAnchor(TextAnchor.TOP_LEFT);

        // The solvers, then a key to the dashes when a stochastic sampler is among them.
        legend = new LegendTitle(plot);
        legend.setSources(new LegendItemSource[] {plot, this::stochasticKey});
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
        getChart().addSubtitle(legend);
        status.setPosition(RectangleEdge.TOP);
        status.setHorizontalAlignment(HorizontalAlignment.RIGHT);
        status.setVisible(false);
        getChart().addSubtitle(status);
        errorLabel.setPosition(RectangleEdge.TOP);
        errorLabel.setHorizontalAlignment(HorizontalAlignment.LEFT);
        getChart().addSubtitle(errorLabel);
        setLook(Look.DEFAULT);
    }

    /**
     * Plots one series per solver, its rows sorted by NFE; rows whose error is not finite and
     * positive are left out (a log axis cannot show them).
     */
    public void setResult(ErrorVersusNfe.Result result) {
        this.result = Objects.requireNonNull(result, "result");
        Map<SamplerKind, List<ErrorVersusNfe.Row>> bySolver = new LinkedHashMap<>();
        for (ErrorVersusNfe.Row row : result.rows()) {
            bySolver.computeIfAbsent(row.solver(), k -> new ArrayList<>()).add(row);
        }
        changeQuietly(() -> {
            dataset.removeAllSeries();
            stochastic.clear();
            for (Map.Entry<SamplerKind, List<ErrorVersusNfe.Row>> e : bySolver.entrySet()) {
                XYSeries series = new XYSeries(e.getKey().displayName(), false, true);
                boolean anyStochastic = false;
                List<ErrorVersusNfe.Row> rows = new ArrayList<>(e.getValue());
                rows.sort(Comparator.comparingLong(ErrorVersusNfe.Row::nfe));
                for (ErrorVersusNfe.Row row : rows) {
                    anyStochastic |= row.stochastic();
                    if (Double.isFinite(row.error()) && row.error() > 0 && row.nfe() > 0) {
                        series.add(row.nfe(), row.error(), false);
                    }
                }
                dataset.addSeries(series);
                stochastic.add(anyStochastic);
            }
            plot.clearRangeMarkers();
            double ref = result.referenceError();
            if (Double.isFinite(ref) && ref > 0) {
                referenceMarker.setValue(ref);
                plot.addRangeMarker(referenceMarker);
            }
            plot.setNoDataMessage("No finite errors to plot");
            showStatus("");
            showTicks(true);
            restyleSeries(chartLook());
        });
    }

    /** The result shown, or null when empty or cleared. */
    public ErrorVersusNfe.Result result() {
        return result;
    }

    /**
     * Shows that a computation is running, e.g. "Computing… 3 of 5 solvers": in the middle of an
     * empty chart, or as a caption under a previous result, which stays visible until replaced. An
     * empty message takes the caption away.
     */
    public void setBusy(String message) {
        Objects.requireNonNull(message, "message");
        changeQuietly(() -> {
            plot.setNoDataMessage(message.isEmpty() ? (result == null ? EMPTY_MESSAGE : plot.getNoDataMessage())
                    : message);
            showStatus(dataset.getSeriesCount() > 0 ? message : "");
        });
    }

    /** Removes the result and shows {@value #EMPTY_MESSAGE}. */
    public void clear() {
        result = null;
        changeQuietly(() -> {
            dataset.removeAllSeries();
            stochastic.clear();
            plot.clearRangeMarkers();
            plot.setNoDataMessage(EMPTY_MESSAGE);
            showStatus("");
            showTicks(false);
        });
    }

    /** The caption above the plot ("" when hidden): a busy message while a previous result shows. */
    public String status() {
        return status.isVisible() ? status.getText() : "";
    }

    /** The label of the error axis, drawn above the plot. */
    public String errorAxisLabel() {
        return errorLabel.getText();
    }

    /** The message drawn on an empty chart. */
    public String message() {
        return plot.getNoDataMessage();
    }

    @Override
    void restyle(ChartLook chartLook) {
        chartLook.styleChart(getChart());
        chartLook.stylePlot(plot);
        chartLook.styleLegend(legend);
        chartLook.styleTitle(status, false);
        errorLabel.setFont(chartLook.font(ChartLook.BASE_FONT_SIZE));
        errorLabel.setPaint(chartLook.text());
        errorLabel.setPadding(new RectangleInsets(0, 0, 4 * chartLook.scale(), 0));
        chartLook.styleMarkerLabel(referenceMarker);
        referenceMarker.setLabelPaint(chartLook.mutedText());
        referenceMarker.setPaint(ChartLook.awt(chartLook.palette().mutedText(), 0.6));
        referenceMarker.setStroke(chartLook.dashed(1));
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setAutoPopulateSeriesStroke(false);
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setAutoPopulateSeriesShape(false);
        renderer.setUseFillPaint(false);
        renderer.setDefaultShapesFilled(true);
        restyleSeries(chartLook);
    }

    private void showTicks(boolean on) {
        showTicks(plot, on);
    }

    private void showStatus(String text) {
        status.setText(text);
        status.setVisible(!text.isEmpty());
    }

    /** A legend entry for the dashes, present while a stochastic sampler is shown. */
    private LegendItemCollection stochasticKey() {
        LegendItemCollection items = new LegendItemCollection();
        if (stochastic.contains(true)) {
            ChartLook chartLook = chartLook();
            LegendItem item = new LegendItem(STOCHASTIC_NOTE, null, null, null,
                    new java.awt.geom.Line2D.Double(-9 * chartLook.scale(), 0, 9 * chartLook.scale(), 0),
                    chartLook.dashed(2), chartLook.mutedText());
            item.setLabelPaint(chartLook.mutedText());
            items.add(item);
        }
        return items;
    }

    /** Colour, marker shape and stroke of each series: Okabe–Ito colours, dashed when stochastic. */
    private void restyleSeries(ChartLook chartLook) {
        Look.Palette p = chartLook.palette();
        double r = 3.6 * chartLook.scale();
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, ChartLook.awt(p.classColor(i)));
            renderer.setSeriesShape(i, shape(i, r));
            boolean dashed = i < stochastic.size() && stochastic.get(i);
            renderer.setSeriesStroke(i, dashed ? chartLook.dashed(2) : chartLook.line(2));
        }
    }

    /** Circle, square, triangle, diamond, down-triangle, then round again: told apart without colour. */
    static Shape shape(int series, double r) {
        return switch (series % 5) {
            case 0 -> new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
            case 1 -> new Rectangle2D.Double(-0.9 * r, -0.9 * r, 1.8 * r, 1.8 * r);
            case 2 -> polygon(new double[] {0, r * 1.15, -r * 1.15}, new double[] {-r * 1.2, r * 0.8, r * 0.8});
            case 3 -> polygon(new double[] {0, r * 1.2, 0, -r * 1.2}, new double[] {-r * 1.2, 0, r * 1.2, 0});
            default -> polygon(new double[] {0, r * 1.15, -r * 1.15}, new double[] {r * 1.2, -r * 0.8, -r * 0.8});
        };
    }

    private static Shape polygon(double[] x, double[] y) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(x[0], y[0]);
        for (int i = 1; i < x.length; i++) {
            path.lineTo(x[i], y[i]);
        }
        path.closePath();
        return path;
    }

    XYPlot plot() {
        return plot;
    }

    XYSeriesCollection dataset() {
        return dataset;
    }

    /** Whether series {@code i} is drawn dashed. */
    boolean isDashed(int i) {
        return i < stochastic.size() && stochastic.get(i);
    }
}
