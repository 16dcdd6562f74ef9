package org.scorefield.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scorefield.app.chart.ChartSnapshot.onFx;

import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.jfree.chart.axis.LogAxis;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorefield.app.theme.Look;
import org.scorefield.core.metric.ErrorVersusNfe;
import org.scorefield.core.sample.SamplerKind;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The error chart draws one log–log series per solver from a result's rows. */
@ExtendWith(ApplicationExtension.class)
class ErrorNfeChartTest {

    @Start
    void start(Stage stage) {
        // The toolkit only.
    }

    /**
     * A result shaped like a real one: errors falling as NFE^−p for Euler (p = 1), Heun (2) and
     * DPM-Solver++(2M) (2), and a stochastic sampler that stalls; rows interleaved and one error not finite.
     */
    static ErrorVersusNfe.Result sampleResult() {
        List<ErrorVersusNfe.Row> rows = new ArrayList<>();
        int[] steps = {4, 8, 16, 32, 64};
        for (int k : steps) {
            rows.add(new ErrorVersusNfe.Row(SamplerKind.EULER, k, k, 0.8 / k, false));
            rows.add(new ErrorVersusNfe.Row(SamplerKind.HEUN, k, 2L * k - 1, 1.5 / ((double) k * k), false));
            rows.add(new ErrorVersusNfe.Row(SamplerKind.DPM2M, k, k, 0.6 / ((double) k * k), false));
            rows.add(new ErrorVersusNfe.Row(SamplerKind.SDE, k, k, 0.35 + 1.0 / k, true));
        }
        rows.add(new ErrorVersusNfe.Row(SamplerKind.HEUN, 2, 3, Double.NaN, false));
        return new ErrorVersusNfe.Result(rows, 2e-5, 0.999, 0.002);
    }

    @Test
    void oneSeriesPerSolverWithItsNfeAndErrorOnLogAxes() {
        ErrorVersusNfe.Result result = sampleResult();
        ErrorNfeChart chart = onFx(() -> {
            ErrorNfeChart c = new ErrorNfeChart();
            c.setResult(result);
            return c;
        });
        var data = chart.dataset();
        assertEquals(4, data.getSeriesCount());
        assertEquals(List.of(SamplerKind.EULER.displayName(), SamplerKind.HEUN.displayName(),
                SamplerKind.DPM2M.displayName(), SamplerKind.SDE.displayName()), data.getSeries().stream()
                .map(s -> ((XYSeries) s).getKey().toString()).toList());
        for (ErrorVersusNfe.Row row : result.rows()) {
            XYSeries series = data.getSeries(row.solver().displayName());
            boolean found = false;
            for (int i = 0; i < series.getItemCount(); i++) {
                found |= series.getX(i).doubleValue() == row.nfe() && series.getY(i).doubleValue() == row.error();
            }
            assertEquals(Double.isFinite(row.error()), found, row.toString());
        }
        XYSeries heun = data.getSeries(SamplerKind.HEUN.displayName());
        assertEquals(5, heun.getItemCount(), "the NaN row is left out");
        assertEquals(7, heun.getX(0).doubleValue());
        assertEquals(127, heun.getX(4).doubleValue());
        assertInstanceOf(LogAxis.class, chart.plot().getDomainAxis());
        assertInstanceOf(LogAxis.class, chart.plot().getRangeAxis());
        assertEquals("NFE (network evaluations)", chart.plot().getDomainAxis().getLabel());
        assertEquals("error at t_min vs RK4 reference", chart.errorAxisLabel());
        assertFalse(chart.isDashed(0));
        assertTrue(chart.isDashed(3), "the stochastic sampler is dashed");
        assertTrue(((java.awt.BasicStroke) chart.plot().getRenderer().getSeriesStroke(3)).getDashArray() != null);
        assertNull(((java.awt.BasicStroke) chart.plot().getRenderer().getSeriesStroke(0)).getDashArray());
    }

    @Test
    void emptyBusyAndClearedStatesSaySo() {
        ErrorNfeChart chart = onFx(ErrorNfeChart::new);
        assertEquals(ErrorNfeChart.EMPTY_MESSAGE, chart.message());
        onFx(() -> chart.setBusy("Computing… 2 of 4 solvers"));
        assertEquals("Computing… 2 of 4 solvers", chart.message());
        onFx(() -> chart.setResult(sampleResult()));
        assertEquals(4, chart.dataset().getSeriesCount());
        onFx(chart::clear);
        assertEquals(0, chart.dataset().getSeriesCount());
        assertNull(chart.result());
        assertEquals(ErrorNfeChart.EMPTY_MESSAGE, chart.message());
    }

    @Test
    void darkLookChangesThePlotBackground() {
        ErrorNfeChart chart = onFx(ErrorNfeChart::new);
        assertEquals(ChartLook.awt(Look.Palette.LIGHT.background()), chart.plot().getBackgroundPaint());
        onFx(() -> chart.setLook(new Look(true, false)));
        assertEquals(ChartLook.awt(Look.Palette.DARK.background()), chart.plot().getBackgroundPaint());
    }
}
