package org.scorefield.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.scorefield.app.chart.ChartSnapshot.onFx;

import java.util.List;
import javafx.stage.Stage;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorefield.core.flow.Reflow;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Reflow charts plot each round's figures relative to the noise floor. */
@ExtendWith(ApplicationExtension.class)
class ReflowChartTest {

    @Start
    void start(Stage stage) {
        // The toolkit only.
    }

    private static final List<Reflow.Metrics> ROUNDS = List.of(
            new Reflow.Metrics(0, 0.85, 1.96, 0.433, 0.05, new double[] {0.93, 0.45, 0.24, 0.13, 0.08}, 0),
            new Reflow.Metrics(1, 2e-4, 4.5e-4, 0.434, 0.05, new double[] {0.05, 0.05, 0.05, 0.05, 0}, 20));

    @Test
    void perRoundThePlotHoldsStraightnessSw2OverTheFloorAndCost() {
        ReflowChart chart = onFx(() -> {
            ReflowChart c = new ReflowChart(ReflowChart.View.ROUNDS);
            c.setRounds(ROUNDS);
            return c;
        });
        assertEquals(4, chart.dataset().getSeriesCount());
        XYSeries straightness = chart.dataset().getSeries(0);
        assertEquals(1.96, straightness.getY(0).doubleValue());
        assertEquals(4.5e-4, straightness.getY(1).doubleValue());
        XYSeries oneStep = chart.dataset().getSeries(1);
        assertEquals(0.93 / 0.05, oneStep.getY(0).doubleValue(), 1e-12);
        assertEquals(1.0, oneStep.getX(1).doubleValue());
        assertEquals(0.434, chart.dataset().getSeries(3).getY(1).doubleValue());
    }

    @Test
    void againstNfeEachRoundIsALineAndNonPositiveValuesAreLeftOut() {
        ReflowChart chart = onFx(() -> {
            ReflowChart c = new ReflowChart(ReflowChart.View.NFE);
            c.setRounds(ROUNDS);
            return c;
        });
        assertEquals(2, chart.dataset().getSeriesCount());
        assertEquals("round 1", chart.dataset().getSeries(1).getKey());
        assertEquals(5, chart.dataset().getSeries(0).getItemCount());
        assertEquals(4, chart.dataset().getSeries(1).getItemCount(), "a zero cannot sit on a log axis");
        assertEquals(16.0, chart.dataset().getSeries(0).getX(4).doubleValue());
        onFx(() -> chart.setRounds(List.of()));
        assertEquals(0, chart.dataset().getSeriesCount());
        assertEquals(ReflowChart.EMPTY_MESSAGE, chart.message());
    }
}
