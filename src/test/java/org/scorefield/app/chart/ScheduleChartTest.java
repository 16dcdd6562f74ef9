package org.scorefield.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scorefield.app.chart.ChartSnapshot.onFx;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.general.DatasetChangeEvent;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorefield.app.theme.Look;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The schedule chart draws the schedule's own α, σ, λ and g², and moves its time marker cheaply. */
@ExtendWith(ApplicationExtension.class)
class ScheduleChartTest {

    @Start
    void start(Stage stage) {
        // The charts are shown in their own scenes; the stage only starts the toolkit.
    }

    @Test
    void seriesAreTheSchedulesCoefficientsAtTheSampledTimes() {
        Schedule vp = ScheduleKind.VP.createDefault();
        ScheduleChart chart = onFx(() -> {
            ScheduleChart c = new ScheduleChart();
            c.setSchedule(vp);
            return c;
        });
        XYSeries alpha = chart.scaleData().getSeries(ScheduleChart.ALPHA);
        XYSeries sigma = chart.scaleData().getSeries(ScheduleChart.SIGMA);
        XYSeries logSnr = chart.logSnrData().getSeries(0);
        XYSeries g2 = chart.g2Data().getSeries(0);
        assertEquals(ScheduleChart.SAMPLES, alpha.getItemCount());
        assertEquals(vp.tMin(), alpha.getX(0).doubleValue(), 1e-12);
        assertEquals(vp.tMax(), alpha.getX(alpha.getItemCount() - 1).doubleValue(), 1e-12);

        int middle = nearest(alpha, 0.5);
        double t = alpha.getX(middle).doubleValue();
        assertEquals(0.5, t, 0.01);
        assertEquals(vp.alpha(t), alpha.getY(middle).doubleValue(), 1e-12);
        assertEquals(vp.sigma(t), sigma.getY(middle).doubleValue(), 1e-12);
        // log SNR is log(α²/σ²), twice λ = log(α/σ)
        assertEquals(Math.log(Math.pow(vp.alpha(t), 2) / Math.pow(vp.sigma(t), 2)), logSnr.getY(middle).doubleValue(),
                1e-12);
        assertEquals(vp.g2(t), g2.getY(middle).doubleValue(), 1e-12);
        // VP: α² + σ² = 1, drawn on a linear axis.
        assertEquals(1, Math.pow(alpha.getY(middle).doubleValue(), 2) + Math.pow(sigma.getY(middle).doubleValue(), 2),
                1e-12);
        assertInstanceOf(NumberAxis.class, chart.scalePlot().getRangeAxis());
        assertInstanceOf(LogAxis.class, chart.snrPlot().getRangeAxis(1));
    }

    @Test
    void varianceExplodingSchedulesGetALogAxisAndEveryValueShownIsFinite() {
        Schedule ve = ScheduleKind.VE.createDefault();
        Schedule edm = ScheduleKind.EDM.createDefault();
        ScheduleChart chart = onFx(ScheduleChart::new);
        for (Schedule s : List.of(ve, edm)) {
            onFx(() -> chart.setSchedule(s));
            assertInstanceOf(LogAxis.class, chart.scalePlot().getRangeAxis(), s.describe());
            XYSeries sigma = chart.scaleData().getSeries(ScheduleChart.SIGMA);
            double last = sigma.getY(sigma.getItemCount() - 1).doubleValue();
            assertEquals(s.sigma(s.tMax()), last, 1e-9 * last);
            assertTrue(last > ScheduleChart.LOG_SIGMA_ABOVE);
            for (XYSeriesCollection data : List.of(chart.scaleData(), chart.logSnrData(), chart.g2Data())) {
                for (int i = 0; i < data.getSeriesCount(); i++) {
                    for (int j = 0; j < data.getItemCount(i); j++) {
                        assertTrue(Double.isFinite(data.getYValue(i, j)));
                    }
                }
            }
        }
        onFx(() -> chart.setSchedule(ScheduleKind.LINEAR.createDefault()));
        assertInstanceOf(NumberAxis.class, chart.scalePlot().getRangeAxis(), "back to linear for α, σ ≤ 1");
    }

