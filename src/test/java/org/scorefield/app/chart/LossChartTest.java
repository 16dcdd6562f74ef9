package org.scorefield.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scorefield.app.chart.ChartSnapshot.onFx;

import javafx.stage.Stage;
import org.jfree.chart.axis.LogAxis;
import org.jfree.data.xy.DefaultXYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorefield.app.theme.Look;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The loss chart plots bucket means on a log axis, stays small over long runs, and skips what a log axis cannot show. */
@ExtendWith(ApplicationExtension.class)
class LossChartTest {

    @Start
    void start(Stage stage) {
        // The toolkit only.
    }

    @Test
    void twoHundredThousandStepsKeepAtMostTheBucketCapAndExactMeans() {
        LossChart chart = onFx(LossChart::new);
        onFx(() -> {
            for (long first = 0; first < 200_000; first += 200) {
                double[] chunk = new double[200];
                for (int i = 0; i < chunk.length; i++) {
                    chunk[i] = loss(first + i);
                }
                chart.append(first, chunk);
            }
        });
        DefaultXYDataset data = chart.dataset();
        assertEquals(2, data.getSeriesCount(), "raw bucket means and the smoothed line");
        int points = data.getItemCount(0);
        // Not laid out yet: drawn as for a 600-pixel chart, at most a point per pixel column.
        assertTrue(points <= LossChart.maxPoints(0) && points > LossChart.maxPoints(0) / 2, "points: " + points);
        assertEquals(points, data.getItemCount(1));
        long width = chart.shownWidth();
        assertEquals(0, width % chart.history().bucketWidth());
        assertEquals(LossChart.RAW + ", mean of each " + width + " steps", data.getSeriesKey(0));
        for (int i = 0; i < points - 1; i += 97) {
            long lo = (long) Math.floor(data.getXValue(0, i) / width) * width;
            double trueMean = 0;
            for (long s = lo; s < lo + width; s++) {
                trueMean += loss(s);
            }
            trueMean /= width;
            assertEquals(lo + (width - 1) / 2.0, data.getXValue(0, i), 1e-9);
            assertEquals(trueMean, data.getYValue(0, i), 1e-9 * trueMean);
        }
        assertInstanceOf(LogAxis.class, chart.plot().getRangeAxis());
        assertEquals("loss (log scale)", chart.plot().getRangeAxis().getLabel());
        assertEquals("step", chart.plot().getDomainAxis().getLabel());
    }

    @Test
    void aChartDrawsAtMostOnePointPerPixelColumnAndMoreWhenWider() {
        LossChart chart = onFx(LossChart::new);
        onFx(() -> {
            new javafx.scene.Scene(new javafx.scene.Group(chart));
            chart.resize(300, 400);
            chart.layout();
            double[] losses = new double[5000];
            for (int i = 0; i < losses.length; i++) {
                losses[i] = loss(i);
            }
            chart.append(0, losses);
        });
        DefaultXYDataset data = chart.dataset();
        int narrow = data.getItemCount(0);
        assertTrue(narrow <= 300 && narrow > 150, "points at 300 px: " + narrow);
        assertEquals(5000, chart.lossCount(), "every loss is kept for a wider chart");
        onFx(() -> {
            chart.resize(1000, 400);
            chart.layout();
        });
        int wide = data.getItemCount(0);
        assertTrue(wide <= 1000 && wide > 2 * narrow, "points at 1000 px: " + wide);
        assertEquals(LossChart.RAW + ", mean of each " + chart.shownWidth() + " steps", data.getSeriesKey(0));
    }

    @Test
    void nonPositiveLossesAreSkippedAndClearEmpties() {
        LossChart chart = onFx(LossChart::new);
        onFx(() -> chart.append(10, new double[] {0.5, 0, -1, Double.NaN, 0.25}));
        DefaultXYDataset data = chart.dataset();
        assertEquals(2, data.getItemCount(0));
        assertEquals(10, data.getXValue(0, 0));
        assertEquals(0.5, data.getYValue(0, 0));
        assertEquals(14, data.getXValue(0, 1));
        assertEquals(0.25, data.getYValue(0, 1));
        assertEquals(3, chart.history().skipped());
        onFx(chart::clear);
        assertEquals(0, data.getSeriesCount());
    }

