package org.scorefield.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scorefield.app.chart.ChartSnapshot.onFx;

import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorefield.core.metric.Memorisation;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Memorisation chart: two histograms of distances, share per bin, with δ marked and the copy shares labelled. */
@ExtendWith(ApplicationExtension.class)
class MemorisationChartTest {

    @Start
    void start(Stage stage) {
        // The toolkit only.
    }

    @Test
    void theHistogramsCountSharesPerBinAndMarkTheThreshold() {
        // δ = 0.1: the axis ends at 3δ = 0.3 (every distance is below it), 30 bins of 0.01
        Memorisation.Result model = new Memorisation.Result(new double[] {0.005, 0.005, 0.055, 0.255}, 0.03, 0.1, 0.75);
        Memorisation.Result oracle = new Memorisation.Result(new double[] {0, 1e-6}, 5e-7, 0.1, 1.0);
        MemorisationChart chart = onFx(() -> {
            MemorisationChart c = new MemorisationChart();
            c.show(model, oracle, "moons (16 points, seed 7)", "");
            return c;
        });
        assertEquals(List.of("model: 75%", "memorising oracle: 100%"), chart.seriesLabels());
        assertEquals("The model copies 75% of its samples", chart.heading());
        assertEquals(0.1, chart.thresholdMarked());
        double[][] m = chart.histogram(0);
        assertEquals(MemorisationChart.BINS, m[0].length);
        assertEquals(0.5, m[1][0], 1e-12, "two of four samples in [0, 0.01)");
        assertEquals(0.25, m[1][5], 1e-12, "0.055 in [0.05, 0.06)");
        assertEquals(0.25, m[1][25], 1e-12, "0.255 in [0.25, 0.26)");
        assertEquals(1.0, java.util.Arrays.stream(m[1]).sum(), 1e-12);
        assertEquals(1.0, chart.histogram(1)[1][0], 1e-12, "the oracle's samples all in the first bin");
    }

    @Test
    void withoutFiguresItSaysWhatToDo() {
        MemorisationChart chart = onFx(() -> {
            MemorisationChart c = new MemorisationChart();
            c.show(null, null, "", "");
            return c;
        });
        assertTrue(chart.seriesLabels().isEmpty());
        assertTrue(Double.isNaN(chart.thresholdMarked()));
        assertEquals(MemorisationChart.EMPTY_MESSAGE, chart.getChart().getXYPlot().getNoDataMessage());
    }

    /**
     * Samples that left the finite numbers are at +∞ from every training point; once they are more than
     * half, the median is +∞ and the caption says "n/a" for it rather than "Infinity", as the histogram
     * leaves them out.
     */
    @Test
    void aMedianThatIsNotFiniteReadsNotAvailable() {
        org.scorefield.core.data.PointSet training = org.scorefield.core.data.PointSet.of(new double[] {0, 0, 1, 0});
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        Memorisation.Result model = Memorisation.of(new double[] {0, 0, nan, 1, inf, 0, 2, nan, 0.5, 0.5}, training);
        assertTrue(Double.isInfinite(model.median()), "3 of 5 samples are not finite: " + model.median());
        Memorisation.Result oracle = Memorisation.of(new double[] {0, 0, 1, 0, 0.01, 0}, training);
        MemorisationChart chart = onFx(() -> {
            MemorisationChart c = new MemorisationChart();
            c.show(model, oracle, "2 points", "");
            return c;
        });
        assertEquals("Trained on 2 points\nmedian: model n/a, oracle 0.00", chart.captionText());
        assertEquals("The model copies 20% of its samples", chart.heading(), "only the one at (0, 0) copies");
    }
}
