package org.scorefield.app.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import org.scorefield.app.theme.Look;

/**
 * The lecturer's pen: strokes drawn over the canvases while it is on (key A, or the Window menu),
 * cleared with one key (C). They live on a layer of their own above the canvases, so figures and
 * animations, which are painted from the model, never hold them. Strokes are kept in fractions of
 * the area, so a resized window keeps them where they were drawn.
 */
final class Annotations extends Pane {

    private final Canvas canvas = new Canvas();
    private final BooleanProperty on = new SimpleBooleanProperty(false);
    private final List<List<double[]>> strokes = new ArrayList<>();
    private Supplier<Look> look = () -> Look.DEFAULT;

    Annotations() {
        setId("annotations");
        canvas.setId("annotationCanvas");
        getChildren().add(canvas);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(obs -> draw());
        canvas.heightProperty().addListener(obs -> draw());
        // the canvases below take the mouse unless the pen is on
        mouseTransparentProperty().bind(on.not());
        setPickOnBounds(true);
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> stroke(e, true));
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> stroke(e, false));
        on.addListener((obs, was, now) -> setCursor(now ? javafx.scene.Cursor.CROSSHAIR : null));
    }

    void look(Supplier<Look> current) {
        this.look = current;
    }

    /** Whether the pen draws (the canvases' own tools wait meanwhile). */
    BooleanProperty onProperty() {
        return on;
    }

    /** How many strokes are drawn. */
    int strokes() {
        return strokes.size();
    }

    /** Removes every stroke. */
    void clear() {
        strokes.clear();
        draw();
    }

    private void stroke(MouseEvent e, boolean start) {
        if (e.getButton() != MouseButton.PRIMARY || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        if (start || strokes.isEmpty()) {
            strokes.add(new ArrayList<>());
        }
        strokes.get(strokes.size() - 1).add(new double[] {e.getX() / getWidth(), e.getY() / getHeight()});
        draw();
        e.consume();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        Look l = look.get();
        g.setStroke(l.palette().accent());
        g.setLineWidth(3.5 * l.scale());
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        for (List<double[]> stroke : strokes) {
            g.beginPath();
            for (int i = 0; i < stroke.size(); i++) {
                double[] p = stroke.get(i);
                if (i == 0) {
                    g.moveTo(p[0] * w, p[1] * h);
                } else {
                    g.lineTo(p[0] * w, p[1] * h);
                }
            }
            if (stroke.size() == 1) {
                double[] p = stroke.get(0);
                g.lineTo(p[0] * w + 0.1, p[1] * h);
            }
            g.stroke();
        }
    }
}