    /** Between two data sets there is no diffusion: no log-SNR and g² panel, and t = 1 is the source. */
    @Test
    void aFlowBetweenDataSetsShowsNoLogSnrOrG2() {
        ScheduleChart chart = onFx(() -> {
            ScheduleChart c = new ScheduleChart();
            c.setSchedule(ScheduleKind.LINEAR.createDefault());
            return c;
        });
        var plot = (org.jfree.chart.plot.CombinedDomainXYPlot) chart.getChart().getPlot();
        assertEquals(2, plot.getSubplots().size());
        onFx(() -> chart.setGaussian(false));
        assertEquals(List.of(chart.scalePlot()), plot.getSubplots());
        assertEquals("t  (0 = data, 1 = source)", plot.getDomainAxis().getLabel());
        onFx(() -> chart.setGaussian(true));
        assertEquals(2, plot.getSubplots().size());
        assertEquals("t  (0 = data, 1 = noise)", plot.getDomainAxis().getLabel());
    }

    @Test
    void movingTheTimeMarkerDoesNotTouchTheCurves() {
        ScheduleChart chart = onFx(() -> {
            ScheduleChart c = new ScheduleChart();
            c.setSchedule(ScheduleKind.VP_COSINE.createDefault());
            return c;
        });
        List<DatasetChangeEvent> events = new ArrayList<>();
        XYSeries alphaBefore = chart.scaleData().getSeries(0);
        for (XYSeriesCollection data : List.of(chart.scaleData(), chart.logSnrData(), chart.g2Data())) {
            data.addChangeListener(events::add);
        }
        onFx(() -> {
            for (int frame = 0; frame <= 60; frame++) {
                chart.setTime(frame / 60.0);
            }
        });
        assertEquals(1.0, chart.timeMarker().getValue());
        assertEquals(1.0, chart.time());
        assertTrue(events.isEmpty(), "setTime must not rebuild the datasets");
        assertSame(alphaBefore, chart.scaleData().getSeries(0));
        assertEquals(ScheduleChart.SAMPLES, alphaBefore.getItemCount());
    }

    @Test
    void legendNamesTheFourCurves() {
        ScheduleChart chart = onFx(() -> {
            ScheduleChart c = new ScheduleChart();
            c.setSchedule(ScheduleKind.VP.createDefault());
            return c;
        });
        LegendItemCollection items = chart.combinedPlot().getLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(((LegendItem) items.get(i)).getLabel());
        }
        assertEquals(List.of("α(t)", "σ(t)", "log SNR = log(α²/σ²)", "g²(t)"), labels);
        assertEquals("t  (0 = data, 1 = noise)", chart.combinedPlot().getDomainAxis().getLabel());
    }

    @Test
    void darkLookChangesThePlotBackgroundAndTheDrawing() {
        ScheduleChart chart = onFx(() -> {
            ScheduleChart c = new ScheduleChart();
            c.setSchedule(ScheduleKind.VP.createDefault());
            c.setTime(0.3);
            return c;
        });
        WritableImage light = onFx(() -> ChartSnapshot.render(chart, 600, 300));
        onFx(() -> chart.setLook(new Look(true, false)));
        assertEquals(ChartLook.awt(Look.Palette.DARK.background()), chart.scalePlot().getBackgroundPaint());
        assertEquals(ChartLook.awt(Look.Palette.DARK.background()), chart.getChart().getBackgroundPaint());
        WritableImage dark = onFx(() -> ChartSnapshot.render(chart, 600, 300));
        assertEquals(ChartSnapshot.argb(Look.Palette.LIGHT.background()), ChartSnapshot.argb(light, 2, 2));
        assertEquals(ChartSnapshot.argb(Look.Palette.DARK.background()), ChartSnapshot.argb(dark, 2, 2));
        assertNotEquals(ChartSnapshot.argb(light, 2, 2), ChartSnapshot.argb(dark, 2, 2));
    }

    private static int nearest(XYSeries series, double x) {
        int best = 0;
        for (int i = 1; i < series.getItemCount(); i++) {
            if (Math.abs(series.getX(i).doubleValue() - x) < Math.abs(series.getX(best).doubleValue() - x)) {
                best = i;
            }
        }
        return best;
    }
}
