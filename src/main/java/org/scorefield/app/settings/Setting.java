package org.scorefield.app.settings;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.scorefield.core.Identified;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.io.JsonFields;
import org.scorefield.core.session.Session;

/**
 * One user setting, declared once in {@link Settings}: its key in session files, its type, its
 * default, the values it may take (a range or a list of choices), and how the window names and
 * explains it. The window's state takes its default from here, the side panel builds its control
 * from here, and session files are read and written through here, by the window and by
 * {@code --session} on the command line alike, so that what one can set the other can read.
 *
 * @param <T> Boolean, Integer, Long (seeds), Double, String or an enum
 */
public final class Setting<T> {

    /** How a value is stored in a session file. */
    enum Storage { BOOLEAN, WHOLE, NUMBER, TEXT }

    /** Where a session keeps it. */
    public enum Kept {
        /** Among the session's settings, under its key. */
        IN_SETTINGS,
        /** In a block of its own (the data, the process), checked against this declaration. */
        IN_ITS_BLOCK,
        /** Nowhere: a setting of the moment, such as the playing speed. */
        NOT_KEPT
    }

    private final String key;
    private final Class<T> type;
    private final T defaultValue;
    private final T min;
    private final T max;
    private final List<T> choices;
    private final double step;
    private final boolean logScale;
    private final String label;
    private final String unit;
    private final String tooltip;
    private final Function<T, String> display;
    private final Kept kept;
    private final boolean undone;
    private final Boolean inScene;

    Setting(String key, Class<T> type, T defaultValue, T min, T max, List<T> choices, double step, boolean logScale,
            String label, String unit, String tooltip, Function<T, String> display, Kept kept, boolean undone,
            Boolean inScene) {
        InvalidInputException.require(Session.Settings.isName(key), "a setting is named section.key, got " + key);
        this.key = key;
        this.type = type;
        this.defaultValue = Objects.requireNonNull(defaultValue, key);
        this.min = min;
        this.max = max;
        this.choices = choices == null ? null : List.copyOf(choices);
        this.step = step;
        this.logScale = logScale;
        this.label = label;
        this.unit = unit;
        this.tooltip = tooltip;
        this.display = display;
        this.kept = kept;
        this.undone = undone;
        this.inScene = inScene;
        check(defaultValue); // a default outside its own range is a mistake in the table
    }

    /** {@code section.key}, as session files spell it. */
    public String key() {
        return key;
    }

    public Class<T> type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** The smallest value, for a setting with a range (null for choices, booleans and text). */
    public T min() {
        return min;
    }

    /** The largest value, for a setting with a range. */
    public T max() {
        return max;
    }

    /** The values it may take, for a setting with choices (null for a range). */
    public List<T> choices() {
        return choices;
    }

    /** How far one click of a spinner moves a ranged setting. */
    public double step() {
        return step;
    }

    /** Whether a slider moves it in log scale (it spans decades). */
    public boolean logScale() {
        return logScale;
    }

    /** The word or two beside its control. */
    public String label() {
        return label;
    }

    /** What it counts ("steps", "points"), or empty. */
    public String unit() {
        return unit;
    }

    /** What it does, in plain words, for its tooltip. */
    public String tooltip() {
        return tooltip;
    }

    /** How a value is shown to the user ("1 × 10⁻²", "MP4 (H.264)"). */
    public String display(T value) {
        return display.apply(value);
    }

    /** Where a session file keeps it. */
    public Kept kept() {
        return kept;
    }

    /**
     * Whether Undo (Ctrl+Z) puts a change of it back. Not for a setting of the moment (the time t a
     * scrubber sweeps, the playing speed, the canvas tool, the theme): undoing those would step
     * through what the user looked at, not through what they edited.
     */
    public boolean undone() {
        return undone;
    }

