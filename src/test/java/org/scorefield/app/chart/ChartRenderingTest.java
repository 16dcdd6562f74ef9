package org.scorefield.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scorefield.app.chart.ChartSnapshot.onFx;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorefield.app.theme.Look;
import org.scorefield.core.schedule.ScheduleKind;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every chart draws something other than its background in every look and at small and large
 * sizes. Run with {@code -Dscorefield.chartGallery=/tmp/charts} to keep the pictures as PNGs.
 */
@ExtendWith(ApplicationExtension.class)
class ChartRenderingTest {

    private static final List<Look> LOOKS = List.of(new Look(false, false), new Look(true, false),
            new Look(false, true));
    /** Share of pixels a chart with data draws at least: axes, labels, legend and curves. */
    private static final double WITH_DATA = 0.03;
    /** Share an empty chart draws at least: axes, axis labels and its message. */
    private static final double EMPTY = 0.005;
    private static final double[][] SIZES = {{600, 300}, {420, 220}, {700, 320}};

    @Start
    void start(Stage stage) {
        // The toolkit only.
    }

    @Test
    void scheduleChartDraws() {
        renderAll("schedule-vp", () -> {
            ScheduleChart c = new ScheduleChart();
            c.setSchedule(ScheduleKind.VP.createDefault());
            c.setTime(0.35);
            return c;
        });
        renderAll("schedule-ve", () -> {
            ScheduleChart c = new ScheduleChart();
            c.setSchedule(ScheduleKind.VE.createDefault());
            c.setTime(0.9);
            return c;
        });
    }

    @Test
    void lossChartDraws() {
        renderAll("loss", () -> {
            LossChart c = new LossChart();
            SplittableRandom random = new SplittableRandom(3);
            for (long first = 0; first < 30_000; first += 300) {
                double[] chunk = new double[300];
                for (int i = 0; i < chunk.length; i++) {
                    double step = first + i;
                    chunk[i] = (0.35 + 1.2 * Math.exp(-step / 2500)) * Math.exp(0.35 * random.nextGaussian());
                }
                c.append(first, chunk);
            }
            c.setSubtitle("812 steps/s");
            return c;
        });
        renderAll("loss-empty", LossChart::new, EMPTY);
    }

    @Test
    void errorChartDraws() {
        renderAll("error-nfe", () -> {
            ErrorNfeChart c = new ErrorNfeChart();
            c.setResult(ErrorNfeChartTest.sampleResult());
            return c;
        });
        renderAll("error-nfe-empty", ErrorNfeChart::new, EMPTY);
        renderAll("error-nfe-busy", () -> {
            ErrorNfeChart c = new ErrorNfeChart();
            c.setResult(ErrorNfeChartTest.sampleResult());
            c.setBusy("Computing… 2 of 4 solvers");
            return c;
        });
    }

    @Test
    void redrawingGivesTheSamePicture() {
        // fxgraphics2d forgot the canvas state between redraws: text came out in a stale font (GraphicsStateResync).
        LossChart chart = onFx(() -> {
            LossChart c = new LossChart();
            c.setLook(new Look(true, true));
            c.append(0, new double[] {1.0, 0.8, 0.7, 0.5, 0.45});
            c.setSubtitle("812 steps/s");
            return c;
        });
        WritableImage first = onFx(() -> ChartSnapshot.render(chart, 600, 300));
        onFx(() -> ChartSnapshot.render(chart, 420, 220));
        WritableImage again = onFx(() -> ChartSnapshot.render(chart, 600, 300));
        int differing = 0;
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 600; x++) {
                differing += ChartSnapshot.argb(first, x, y) != ChartSnapshot.argb(again, x, y) ? 1 : 0;
            }
        }
        assertEquals(0, differing, "pixels that changed between two draws of the same chart");
    }

    private static void renderAll(String name, Supplier<LectureChart> factory) {
        renderAll(name, factory, WITH_DATA);
    }

    /**
     * Renders the chart in every look (and, for the gallery, every size) and checks that at least
     * {@code minDrawn} of the pixels differ from the background.
     */
    private static void renderAll(String name, Supplier<LectureChart> factory, double minDrawn) {
        LectureChart chart = onFx(factory::get);
        for (Look look : LOOKS) {
            for (double[] size : SIZES) {
                boolean standard = size[0] == 600;
                if (!standard && !System.getProperties().containsKey(ChartSnapshot.GALLERY_PROPERTY)) {
                    continue;
                }
                WritableImage image = onFx(() -> {
                    chart.setLook(look);
                    return ChartSnapshot.render(chart, size[0], size[1]);
                });
                int background = ChartSnapshot.argb(look.palette().background());
                int drawn = ChartSnapshot.pixelsUnlike(image, background);
                String label = name + "-" + (look.dark() ? "dark" : "light") + (look.presenter() ? "-presenter" : "")
                        + "-" + (int) size[0] + "x" + (int) size[1];
                assertTrue(drawn > minDrawn * size[0] * size[1], label + " drew only " + drawn + " pixels");
                ChartSnapshot.saveToGallery(image, label);
            }
        }
    }
}
