package org.scorefield.app.chart;

import java.util.Locale;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scorefield.app.theme.Look;
import org.scorefield.core.schedule.Schedule;

/**
 * The coefficients of a noising schedule against time (docs/math.md §2): α(t) and σ(t) on top, the log
 * signal-to-noise ratio log(α²/σ²) (twice λ = log(α/σ)) and the squared diffusion g²(t) of the equivalent SDE
 * below, sharing the t axis (t = 0 data, t = 1 noise). A vertical marker shows the current time.
 *
 * <p>The scales differ by orders of magnitude, so each panel chooses its axes: α and σ share a
 * linear axis while σ stays below {@value #LOG_SIGMA_ABOVE}, and a log axis for VE and EDM
 * schedules whose σ reaches tens; log SNR has a linear left axis, g² a log right axis. Values that are
 * not finite (or not positive on a log axis) are left out rather than drawn as spikes.
 *
 * <p>{@link #setTime} only moves the marker, so a time scrubber may call it every frame. Use on
 * the FX application thread only.
 */
public final class ScheduleChart extends LectureChart {

    /** Points sampled over [tMin, tMax] for each curve. */
    public static final int SAMPLES = 200;

    /** Above this largest σ the α, σ panel switches to a log axis. */
    public static final double LOG_SIGMA_ABOVE = 2.0;

    static final String ALPHA = "α(t)";
    static final String SIGMA = "σ(t)";
    /** log SNR = log(α²/σ²) = 2λ: twice DPM-Solver's λ = log(α/σ) (docs/math.md §1). */
    static final String LOG_SNR = "log SNR = log(α²/σ²)";
    static final String G2 = "g²(t)";

    private final XYSeries alpha = new XYSeries(ALPHA, false, true);
    private final XYSeries sigma = new XYSeries(SIGMA, false, true);
    private final XYSeries logSnr = new XYSeries(LOG_SNR, false, true);
    private final XYSeries g2 = new XYSeries(G2, false, true);
    private final XYSeriesCollection scaleData = new XYSeriesCollection();
    private final XYSeriesCollection logSnrData = new XYSeriesCollection();
    private final XYSeriesCollection g2Data = new XYSeriesCollection();

    private final NumberAxis timeAxis = new NumberAxis("t  (0 = data, 1 = noise)");
    private final NumberAxis linearScaleAxis = new NumberAxis("α, σ");
    private final LogAxis logScaleAxis = new DecadeLogAxis("α, σ  (log)");
    private final NumberAxis logSnrAxis = new NumberAxis("log SNR");
    private final LogAxis g2Axis = new DecadeLogAxis("g²  (log)");
    private final XYPlot scalePlot;
    private final XYPlot snrPlot;
    private final ValueMarker scaleMarker = new ValueMarker(0);
    private final ValueMarker snrMarker = new ValueMarker(0);
    private final XYLineAndShapeRenderer scaleRenderer = new XYLineAndShapeRenderer(true, false);
    private final XYLineAndShapeRenderer logSnrRenderer = new XYLineAndShapeRenderer(true, false);
    private final XYLineAndShapeRenderer g2Renderer = new XYLineAndShapeRenderer(true, false);

    private Schedule schedule;
    private double time = Double.NaN;