    /**
     * Whether a lesson's scene records it when it takes the window as it is: what is shown (the data,
     * the process, the objective and its source, the sampler, t, the view and its layers, what B of the
     * compare view differs in), not how a model is trained (network, optimiser, Reflow), nor exports,
     * nor the lecturer's own look or a setting of the moment.
     */
    public boolean inScene() {
        return Boolean.TRUE.equals(inScene);
    }

    /** Whether the table says if a scene records it; a new setting must say so, either way. */
    boolean sceneDeclared() {
        return inScene != null;
    }

    /**
     * The value, if this setting may take it.
     *
     * @throws InvalidInputException one sentence naming the key and what it may be
     */
    public T check(T value) {
        InvalidInputException.require(value != null, "\"settings." + key + "\" has no value.");
        if (choices != null) {
            InvalidInputException.require(choices.contains(value), "\"settings." + key + "\" is "
                    + JsonFields.quote(id(value)) + ", which is not one of " + choiceIds() + ".");
        }
        if (min != null && value instanceof Comparable<?>) {
            @SuppressWarnings("unchecked")
            Comparable<T> v = (Comparable<T>) value;
            InvalidInputException.require(v.compareTo(min) >= 0 && v.compareTo(max) <= 0, "\"settings." + key
                    + "\" must lie between " + min + " and " + max + ", found " + value + ".");
        }
        return value;
    }

    /**
     * This setting's value in a session's settings, checked; empty when the session lacks it (a
     * file from an older build keeps the current value).
     *
     * @throws InvalidInputException for a value of the wrong type, out of range, or not known here
     */
    public Optional<T> read(Session.Settings in) {
        Optional<?> raw = switch (storage()) {
            case BOOLEAN -> in.bool(key);
            case WHOLE -> in.whole(key);
            case NUMBER -> in.number(key);
            case TEXT -> in.text(key);
        };
        return raw.map(this::fromStored).map(this::check);
    }

    /** As {@link #read}, with the default for a session that lacks it (the command line starts from defaults). */
    public T readOrDefault(Session.Settings in) {
        return read(in).orElse(defaultValue);
    }

    /** Puts the value into a session's settings, as this setting stores it. */
    public void write(Session.Settings.Builder out, T value) {
        switch (storage()) {
            case BOOLEAN -> out.put(key, (Boolean) value);
            case WHOLE -> out.put(key, ((Number) value).longValue());
            case NUMBER -> out.put(key, ((Number) value).doubleValue());
            case TEXT -> out.put(key, id(value));
        }
    }

    /** How a value is spelled in a file: an enum's id, a string as it is. */
    public String id(T value) {
        if (value instanceof Identified i) {
            return i.id();
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        return String.valueOf(value);
    }

    Storage storage() {
        if (type == Boolean.class) {
            return Storage.BOOLEAN;
        }
        if (type == Integer.class || type == Long.class) {
            return Storage.WHOLE;
        }
        if (type == Double.class) {
            return Storage.NUMBER;
        }
        return Storage.TEXT;
    }

    private T fromStored(Object stored) {
        if (type == Integer.class) {
            long v = (Long) stored;
            InvalidInputException.require(v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE, choices != null
                    ? "\"settings." + key + "\" is " + v + ", which is not one of " + choiceIds() + "."
                    : "\"settings." + key + "\" must lie between " + min + " and " + max + ", found " + v + ".");
            return type.cast((int) v);
        }
        if (type == Long.class || type == Double.class || type == Boolean.class) {
            return type.cast(stored);
        }
        String text = (String) stored;
        if (type == String.class) {
            return type.cast(text);
        }
        for (T choice : choices) {
            if (id(choice).equals(text)) {
                return choice;
            }
        }
        throw new InvalidInputException("\"settings." + key + "\" is " + JsonFields.quote(text)
                + ", which this Scorefield does not know (it knows " + choiceIds() + ").");
    }

    private String choiceIds() {
        return String.join(", ", choices.stream().map(this::id).toList());
    }

    @Override
    public String toString() {
        return key;
    }
}
