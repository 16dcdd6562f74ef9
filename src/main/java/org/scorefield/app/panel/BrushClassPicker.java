package org.scorefield.app.panel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.settings.CanvasTool;
import org.scorefield.app.settings.Settings;
import org.scorefield.app.theme.Look;

/**
 * The brush's class, shown while the Draw tool is on: one swatch per class in the colour its points
 * are drawn in, so the row is also the key to the colours on the canvas. One click picks a class; from
 * the keyboard, Tab reaches a swatch and Enter picks it (Space and the arrows play and scrub the
 * window's t). A caption says when drawing a class gives unlabelled points a class (class 0).
 */
final class BrushClassPicker {

    private final ExplorerModel model;
    private final List<ToggleButton> swatches = new ArrayList<>();
    private final Label note = Widgets.caption("");

    BrushClassPicker(ExplorerModel model) {
        this.model = model;
    }

    /** The row of swatches and its caption, there only while the Draw tool is on. */
    VBox build() {
        HBox row = new HBox(3);
        row.getStyleClass().add("class-swatches");
        for (int c = 0; c < Settings.MAX_CLASSES; c++) {
            ToggleButton swatch = new ToggleButton(Integer.toString(c));
            swatch.setId("brushClass" + c);
            swatch.getStyleClass().add("class-swatch");
            swatch.setContentDisplay(ContentDisplay.GRAPHIC_ONLY); // the number is for screen readers
            int c0 = c;
            // no ToggleGroup: a group is one stop for Tab, and its arrow keys are the window's (scrubbing)
            swatch.setOnAction(e -> pick(c0));
            swatch.setUserData(c);
            swatch.setTooltip(Widgets.tip(Settings.className(c) + ". " + Settings.BRUSH_CLASS.tooltip()));
            swatch.setMaxWidth(Double.MAX_VALUE);
            swatch.setMinWidth(0); // the eight share what the row has, down to the compact panel's 24 px each
            // Space and the arrows are the window's (play, scrub): Tab reaches a swatch, Enter picks it
            swatch.setOnKeyPressed(e -> {
                if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                    pick(c0);
                    e.consume();
                }
            });
            HBox.setHgrow(swatch, Priority.ALWAYS);
            swatches.add(swatch);
            row.getChildren().add(swatch);
        }
        var brushClass = model.view().brushClassProperty();
        brushClass.addListener((obs, old, c) -> {
            sync();
            update();
        });
        model.view().lookProperty().addListener((obs, old, look) -> paint(look));
        model.data().dataProperty().addListener((obs, old, d) -> update());
        paint(model.view().lookProperty().get());
        sync();
        update();

        note.setId("brushClassNote");
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        // the caption above the swatches, so that the eight have the panel's whole width (a scrolling panel is
        // narrower by its scroll bar)
        javafx.scene.control.Label caption = Widgets.caption(Settings.BRUSH_CLASS.label());
        caption.setTooltip(Widgets.tip(Settings.BRUSH_CLASS.tooltip()));
        VBox box = new VBox(4, caption, row, note);
        box.setId("brushClassRow");
        // the class matters to the brush alone
        var drawing = model.view().toolProperty().isEqualTo(CanvasTool.BRUSH);
        box.visibleProperty().bind(drawing);
        box.managedProperty().bind(drawing);
        return box;
    }

    /** Makes class c the brush's; a click on the swatch that is on leaves it on. */
    private void pick(int c) {
        model.view().brushClassProperty().set(c);
        sync();
    }

    private void sync() {
        int c = model.view().brushClassProperty().get();
        for (ToggleButton s : swatches) {
            s.setSelected((Integer) s.getUserData() == c);
        }
    }

    /** Each swatch a dot of its class's colour in the theme's palette, as the canvas draws it. */
    private void paint(Look look) {
        for (ToggleButton s : swatches) {
            s.setGraphic(new Circle(6 * look.scale(), look.palette().classColor((Integer) s.getUserData())));
        }
    }

    private void update() {
        int c = model.view().brushClassProperty().get();
        String relabel = model.data().classesOnBrushing(c);
        note.setText(relabel.isEmpty() && model.data().data().points().hasLabels()
                ? String.format(Locale.ROOT, "New points are %s; the others keep theirs.", Settings.className(c))
                : relabel);
    }
}