    /** An empty chart; call {@link #setSchedule} to draw. */
    public ScheduleChart() {
        super(new JFreeChart(new CombinedDomainXYPlot()));
        scaleData.addSeries(alpha);
        scaleData.addSeries(sigma);
        logSnrData.addSeries(logSnr);
        g2Data.addSeries(g2);

        timeAxis.setRange(0, 1);
        timeAxis.setAutoRange(false);
        linearScaleAxis.setAutoRangeIncludesZero(true);
        logSnrAxis.setAutoRangeIncludesZero(false);
        // Room above and below the curves, so that the end tick labels of the two panels do not meet.
        for (ValueAxis axis : new ValueAxis[] {linearScaleAxis, logScaleAxis, logSnrAxis, g2Axis}) {
            axis.setLowerMargin(0.07);
            axis.setUpperMargin(0.07);
        }

        scalePlot = new XYPlot(scaleData, null, linearScaleAxis, scaleRenderer);
        snrPlot = new XYPlot(logSnrData, null, logSnrAxis, logSnrRenderer);
        snrPlot.setDataset(1, g2Data);
        snrPlot.setRenderer(1, g2Renderer);
        snrPlot.setRangeAxis(1, g2Axis);
        snrPlot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        snrPlot.mapDatasetToRangeAxis(1, 1);
        scalePlot.addDomainMarker(scaleMarker);
        snrPlot.addDomainMarker(snrMarker);
        scaleMarker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        scaleMarker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        snrMarker.setLabel(null);

        CombinedDomainXYPlot plot = combinedPlot();
        plot.setDomainAxis(timeAxis);
        plot.add(scalePlot, 1);
        plot.add(snrPlot, 1);
        plot.setOrientation(PlotOrientation.VERTICAL);

        LegendTitle legend = getChart().getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
        setTime(0);
        setLook(Look.DEFAULT);
    }

    /** The schedule drawn, or null before the first {@link #setSchedule}. */
    public Schedule schedule() {
        return schedule;
    }

    /** The time of the marker. */
    public double time() {
        return time;
    }