    /**
     * A diverged NLL measurement (+∞ or NaN) is a gap in the NLL curve, and the right-hand axis ranges
     * over the finite measurements and the exact line: 2.8 to 3.1 nats with 10 % margins.
     */
    @Test
    void aNonFiniteNllIsAGapAndTheAxisRangesOverTheFiniteOnes() {
        LossChart chart = onFx(LossChart::new);
        double[] losses = new double[1000];
        java.util.Arrays.fill(losses, 0.5);
        onFx(() -> {
            chart.append(0, losses);
            chart.setNll(new long[] {250, 500, 750, 1000},
                    new double[] {3.1, Double.POSITIVE_INFINITY, Double.NaN, 2.9}, 2.8, true);
        });
        org.jfree.data.xy.XYDataset nll = chart.plot().getDataset(1);
        assertEquals(2, nll.getSeriesCount(), "the measurements and the exact line");
        assertEquals(3.1, nll.getYValue(0, 0));
        assertTrue(Double.isNaN(nll.getYValue(0, 1)), "+∞ is a gap");
        assertTrue(Double.isNaN(nll.getYValue(0, 2)), "NaN is a gap");
        assertEquals(2.9, nll.getYValue(0, 3));
        org.jfree.data.Range range = chart.plot().getRangeAxis(1).getRange();
        assertEquals(2.8 - 0.1 * 0.3, range.getLowerBound(), 1e-9);
        assertEquals(3.1 + 0.1 * 0.3, range.getUpperBound(), 1e-9);
        assertTrue(chart.plot().getRangeAxis(1).isVisible());
        onFx(() -> chart.setNll(new long[] {250}, new double[] {Double.POSITIVE_INFINITY}, 2.8, true));
        assertTrue(!chart.plot().getRangeAxis(1).isVisible(), "no finite measurement: no NLL curve");
        assertEquals(0, chart.plot().getDataset(1).getSeriesCount());
    }

    @Test
    void smoothedLineIsSmootherThanTheRawOne() {
        LossChart chart = onFx(LossChart::new);
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        double[] losses = new double[1500];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = 0.3 * Math.exp(0.4 * random.nextGaussian());
        }
        onFx(() -> chart.append(0, losses));
        DefaultXYDataset data = chart.dataset();
        assertTrue(roughness(data, 1) < 0.2 * roughness(data, 0));
    }

    @Test
    void subtitleAndDarkLook() {
        LossChart chart = onFx(LossChart::new);
        onFx(() -> {
            chart.setSubtitle("812 steps/s");
            chart.setLook(new Look(true, true));
        });
        assertEquals("812 steps/s", chart.subtitle());
        assertEquals(ChartLook.awt(Look.Palette.DARK.background()), chart.plot().getBackgroundPaint());
        assertEquals(Math.round(ChartLook.BASE_FONT_SIZE * 1.5),
                chart.plot().getDomainAxis().getLabelFont().getSize());
    }

    @Test
    void presenterModeScalesUpOnlyAsFarAsTheChartHasRoom() {
        LossChart chart = onFx(LossChart::new);
        onFx(() -> chart.setLook(new Look(false, true)));
        assertEquals(1.5, chart.fittedScale(320, 200));
        assertEquals(1.5, chart.fittedScale(1200, 500));
        // 280 × 300: 7/8 of the width, so 1.5 · 7/8 = 1.3125, in steps of 1/8 down: 1.25
        assertEquals(1.25, chart.fittedScale(280, 300));
        // 200 × 120: 0.6 of the height, 1.5 · 0.6 = 0.9: at least 1
        assertEquals(1.0, chart.fittedScale(200, 120));
        onFx(() -> chart.setLook(Look.DEFAULT));
        assertEquals(1.0, chart.fittedScale(1200, 500));
        assertEquals(1.0, chart.fittedScale(300, 150));
    }

    private static double loss(long step) {
        return 2.0 / (1 + step / 1000.0) + 0.1 * (1 + step % 10);
    }

    private static double roughness(DefaultXYDataset data, int series) {
        double sum = 0;
        for (int i = 1; i < data.getItemCount(series); i++) {
            sum += Math.abs(Math.log(data.getYValue(series, i) / data.getYValue(series, i - 1)));
        }
        return sum;
    }
}
