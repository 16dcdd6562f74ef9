package org.scorefield.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scorefield.app.theme.Look;
import org.scorefield.app.canvas.CanvasFrame;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Figures as vector files: the canvas painter's dots, lines and text in SVG and PDF. */
@ExtendWith(ApplicationExtension.class)
class FigureTest {

    private static final double W = 400;
    private static final double H = 300;

    @Start
    void start(Stage stage) {
        // the toolkit only
    }

    /** Three points at (0, 0), (1, 0) and (0, 1), with a title in Greek. */
    private static CanvasFrame frame() {
        return CanvasFrame.points(new double[] {0, 0, 1, 0, 0, 1}, new int[] {0, 1, 2})
                .withTitle("σ(t) · α(t)  ·  t = 0.50");
    }

    @Test
    void anSvgFigureHasTheScreensDotsWhereTheScreenHasThemAndItsTextAsText(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("canvas.svg");
        Figure.write(frame(), Look.DEFAULT, W, H, svg);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // the file names SVG 1.1's DTD; an XML parser need not fetch it (and there is no network here)
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var doc = factory.newDocumentBuilder().parse(svg.toFile());
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals(W, Double.parseDouble(root.getAttribute("width").replace("px", "")), 1e-9);
        assertEquals(H, Double.parseDouble(root.getAttribute("height").replace("px", "")), 1e-9);
        // the three data points are three filled ellipses; the world origin is the canvas's centre
        List<double[]> dots = new ArrayList<>();
        NodeList ellipses = doc.getElementsByTagName("ellipse");
        for (int i = 0; i < ellipses.getLength(); i++) {
            Element e = (Element) ellipses.item(i);
            dots.add(new double[] {Double.parseDouble(e.getAttribute("cx")), Double.parseDouble(e.getAttribute("cy"))});
        }
        NodeList circles = doc.getElementsByTagName("circle");
        for (int i = 0; i < circles.getLength(); i++) {
            Element e = (Element) circles.item(i);
            dots.add(new double[] {Double.parseDouble(e.getAttribute("cx")), Double.parseDouble(e.getAttribute("cy"))});
        }
        // the key to the layers, top right, shows a dot per class: not data
        dots.removeIf(d -> d[0] > W / 2 && d[1] < H / 3);
        assertEquals(3, dots.size(), "one vector circle per point");
        double[] origin = dots.get(0);
        assertEquals(W / 2, origin[0], 1e-6);
        assertEquals(H / 2, origin[1], 1e-6);
        double k = dots.get(1)[0] - origin[0];
        assertTrue(k > 10, "one world unit is " + k + " px");
        assertEquals(origin[1], dots.get(1)[1], 1e-6, "(1, 0) is to the right");
        assertEquals(origin[0], dots.get(2)[0], 1e-6);
        assertEquals(origin[1] - k, dots.get(2)[1], 1e-6, "(0, 1) is as far up");
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(text.contains("σ(t) · α(t)"), "the title is text, Greek letters and all");
    }

    @Test
    void aPdfFigureIsOnePageOfTheCanvasSize(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("canvas.pdf");
        Figure.write(frame(), new Look(true, false), W, H, pdf);
        String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-"), "a PDF file");
        assertTrue(text.strip().endsWith("%%EOF"), "a whole one");
        assertTrue(text.contains("/MediaBox [0 0 400 300]") || text.contains("/MediaBox [0.0 0.0 400.0 300.0]"),
                "one page of the canvas's size: " + text.substring(text.indexOf("/MediaBox"),
                        text.indexOf("/MediaBox") + 40));
        assertEquals(1, text.split("/Type /Page\\b", -1).length - 1, "one page");
    }
}
