package org.scorefield.app;

import javafx.beans.property.LongProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.scorefield.core.random.SeededRandom;

/**
 * A seed the user can read, type and reroll: a text field that accepts digits only (committed on
 * Enter or when it loses focus) and a button that draws a new seed. Every random picture in the
 * window names its seed, so that it can be made again.
 */
final class SeedField extends HBox {

    /** The largest seed the field accepts (nine digits). */
    static final long MAX_SEED = 999_999_999L;
    /** Drawn seeds stay below this: six digits are easy to read out and type back. */
    static final long DRAWN_SEEDS = 1_000_000L;

    private final TextField field = new TextField();
    private final Button reroll = new Button("\u27f3");

    SeedField(LongProperty seed, String id, String what) {
        field.setId(id);
        field.setPrefColumnCount(7);
        field.setTextFormatter(new TextFormatter<String>(change ->
                change.getControlNewText().matches("\\d{0,9}") ? change : null));
        field.setText(Long.toString(seed.get()));
        field.setOnAction(e -> commit(seed));
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                commit(seed);
            }
        });
        seed.addListener((obs, old, s) -> field.setText(Long.toString(s.longValue())));
        field.setTooltip(Widgets.tip("The seed of " + what + ". The same seed always gives the same result; "
                + "type another number and press Enter for a different draw."));
        reroll.setId(id + "New");
        reroll.setTooltip(Widgets.tip("Draw a new seed for " + what + "."));
        reroll.setMinWidth(USE_PREF_SIZE);
        reroll.setOnAction(e -> seed.set(next(seed.get())));
        HBox.setHgrow(field, Priority.ALWAYS);
        field.setMaxWidth(Double.MAX_VALUE);
        getChildren().setAll(field, reroll);
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        setMaxWidth(Double.MAX_VALUE);
    }

    /** The seed drawn after this one (a pure function of it, so a sequence of draws can be retraced). */
    static long next(long seed) {
        return Math.floorMod(SeededRandom.derive(seed, "next-seed"), DRAWN_SEEDS);
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
