package org.scorefield.app.panel;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.Property;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.controlsfx.control.ToggleSwitch;
import org.scorefield.app.settings.Setting;

/**
 * The side panel's controls, each built from its setting's declaration: its range or choices, its
 * step, how its values read, its label and tooltip. A control is bound both ways to the property
 * that owns the setting, so a session opened or a key pressed shows in the panel too. What a
 * control offers is therefore exactly what a session file may hold.
 */
public final class Controls {

    private Controls() {
    }

    /** "Label ........ control", with the setting's label and tooltip. */
    static HBox row(Setting<?> setting, Node control) {
        return Widgets.row(setting.label(), control, setting.tooltip());
    }

    /** A switch. */
    static ToggleSwitch toggle(Setting<Boolean> setting, BooleanProperty value, String id) {
        ToggleSwitch toggle = new ToggleSwitch();
        toggle.setId(id);
        toggle.selectedProperty().bindBidirectional(value);
        return toggle;
    }

    /** A box of the setting's choices, each named as the table names it. */
    public static <T> ComboBox<T> choices(Setting<T> setting, Property<T> value, String id) {
        ComboBox<T> box = box(setting, value.getValue(), id);
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    /** A box of whole-number choices (a width, a batch size, a frame rate). */
    static ComboBox<Integer> choices(Setting<Integer> setting, IntegerProperty value, String id) {
        return numberChoices(setting, value, Number::intValue, id);
    }

    /** A box of number choices (a learning rate, a speed). */
    public static ComboBox<Double> choices(Setting<Double> setting, DoubleProperty value, String id) {
        return numberChoices(setting, value, Number::doubleValue, id);
    }

    /**
     * A box bound both ways to a number property ({@code bindBidirectional} does not convert between
     * Number and the box's type, and a converted wrapper bound to it could be garbage-collected).
     */
    private static <N extends Number> ComboBox<N> numberChoices(Setting<N> setting, Property<Number> value,
                                                                Function<Number, N> of, String id) {
        ComboBox<N> box = box(setting, of.apply(value.getValue()), id);
        box.valueProperty().addListener((obs, old, v) -> value.setValue(v));
        value.addListener((obs, old, v) -> box.setValue(of.apply(v)));
        return box;
    }

    private static <T> ComboBox<T> box(Setting<T> setting, T selected, String id) {
        @SuppressWarnings("unchecked")
        T[] values = (T[]) setting.choices().toArray();
        ComboBox<T> box = Widgets.choices(values, selected, setting::display);
        box.setId(id);
        return box;
    }

    /** A spinner over the setting's range, moving by its step, that takes typed numbers. */
    static Spinner<Integer> spinner(Setting<Integer> setting, IntegerProperty value, String id) {
        return bound(new Spinner<>(setting.min(), setting.max(), value.get(), (int) setting.step()), value,
                Number::intValue, id);
    }

    /** A spinner of numbers over the setting's range. */
    static Spinner<Double> spinner(Setting<Double> setting, DoubleProperty value, String id) {
        return bound(new Spinner<>(setting.min(), setting.max(), value.get(), setting.step()), value,
                Number::doubleValue, id);
    }

    /** An editable spinner bound both ways to a number property. */
    private static <N extends Number> Spinner<N> bound(Spinner<N> spinner, Property<Number> value,
                                                       Function<Number, N> of, String id) {
        spinner.setId(id);
        spinner.setEditable(true);
        // A text that is not a number (a stray letter, a lone minus) keeps the value as it was, and the
        // field shows it again, instead of an exception when the field commits it.
        javafx.util.StringConverter<N> plain = spinner.getValueFactory().getConverter();
        spinner.getValueFactory().setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(N v) {
                return plain.toString(v);
            }

            @Override
            public N fromString(String text) {
                try {
                    N v = plain.fromString(text);
                    if (v != null) {
                        return v;
                    }
                } catch (RuntimeException e) {
                    // not a number: kept below
                }
                // the value does not change, so the spinner would not write it back: do it after the commit
                javafx.application.Platform.runLater(() -> spinner.getEditor().setText(plain.toString(spinner.getValue())));
                return spinner.getValue();
            }
        });
        spinner.valueProperty().addListener((obs, old, v) -> value.setValue(v));
        value.addListener((obs, old, v) -> spinner.getValueFactory().setValue(of.apply(v)));
        return spinner;
    }

    /**
     * A slider over the setting's range with its value beside it: linear (a value the user moves to
     * kept to two decimals), or in log10 for a setting that spans decades (kept to two significant
     * digits). A value set otherwise, by a session say, is kept as it is.
     */
    static HBox slider(Setting<Double> setting, DoubleProperty value, String id) {
        boolean log = setting.logScale();
        Slider slider = new Slider(position(setting.min(), log), position(setting.max(), log),
                position(value.get(), log));
        slider.setId(id);
        boolean[] following = {false}; // the slider follows the value: nothing to write back
        slider.valueProperty().addListener((obs, old, p) -> {
            if (following[0]) {
                return;
            }
            // a value the user moves to is kept as it reads: two significant digits in log scale, two
            // decimals otherwise (so that η on "1.00" is the reverse SDE's η = 1, not 0.9993); a
            // value set otherwise (a session opened) is kept exactly
            double v = Double.parseDouble(log ? String.format(Locale.ROOT, "%.2g", Math.pow(10, p.doubleValue()))
                    : String.format(Locale.ROOT, "%.2f", p.doubleValue()));
            if (Math.abs(position(v, log) - position(value.get(), log)) > 1e-9) {
                value.set(Math.max(setting.min(), Math.min(setting.max(), v)));
            }
        });
        value.addListener((obs, old, v) -> {
            double p = position(v.doubleValue(), log);
            if (Math.abs(p - slider.getValue()) > (log ? 0.01 : 1e-9)) {
                following[0] = true;
                try {
                    slider.setValue(p);
                } finally {
                    following[0] = false;
                }
            }
        });
        return sliderRow(slider, setting, value::get, value);
    }

    /** A slider of whole numbers over the setting's range, its value beside it. */
    static HBox slider(Setting<Integer> setting, IntegerProperty value, String id) {
        Slider slider = new Slider(setting.min(), setting.max(), value.get());
        slider.setId(id);
        slider.setMajorTickUnit(setting.step());
        slider.valueProperty().addListener((obs, old, p) -> value.set((int) Math.round(p.doubleValue())));
        value.addListener((obs, old, v) -> {
            if (Math.round(slider.getValue()) != v.intValue()) {
                slider.setValue(v.intValue());
            }
        });
        return sliderRow(slider, setting, value::get, value);
    }

    /** The slider with the setting's value beside it, as the table shows it. */
    private static <N> HBox sliderRow(Slider slider, Setting<N> setting, Supplier<N> now, Observable value) {
        Label shown = new Label();
        shown.getStyleClass().add("slider-value");
        shown.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> setting.display(now.get()), value));
        slider.setTooltip(Widgets.tip(setting.tooltip()));
        HBox box = new HBox(slider, shown);
        box.getStyleClass().add("slider-row");
        HBox.setHgrow(slider, Priority.ALWAYS);
        return box;
    }

    private static double position(double v, boolean log) {
        return log ? Math.log10(v) : v;
    }

    /** A seed field with its reroll button. */
    static SeedField seed(Setting<Long> setting, LongProperty value, String id) {
        return new SeedField(setting, value, id);
    }
}
