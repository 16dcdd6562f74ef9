package org.scorefield.app.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.scorefield.app.settings.Setting;

/**
 * The window's value of every setting of {@link org.scorefield.app.settings.Settings}: each state
 * makes the property of a setting it owns here, starting at the setting's default, and this keeps
 * where it is, so that the session codec can read and write every setting by its declaration
 * without a key of its own. Lives on the FX thread.
 */
public final class SettingValues {

    /**
     * How a setting's value is read and changed, and the property that holds it (the value itself,
     * or what it is a part of), which {@link UndoHistory} watches and puts back as it was.
     */
    private record Access<T>(Supplier<T> get, Consumer<T> set, Property<?> holder) {
    }

    private final Map<Setting<?>, Access<?>> bound = new LinkedHashMap<>();

    public BooleanProperty flag(Setting<Boolean> setting) {
        BooleanProperty p = new SimpleBooleanProperty(setting.defaultValue());
        bind(setting, p, p::get, p::set);
        return p;
    }

    public IntegerProperty integer(Setting<Integer> setting) {
        IntegerProperty p = new SimpleIntegerProperty(setting.defaultValue());
        bind(setting, p, p::get, p::set);
        return p;
    }

    public LongProperty whole(Setting<Long> setting) {
        LongProperty p = new SimpleLongProperty(setting.defaultValue());
        bind(setting, p, p::get, p::set);
        return p;
    }

    public DoubleProperty number(Setting<Double> setting) {
        DoubleProperty p = new SimpleDoubleProperty(setting.defaultValue());
        bind(setting, p, p::get, p::set);
        return p;
    }

    public <T> ObjectProperty<T> object(Setting<T> setting) {
        ObjectProperty<T> p = new SimpleObjectProperty<>(setting.defaultValue());
        bind(setting, p, p::get, p::set);
        return p;
    }

    /**
     * A setting whose value lives elsewhere (a part of a record, say).
     *
     * @param holder the property that holds the value, or the record it is a part of
     */
    public <T> void bind(Setting<T> setting, Property<?> holder, Supplier<T> get, Consumer<T> set) {
        if (bound.putIfAbsent(setting, new Access<>(get, set, holder)) != null) {
            throw new IllegalStateException(setting.key() + " is owned twice");
        }
    }

    /** Whether some state owns this setting. */
    public boolean has(Setting<?> setting) {
        return bound.containsKey(setting);
    }

    /** The setting's value now. */
    public <T> T get(Setting<T> setting) {
        return access(setting).get().get();
    }

    /** Makes {@code value} the setting's value, once checked against its declaration. */
    public <T> void set(Setting<T> setting, T value) {
        access(setting).set().accept(setting.check(value));
    }

    /** The property that holds the setting's value (see {@link #bind}). */
    Property<?> holder(Setting<?> setting) {
        return access(setting).holder();
    }

    /** The change a session's value asks for, checked, not made yet; empty when the session lacks it. */
    public <T> Optional<Runnable> read(Setting<T> setting, org.scorefield.core.session.Session.Settings in) {
        return setting.read(in).map(v -> () -> set(setting, v));
    }

    /** Puts the value now into a session's settings. */
    public <T> void write(Setting<T> setting, org.scorefield.core.session.Session.Settings.Builder out) {
        setting.write(out, get(setting));
    }

    @SuppressWarnings("unchecked")
    private <T> Access<T> access(Setting<T> setting) {
        Access<?> a = bound.get(setting);
        if (a == null) {
            throw new IllegalStateException("no state owns " + setting.key());
        }
        return (Access<T>) a;
    }
}
