package org.scorefield.app.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;
import org.scorefield.app.theme.Look;
import org.scorefield.core.io.FigureText;
import org.scorefield.core.metric.Memorisation;

/**
 * Memorisation versus generalisation (docs/math.md §11.7): histograms of each sample's distance to
 * its nearest training point, the model's and the memorising oracle's, as the share of samples per
 * bin, with the copy threshold δ marked. Samples left of δ copy a training point; the legend gives
 * each series' share of copies, the caption the training set and each series' median distance. Use on the FX application thread only.
 */
public final class MemorisationChart extends LectureChart {

    /** What an empty chart says. */
    public static final String EMPTY_MESSAGE = "Sample, or train a model, to compare with the training points";
    /** Bins between 0 and the axis' end. */
    static final int BINS = 30;

    private final DefaultXYDataset dataset = new DefaultXYDataset();
    private final NumberAxis distanceAxis = new NumberAxis("distance to training set");
    private final NumberAxis shareAxis = new NumberAxis("share of samples");
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private final XYPlot plot;
    private final LegendTitle legend;
    private final TextTitle title = new TextTitle("");
    private final TextTitle caption = new TextTitle("");
    private ValueMarker threshold;
    private final List<String> labels = new ArrayList<>();
    private boolean hasModel;

    public MemorisationChart() {
        super(new JFreeChart(null, null, new XYPlot(), false));
        plot = (XYPlot) getChart().getPlot();
        plot.setDataset(dataset);
        plot.setDomainAxis(distanceAxis);
        plot.setRangeAxis(shareAxis);
        plot.setRenderer(renderer);
        plot.setNoDataMessage(EMPTY_MESSAGE);
        distanceAxis.setAutoRange(false);
        shareAxis.setAutoRangeIncludesZero(true);
        shareAxis.setUpperMargin(0.08);
        shareAxis.setNumberFormatOverride(java.text.NumberFormat.getPercentInstance(Locale.ROOT));
        title.setPosition(RectangleEdge.TOP);
        title.setHorizontalAlignment(HorizontalAlignment.LEFT);
        caption.setPosition(RectangleEdge.TOP);
        caption.setHorizontalAlignment(HorizontalAlignment.LEFT);
        getChart().addSubtitle(title);
        getChart().addSubtitle(caption);
        legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.TOP);
        legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
        getChart().addSubtitle(legend);
        setLook(Look.DEFAULT);
        show(null, null, "", EMPTY_MESSAGE);
    }

    /**
     * Draws the two histograms.
     *
     * @param model       the model's figures, or null when the oracle drove the run
     * @param oracle      the memorising oracle's figures, or null
     * @param trainingSet what the training set is, for the caption
     * @param note        what to say when there is nothing to draw
     */
    public void show(Memorisation.Result model, Memorisation.Result oracle, String trainingSet, String note) {
        changeQuietly(() -> {
            while (dataset.getSeriesCount() > 0) {
                dataset.removeSeries(dataset.getSeriesKey(0));
            }
            labels.clear();
            if (threshold != null) {
                plot.removeDomainMarker(threshold);
                threshold = null;
            }
            hasModel = model != null;
            Memorisation.Result any = model != null ? model : oracle;
            if (any == null) {
                plot.setNoDataMessage(note.isBlank() ? EMPTY_MESSAGE : note);
                title.setText("");
                title.setVisible(false);
                caption.setVisible(false);
                showTicks(plot, false);
                return;
            }
            double delta = any.threshold();
            double end = axisEnd(delta, model, oracle);
            distanceAxis.setRange(0, end);
            if (model != null) {
                add(seriesLabel("model", model), model, end);
            }
            if (oracle != null) {
                add(seriesLabel("memorising oracle", oracle), oracle, end);
            }
            threshold = new ValueMarker(delta);
            threshold.setLabel(String.format(Locale.ROOT, " δ = %.2g", delta));
            threshold.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            threshold.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(threshold);
            title.setText(model != null ? String.format(Locale.ROOT, "The model copies %s of its samples",
                    percent(model.copyFraction())) : String.format(Locale.ROOT, "The memorising oracle copies %s",
                    percent(oracle.copyFraction())));
            title.setVisible(true);
            StringBuilder medians = new StringBuilder("median:");
            if (model != null) {
                medians.append(" model ").append(FigureText.of("%.3g", model.median()));
            }
            if (oracle != null) {
                medians.append(model != null ? "," : "").append(" oracle ").append(FigureText.of("%.3g",
                        oracle.median()));
            }
            caption.setText("Trained on " + trainingSet + "\n" + medians);
            caption.setVisible(true);
            showTicks(plot, true);
            restyleSeries();
        });
    }

    /** The title shown. */
    public String heading() {
        return title.isVisible() ? title.getText() : "";
    }

    /** The caption shown: the training set, and each series' median distance ("n/a" when not finite). */
    public String captionText() {
        return caption.isVisible() ? caption.getText() : "";
    }

    /** The series' legend labels, model first. */
    public List<String> seriesLabels() {
        return List.copyOf(labels);
    }

    /** The x of the copy threshold's marker, or NaN without one. */
    public double thresholdMarked() {
        return threshold == null ? Double.NaN : threshold.getValue();
    }

    /** The histogram of series {@code i}: rows bin start and share of samples in the bin. */
    public double[][] histogram(int i) {
        int n = dataset.getItemCount(i);
        List<double[]> bins = new ArrayList<>();
        for (int k = 0; k + 1 < n; k += 2) {
            bins.add(new double[] {dataset.getXValue(i, k), dataset.getYValue(i, k)});
        }
        double[][] out = new double[2][bins.size()];
        for (int b = 0; b < bins.size(); b++) {
            out[0][b] = bins.get(b)[0];
            out[1][b] = bins.get(b)[1];
        }
        return out;
    }

    static String seriesLabel(String who, Memorisation.Result r) {
        return String.format(Locale.ROOT, "%s: %s", who, percent(r.copyFraction()));
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    /** The axis ends past 3δ and past 98% of every series' samples, so that both shapes show. */
    static double axisEnd(double delta, Memorisation.Result... results) {
        double end = 3 * delta;
        for (Memorisation.Result r : results) {
            if (r != null) {
                double[] d = r.distances();
                Arrays.sort(d);
                double p98 = d[(int) Math.min(d.length - 1, Math.floor(0.98 * d.length))];
                if (Double.isFinite(p98)) {
                    end = Math.max(end, p98);
                }
            }
        }
        return end > 0 ? end : 1;
    }

    /**
     * One series as a step outline: share of all samples per bin of width end/{@value #BINS}
     * (samples beyond the axis are in no bin, so the shares add up to less than 1 then).
     */
    private void add(String label, Memorisation.Result r, double end) {
        double width = end / BINS;
        double[] counts = new double[BINS];
        for (double d : r.distances()) {
            if (d < end) {
                counts[(int) Math.min(BINS - 1, Math.floor(d / width))]++;
            }
        }
        double[][] xy = new double[2][2 * BINS];
        for (int b = 0; b < BINS; b++) {
            double share = counts[b] / r.count();
            xy[0][2 * b] = b * width;
            xy[1][2 * b] = share;
            xy[0][2 * b + 1] = (b + 1) * width;
            xy[1][2 * b + 1] = share;
        }
        labels.add(label);
        dataset.addSeries(label, xy);
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
        restyleSeries();
    }

    private void restyleSeries() {
        Look.Palette p = chartLook().palette();
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            boolean model = hasModel && i == 0;
            renderer.setSeriesPaint(i, ChartLook.awt(model ? p.classes()[0] : p.classes()[5]));
            renderer.setSeriesStroke(i, chartLook().line(model ? 2.4 : 1.8));
        }
        if (threshold != null) {
            threshold.setPaint(chartLook().mutedText());
            threshold.setStroke(chartLook().dashed(1.4));
            threshold.setLabelFont(chartLook().font(ChartLook.BASE_FONT_SIZE - 1));
            threshold.setLabelPaint(chartLook().mutedText());
        }
    }
}
