package org.scorefield.app.panel;

import javafx.beans.property.LongProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.scorefield.app.settings.Setting;
import org.scorefield.app.settings.Settings;

/**
 * A seed the user can read, type and reroll: a text field that accepts digits only (committed on
 * Enter or when it loses focus) and a button that draws a new seed. Every random picture in the
 * window names its seed, so that it can be made again.
 */
final class SeedField extends HBox {

    private final TextField field = new TextField();
    private final Button reroll = new Button("\u27f3");

    /** A field for a seed setting, which takes as many digits as its largest value has. */
    SeedField(Setting<Long> setting, LongProperty seed, String id) {
        field.setId(id);
        field.setPrefColumnCount(7);
        String digits = "\\d{0," + Long.toString(setting.max()).length() + "}";
        field.setTextFormatter(new TextFormatter<String>(change ->
                change.getControlNewText().matches(digits) && fits(change.getControlNewText(), setting) ? change
                        : null));
        field.setText(Long.toString(seed.get()));
        field.setOnAction(e -> commit(seed));
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                commit(seed);
            }
        });
        seed.addListener((obs, old, s) -> field.setText(Long.toString(s.longValue())));
        field.setTooltip(Widgets.tip(setting.tooltip()));
        reroll.setId(id + "New");
        reroll.setTooltip(Widgets.tip("Draw a new seed."));
        reroll.setMinWidth(USE_PREF_SIZE);
        reroll.setOnAction(e -> seed.set(Settings.nextSeed(seed.get())));
        HBox.setHgrow(field, Priority.ALWAYS);
        field.setMaxWidth(Double.MAX_VALUE);
        getChildren().setAll(field, reroll);
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        setMaxWidth(Double.MAX_VALUE);
    }

    private static boolean fits(String text, Setting<Long> setting) {
        return text.isEmpty() || Long.parseLong(text) <= setting.max();
    }

    private void commit(LongProperty seed) {
        String text = field.getText();
        if (text.isEmpty()) {
            field.setText(Long.toString(seed.get()));
        } else {
            seed.set(Long.parseLong(text));
        }
    }
}
