package org.scorefield.app.panel;

import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * The few building blocks every section of the side panel shares, so that they all look and behave
 * alike: a tooltip that waits a moment and wraps, a label–control row, a caption, a section.
 */
public final class Widgets {

    private Widgets() {
    }

    /** A tooltip in plain words; it appears after 400 ms and wraps at 360 px. */
    public static Tooltip tip(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(360);
        tooltip.setShowDelay(Duration.millis(400));
        tooltip.setShowDuration(Duration.seconds(30));
        return tooltip;
    }

    /** "Label ........ control", the label on the left, the control filling the rest. */
    static HBox row(String label, Node control, String tooltip) {
        Label name = new Label(label);
        name.getStyleClass().add("row-label");
        name.setLabelFor(control);
        name.setMinWidth(Region.USE_PREF_SIZE);
        if (control instanceof Control c && c.getTooltip() == null) {
            c.setTooltip(tip(tooltip));
        }
        name.setTooltip(tip(tooltip));
        if (control instanceof Region r) {
            r.setMaxWidth(Double.MAX_VALUE);
        }
        HBox.setHgrow(control, Priority.ALWAYS);
        HBox row = new HBox(name, control);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("control-row");
        return row;
    }

    /** Small grey text that wraps. */
    public static Label caption(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add("caption");
        return label;
    }

    /** A small bold heading inside a section, over a group of rows that belong together. */
    static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("group-heading");
        return label;
    }

    /** A collapsible section of the side panel. */
    static TitledPane section(String title, String id, Node... content) {
        VBox box = new VBox(content);
        box.getStyleClass().add("section-body");
        TitledPane pane = new TitledPane(title, box);
        pane.setId(id);
        pane.getStyleClass().add("section");
        pane.setExpanded(true);
        return pane;
    }

    /**
     * A collapsed group inside a section, for the settings a first session does not need: its title
     * says what it holds, so a user knows where to look.
     */
    static TitledPane subsection(String title, String id, Node... content) {
        VBox box = new VBox(content);
        box.getStyleClass().add("section-body");
        TitledPane pane = new TitledPane(title, box);
        pane.setId(id);
        pane.getStyleClass().add("subsection");
        pane.setExpanded(false);
        return pane;
    }

    /** A box that shows each choice by a name of its own. */
    static <T> ComboBox<T> choices(T[] values, T selected, Function<T, String> name) {
        ComboBox<T> box = new ComboBox<>();
        box.getItems().setAll(values);
        box.setValue(selected);
        box.setConverter(displayOnly(name));
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    /** Shows each choice of a non-editable box by its display name. */
    static <T> StringConverter<T> displayOnly(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("the box is not editable");
            }
        };
    }
}
