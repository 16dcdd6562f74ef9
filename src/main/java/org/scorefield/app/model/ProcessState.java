package org.scorefield.app.model;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.schedule.ParameterSpec;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/**
 * The forward process: a schedule kind and the values of its constants (docs/math.md §2). Setting a
 * constant never produces an invalid schedule: a value is clamped to its slider range, and of a
 * {@code _min}/{@code _max} pair (β_min &lt; β_max, σ_min &lt; σ_max) the other end is pushed
 * along so that the pair stays ordered. Lives on the FX thread.
 */
public final class ProcessState {

    /** The smallest ratio kept between the two ends of a min/max pair. */
    static final double PAIR_GAP = 1.05;

    private final ObjectProperty<ScheduleKind> kind;
    private final Map<String, Double> values = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<Schedule> schedule = new ReadOnlyObjectWrapper<>();
    /** Set while a saved schedule is put back: its constants come with it, no defaults meanwhile. */
    private boolean restoring;

    /** The process alone, its settings owned by nobody else (for tests). */
    public ProcessState() {
        this(new SettingValues());
    }

    /** @param values where the process's settings are owned */
    public ProcessState(SettingValues values) {
        kind = values.object(Settings.PROCESS_KIND);
        resetConstants();
        kind.addListener((obs, old, k) -> {
            if (!restoring) {
                resetConstants();
            }
        });
    }

    public ObjectProperty<ScheduleKind> kindProperty() {
        return kind;
    }

    public ReadOnlyObjectProperty<Schedule> scheduleProperty() {
        return schedule.getReadOnlyProperty();
    }

    public Schedule schedule() {
        return schedule.get();
    }

    /** The current value of a constant of the current kind. */
    public double value(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("the " + kind.get().id() + " schedule has no constant " + name);
        }
        return v;
    }

    /**
     * Makes a saved schedule the process: its kind and its constants as they were (a session reopened,
     * an undo), in one change of the schedule: the constants are in place before the kind changes, so
     * whoever follows the kind reads the saved ones, never the defaults.
     */
    public void restore(Schedule saved) {
        values.clear();
        values.putAll(saved.parameters());
        restoring = true;
        try {
            kind.set(saved.kind());
        } finally {
            restoring = false;
        }
        rebuild();
    }

    /** Every constant of the current kind back to its default (the paper's, or one for unit-spread data). */
    public void resetConstants() {
        values.clear();
        for (ParameterSpec spec : kind.get().parameters()) {
            values.put(spec.name(), spec.defaultValue());
        }
        rebuild();
    }

    /**
     * Sets one constant, clamped to its range; its partner in a min/max pair moves if it must.
     *
     * @return the value actually set
     */
    public double set(String name, double requested) {
        ParameterSpec spec = spec(name);
        double v = clamp(requested, spec);
        values.put(name, v);
        partner(name).ifPresentOrElse(other -> keepOrdered(name, v, other), () -> { });
        rebuild();
        return values.get(name);
    }

    private void keepOrdered(String name, double v, ParameterSpec other) {
        boolean isMin = name.endsWith("_min");
        double o = values.get(other.name());
        if (isMin && o < v * PAIR_GAP) {
            double pushed = clamp(v * PAIR_GAP, other);
            values.put(other.name(), pushed);
            if (pushed < v * PAIR_GAP) {
                values.put(name, pushed / PAIR_GAP); // the partner is at its limit: this end gives way
            }
        } else if (!isMin && o * PAIR_GAP > v) {
            double pushed = clamp(v / PAIR_GAP, other);
            values.put(other.name(), pushed);
            if (pushed * PAIR_GAP > v) {
                values.put(name, pushed * PAIR_GAP);
            }
        }
    }

    private java.util.Optional<ParameterSpec> partner(String name) {
        String other = name.endsWith("_min") ? name.substring(0, name.length() - 4) + "_max"
                : name.endsWith("_max") ? name.substring(0, name.length() - 4) + "_min" : null;
        return kind.get().parameters().stream().filter(s -> s.name().equals(other)).findFirst();
    }

    private ParameterSpec spec(String name) {
        return kind.get().parameters().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "the " + kind.get().id() + " schedule has no constant " + name));
    }

    private static double clamp(double v, ParameterSpec spec) {
        if (!Double.isFinite(v)) {
            return spec.defaultValue();
        }
        return Math.max(spec.min(), Math.min(spec.max(), v));
    }

    private void rebuild() {
        schedule.set(kind.get().create(Map.copyOf(values)));
    }
}
