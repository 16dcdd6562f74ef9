package org.scorefield.app.chart;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Stroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleInsets;
import org.scorefield.app.theme.Look;

/**
 * A {@link Look} translated into what JFreeChart draws with: AWT colours, fonts and strokes, and
 * the flat, uncluttered styling shared by every chart of the lab (no shadows, no gradients, no
 * plot outline, light grid lines). Font sizes and line widths are multiplied by {@link #scale()},
 * normally {@link Look#scale()}, so presenter mode stays readable from the back of a lecture hall.
 */
final class ChartLook {

    /** Tick labels, legend entries and axis labels at scale 1, in pixels. */
    static final double BASE_FONT_SIZE = 13;

    private static final String FONT_FAMILY = "SansSerif";

    private final Look look;
    private final Look.Palette palette;
    private final double scale;

    /**
     * @param look  the theme
     * @param scale the factor for fonts and lines: {@link Look#scale()}, or less where a chart is too
     *              small to hold presenter-sized text (see {@link LectureChart})
     */
    ChartLook(Look look, double scale) {
        this.look = look;
        this.palette = look.palette();
        this.scale = scale;
    }

    Look look() {
        return look;
    }

    /** The factor applied to every font size and line width. */
    double scale() {
        return scale;
    }

    Look.Palette palette() {
        return palette;
    }

    /** The AWT colour of a JavaFX colour, opacity included. */
    static java.awt.Color awt(javafx.scene.paint.Color color) {
        return new java.awt.Color((float) color.getRed(), (float) color.getGreen(), (float) color.getBlue(),
                (float) color.getOpacity());
    }

    /** The AWT colour of a JavaFX colour with the given opacity. */
    static java.awt.Color awt(javafx.scene.paint.Color color, double opacity) {
        return awt(color.deriveColor(0, 1, 1, opacity));
    }

    java.awt.Color background() {
        return awt(palette.background());
    }

    java.awt.Color text() {
        return awt(palette.text());
    }

    java.awt.Color mutedText() {
        return awt(palette.mutedText());
    }

    /** A plain font of {@code size} pixels at scale 1, scaled. */
    Font font(double size) {
        return new Font(FONT_FAMILY, Font.PLAIN, (int) Math.round(size * scale));
    }

    Font boldFont(double size) {
        return new Font(FONT_FAMILY, Font.BOLD, (int) Math.round(size * scale));
    }

    /** A solid line of {@code width} pixels at scale 1, scaled, with round ends. */
    Stroke line(double width) {
        return new BasicStroke((float) (width * scale), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** A dashed line of {@code width} pixels at scale 1, scaled; dashes grow with the width. */
    Stroke dashed(double width) {
        float w = (float) (width * scale);
        return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {4.5f * w, 2.5f * w}, 0f);
    }

    /** Background, padding and border of the whole chart, and the look of its titles and legend. */
    void styleChart(JFreeChart chart) {
        chart.setBackgroundPaint(background());
        chart.setBorderVisible(false);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        double pad = 6 * scale;
        chart.setPadding(new RectangleInsets(pad, pad, pad * 0.5, pad * 1.5));
        TextTitle title = chart.getTitle();
        if (title != null) {
            styleTitle(title, true);
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title sub = chart.getSubtitle(i);
            if (sub instanceof LegendTitle legend) {
                styleLegend(legend);
            } else if (sub instanceof TextTitle text) {
                styleTitle(text, false);
            }
        }
    }

    /** A main title in text colour, or a caption in muted text. */
    void styleTitle(TextTitle title, boolean main) {
        title.setFont(main ? boldFont(BASE_FONT_SIZE + 1) : font(BASE_FONT_SIZE));
        title.setPaint(main ? text() : mutedText());
        title.setBackgroundPaint(null);
        title.setFrame(BlockBorder.NONE);
    }

    void styleLegend(LegendTitle legend) {
        legend.setItemFont(font(BASE_FONT_SIZE));
        legend.setItemPaint(text());
        legend.setBackgroundPaint(null);
        legend.setFrame(BlockBorder.NONE);
        double gap = 2 * scale;
        legend.setItemLabelPadding(new RectangleInsets(gap, gap, gap, 4 * gap));
        legend.setLegendItemGraphicPadding(new RectangleInsets(gap, 4 * gap, gap, gap));
    }

    /** A flat plot: background, grid lines, no outline, axes touching the data area. */
    void stylePlot(XYPlot plot) {
        plot.setBackgroundPaint(background());
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setDomainGridlinePaint(awt(palette.grid()));
        plot.setRangeGridlinePaint(awt(palette.grid()));
        plot.setDomainGridlineStroke(line(1));
        plot.setRangeGridlineStroke(line(1));
        plot.setDomainMinorGridlinesVisible(false);
        plot.setRangeMinorGridlinesVisible(false);
        plot.setDomainZeroBaselineVisible(false);
        plot.setRangeZeroBaselineVisible(false);
        plot.setNoDataMessageFont(font(BASE_FONT_SIZE + 2));
        plot.setNoDataMessagePaint(mutedText());
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            styleAxis(plot.getDomainAxis(i));
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            styleAxis(plot.getRangeAxis(i));
        }
    }

    /** Label in text colour, tick labels muted, the axis line in the palette's axis colour. */
    void styleAxis(Axis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(font(BASE_FONT_SIZE));
        axis.setLabelPaint(text());
        axis.setTickLabelFont(font(BASE_FONT_SIZE - 1));
        axis.setTickLabelPaint(mutedText());
        axis.setAxisLinePaint(awt(palette.axis()));
        axis.setAxisLineStroke(line(1));
        axis.setTickMarkPaint(awt(palette.axis()));
        axis.setTickMarkStroke(line(1));
        axis.setTickMarkInsideLength(0f);
        axis.setTickMarkOutsideLength((float) (3 * scale));
        axis.setMinorTickMarksVisible(false);
        double gap = 3 * scale;
        axis.setLabelInsets(new RectangleInsets(gap, gap, gap, gap));
        axis.setTickLabelInsets(new RectangleInsets(gap * 0.7, gap, gap * 0.7, gap));
        if (axis instanceof ValueAxis value) {
            value.setMinorTickMarksVisible(false);
        }
    }

    /** A marker's label in text colour, small, on a patch of background so that curves do not cross it. */
    void styleMarkerLabel(Marker marker) {
        marker.setLabelFont(font(BASE_FONT_SIZE - 1));
        marker.setLabelPaint(text());
        marker.setLabelBackgroundColor(awt(palette.background(), 0.85));
        double gap = 2 * scale;
        marker.setLabelOffset(new RectangleInsets(gap, 2 * gap, gap, 2 * gap));
    }
}