    /**
     * Samples α, σ, log SNR and g² at {@value #SAMPLES} times over the schedule's [tMin, tMax] and redraws
     * once. Chooses a log axis for α, σ when σ exceeds {@value #LOG_SIGMA_ABOVE}.
     */
    public void setSchedule(Schedule schedule) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        changeQuietly(() -> {
            double t0 = schedule.tMin();
            double t1 = schedule.tMax();
            double sigmaMax = 0;
            for (XYSeries s : new XYSeries[] {alpha, sigma, logSnr, g2}) {
                s.setNotify(false);
                s.clear();
            }
            for (int i = 0; i < SAMPLES; i++) {
                double t = t0 + (t1 - t0) * i / (SAMPLES - 1);
                double a = schedule.alpha(t);
                double s = schedule.sigma(t);
                addFinite(alpha, t, a);
                addFinite(sigma, t, s);
                addFinite(logSnr, t, 2 * schedule.lambda(t));
                addPositive(g2, t, schedule.g2(t));
                if (Double.isFinite(s)) {
                    sigmaMax = Math.max(sigmaMax, s);
                }
            }
            boolean logScale = sigmaMax > LOG_SIGMA_ABOVE;
            ValueAxis wanted = logScale ? logScaleAxis : linearScaleAxis;
            if (scalePlot.getRangeAxis() != wanted) {
                scalePlot.setRangeAxis(wanted);
            }
            if (logScale) {
                // α ≡ 1 and σ from 0.002 to 80: drop the few σ values a log axis cannot show.
                removeNonPositive(alpha);
                removeNonPositive(sigma);
            }
            for (XYSeries s : new XYSeries[] {alpha, sigma, logSnr, g2}) {
                s.setNotify(true);
            }
        });
    }

    /**
     * Whether x₁ is Gaussian noise. Between two data sets (flow matching from another source) there is
     * no diffusion: the log-SNR and g² panel goes, and the time axis says "1 = source".
     */
    public void setGaussian(boolean gaussian) {
        CombinedDomainXYPlot plot = combinedPlot();
        boolean shown = plot.getSubplots().contains(snrPlot);
        if (gaussian == shown) {
            return;
        }
        changeQuietly(() -> {
            if (gaussian) {
                plot.add(snrPlot, 1);
            } else {
                plot.remove(snrPlot);
            }
            timeAxis.setLabel(gaussian ? "t  (0 = data, 1 = noise)" : "t  (0 = data, 1 = source)");
        });
    }

    /** Moves the time marker to {@code t} without touching the curves (cheap; fine at 60 Hz). */
    public void setTime(double t) {
        if (t == time) {
            return;
        }
        time = t;
        changeQuietly(() -> {
            scaleMarker.setValue(t);
            snrMarker.setValue(t);
            scaleMarker.setLabel(String.format(Locale.ROOT, "t = %.2f", t));
            // Near the right edge the label would run off the plot: put it on the left of the line.
            boolean right = t < 0.8;
            scaleMarker.setLabelAnchor(right ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
            scaleMarker.setLabelTextAnchor(right ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
        });
    }

    @Override
    void restyle(ChartLook chartLook) {
        Look.Palette p = chartLook.palette();
        chartLook.styleChart(getChart());
        CombinedDomainXYPlot plot = combinedPlot();
        plot.setBackgroundPaint(chartLook.background());
        plot.setOutlineVisible(false);
        plot.setGap(12 * chartLook.scale());
        chartLook.styleAxis(timeAxis);
        chartLook.stylePlot(scalePlot);
        chartLook.stylePlot(snrPlot);
        for (ValueAxis axis : new ValueAxis[] {linearScaleAxis, logScaleAxis, logSnrAxis, g2Axis}) {
            chartLook.styleAxis(axis);
        }

        scaleRenderer.setSeriesPaint(0, ChartLook.awt(p.classColor(0)));
        scaleRenderer.setSeriesPaint(1, ChartLook.awt(p.sde()));
        scaleRenderer.setSeriesStroke(0, chartLook.line(2.2));
        scaleRenderer.setSeriesStroke(1, chartLook.line(2.2));
        logSnrRenderer.setSeriesPaint(0, ChartLook.awt(p.classColor(2)));
        logSnrRenderer.setSeriesStroke(0, chartLook.line(2.2));
        // g² reads off the right axis: dashed, so the pairing with its axis survives any colour vision.
        g2Renderer.setSeriesPaint(0, ChartLook.awt(p.classColor(3)));
        g2Renderer.setSeriesStroke(0, chartLook.dashed(2.2));
        for (XYLineAndShapeRenderer r : new XYLineAndShapeRenderer[] {scaleRenderer, logSnrRenderer, g2Renderer}) {
            r.setAutoPopulateSeriesStroke(false);
            r.setDrawSeriesLineAsPath(true);
            r.setDefaultLegendTextPaint(chartLook.text());
        }
        logSnrAxis.setLabelPaint(ChartLook.awt(p.classColor(2)));
        g2Axis.setLabelPaint(ChartLook.awt(p.classColor(3)));

        for (ValueMarker marker : new ValueMarker[] {scaleMarker, snrMarker}) {
            marker.setPaint(ChartLook.awt(p.text(), 0.55));
            marker.setStroke(chartLook.line(1.6));
            chartLook.styleMarkerLabel(marker);
        }
    }

    CombinedDomainXYPlot combinedPlot() {
        return (CombinedDomainXYPlot) getChart().getPlot();
    }

    XYPlot scalePlot() {
        return scalePlot;
    }

    XYPlot snrPlot() {
        return snrPlot;
    }

    ValueMarker timeMarker() {
        return scaleMarker;
    }

    XYSeriesCollection scaleData() {
        return scaleData;
    }

    XYSeriesCollection logSnrData() {
        return logSnrData;
    }

    XYSeriesCollection g2Data() {
        return g2Data;
    }

    private static void addFinite(XYSeries series, double t, double value) {
        if (Double.isFinite(value)) {
            series.add(t, value, false);
        }
    }

    private static void addPositive(XYSeries series, double t, double value) {
        if (Double.isFinite(value) && value > 0) {
            series.add(t, value, false);
        }
    }

    private static void removeNonPositive(XYSeries series) {
        for (int i = series.getItemCount() - 1; i >= 0; i--) {
            if (series.getY(i).doubleValue() <= 0) {
                series.remove(i);
            }
        }
    }
}
