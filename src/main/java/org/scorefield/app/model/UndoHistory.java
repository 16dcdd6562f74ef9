package org.scorefield.app.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.scorefield.app.settings.Setting;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.schedule.ParameterSpec;
import org.scorefield.core.schedule.Schedule;

/**
 * Undo and redo of what the user edits: the data (a brush or eraser stroke, Clear, an import, Restore
 * preset, another preset, point count or data seed), the process (its schedule and constants), and
 * every setting the table marks {@link Setting#undone()}. What is computed or learned is not an edit
 * and is not undone: training and the trained model, the samples, Reflow rounds, the layers. Nor are
 * settings of the moment (the time t the scrubber sweeps, the canvas tool, the theme).
 *
 * <p>The history keeps whole states, not changes: the edited values, the data ({@link DataState.Snapshot},
 * all immutable) and the schedule, a few references each. Whenever one of them changes, the state
 * now is compared with the last one recorded, and a difference is a step from the one to the other;
 * a change that follows from another (choosing a preset redraws the data; a new schedule resets its
 * constants; the split view turns the rounds view off) is found in the same comparison and so lands
 * in the same step. Undo puts the state before a step back, redo the state after it, and neither is
 * recorded.
 *
 * <p>What is one step: the changes of one gesture ({@link #beginGesture}, a drag of the brush or
 * eraser); changes within {@value #BURST_MS} ms of each other (a click that sets two settings);
 * and repeated changes of the same thing with less than {@value #COALESCE_MS} ms between them (a
 * slider dragged, a spinner held). Clear, an import and Restore preset are always a step of their
 * own. At most {@value #CAPACITY} steps are kept, the oldest dropped first; a new edit after an undo
 * drops what could have been redone. Lives on the FX thread.
 */
public final class UndoHistory {

    /** The most steps kept. */
    public static final int CAPACITY = 200;
    /** Changes closer than this are one step, whatever they change. */
    static final long BURST_MS = 100;
    /** Repeated changes of the same thing closer than this are one step. */
    static final long COALESCE_MS = 600;

    /** What undo puts back, at one moment: the edited settings' values, the data, the process. */
    private record State(List<Object> settings, DataState.Snapshot data, Schedule schedule) {
    }

    /** One step: the state before and after it, what it touched, and its name on screen. */
    private static final class Step {
        final State before;
        State after;
        final Set<String> touched = new HashSet<>();
        /** Clear, an import, Restore preset: never joined by a later change. */
        final boolean command;
        DataState.Edit dataEdit;
        String label;
        long lastNanos;

        Step(State before, boolean command) {
            this.before = before;
            this.command = command;
        }
    }

    private final SettingValues values;
    private final DataState data;
    private final ProcessState process;
    private final StringProperty message;
    /** The settings recorded one by one: every undone one the window owns, but the data's and the process's. */
    private final List<Setting<?>> recorded = new ArrayList<>();
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private final ReadOnlyStringWrapper nextUndo = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nextRedo = new ReadOnlyStringWrapper("");
    private State last;
    /** An undo or redo is putting a state back: what it changes is not recorded. */
    private boolean applying;
    /** The newest step may take the next change (false after an undo, a redo or the end of a gesture). */
    private boolean open;
    private boolean gesture;
    private LongSupplier clock = System::nanoTime;

    /**
     * Watches every edited value. Made after the states, so that their own reactions to a change (a
     * preset redrawing the data) have happened by the time the change is compared.
     *
     * @param message where "Undid: …" and "Redid: …" are said
     */
    UndoHistory(SettingValues values, DataState data, ProcessState process, StringProperty message) {
        this.values = values;
        this.data = data;
        this.process = process;
        this.message = message;
        for (Setting<?> s : Settings.ALL) {
            // the data's and the process's settings are kept in their blocks, as a session keeps them
            if (s.undone() && s.kept() != Setting.Kept.IN_ITS_BLOCK && values.has(s)) {
                recorded.add(s);
            }
        }
        last = capture();
        List<ObservableValue<?>> watched = new ArrayList<>();
        recorded.forEach(s -> watched.add(values.holder(s)));
        watched.addAll(List.of(data.dataProperty(), data.presetProperty(), data.pointCountProperty(),
                data.seedProperty(), process.scheduleProperty()));
        for (ObservableValue<?> o : watched) {
            // a change listener: JavaFX tells invalidation listeners first, and the states' reactions
            // to a change are change listeners made before this one, so they have run when it runs
            o.addListener((obs, was, is) -> changed());
        }
    }

    // ---- commands --------------------------------------------------------------------------------

    /** Puts back the state before the newest step and says what it undid; false when there is none. */
    public boolean undo() {
        if (undo.isEmpty()) {
            message.set("Nothing to undo.");
            return false;
        }
        Step step = undo.pop();
        apply(step.before);
        redo.push(step);
        message.set("Undid: " + step.label);
        published();
        return true;
    }

    /** Puts back the state after the step last undone and says what it redid; false when there is none. */
    public boolean redo() {
        if (redo.isEmpty()) {
            message.set("Nothing to redo.");
            return false;
        }
        Step step = redo.pop();
        apply(step.after);
        undo.push(step);
        message.set("Redid: " + step.label);
        published();
        return true;
    }

    /** The changes until {@link #endGesture} are one step (a drag of the brush or the eraser). */
    public void beginGesture() {
        open = false;
        gesture = true;
    }

    /** Ends a gesture: the next change is a step of its own. */
    public void endGesture() {
        gesture = false;
        open = false;
    }

    /** Forgets every step (a session was opened: the work before it is not this work's past). */
    public void clear() {
        undo.clear();
        redo.clear();
        open = false;
        last = capture();
        published();
    }

    /** What undo would undo ("Clear (1,000 points)"), or empty when there is nothing. */
    public ReadOnlyStringProperty nextUndoProperty() {
        return nextUndo.getReadOnlyProperty();
    }

    /** What redo would redo, or empty when there is nothing. */
    public ReadOnlyStringProperty nextRedoProperty() {
        return nextRedo.getReadOnlyProperty();
    }

    /** Steps that can be undone now. */
    public int undoSize() {
        return undo.size();
    }

    /** Steps that can be redone now. */
    public int redoSize() {
        return redo.size();
    }

    /** The clock that decides which changes are one step, in nanoseconds (a test sets its own). */
    void clock(LongSupplier nanos) {
        this.clock = nanos;
    }

    // ---- recording -------------------------------------------------------------------------------

    private State capture() {
        List<Object> now = new ArrayList<>(recorded.size());
        for (Setting<?> s : recorded) {
            now.add(values.holder(s).getValue());
        }
        return new State(now, data.snapshot(), process.schedule());
    }

    private void changed() {
        if (applying) {
            return;
        }
        State now = capture();
        Set<String> touched = touched(last, now);
        if (touched.isEmpty()) {
            return; // a change already recorded with the one that caused it
        }
        long nanos = clock.getAsLong();
        DataState.Edit edit = data.lastEdit();
        boolean dataChanged = now.data().data() != last.data().data();
        boolean command = dataChanged && (edit == DataState.Edit.CLEAR || edit == DataState.Edit.IMPORT
                || edit == DataState.Edit.RESTORE_PRESET || edit == DataState.Edit.SESSION);
        Step top = undo.peek();
        boolean joins = open && top != null && !top.command && (gesture || !command
                && (nanos - top.lastNanos < BURST_MS * 1_000_000
                || top.touched.containsAll(touched) && nanos - top.lastNanos < COALESCE_MS * 1_000_000));
        Step step;
        if (joins) {
            step = top;
        } else {
            step = new Step(last, command && !gesture);
            undo.push(step);
            while (undo.size() > CAPACITY) {
                undo.removeLast();
            }
        }
        redo.clear();
        step.after = now;
        step.touched.addAll(touched);
        step.lastNanos = nanos;
        if (dataChanged) {
            step.dataEdit = edit;
        }
        last = now;
        open = true;
        if (touched(step.before, step.after).isEmpty()) {
            undo.pop(); // a slider dragged back where it was: nothing to undo
            open = false;
        } else {
            step.label = label(step);
        }
        published();
    }

    /** What differs between two states: the keys of the settings, "process", or "data:" and the edit. */
    private Set<String> touched(State a, State b) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < recorded.size(); i++) {
            if (!Objects.equals(a.settings().get(i), b.settings().get(i))) {
                keys.add(recorded.get(i).key());
            }
        }
        if (!same(a.data(), b.data())) {
            keys.add("data:" + data.lastEdit());
        }
        if (!same(a.schedule(), b.schedule())) {
            keys.add("process");
        }
        return keys;
    }

    /** The same data: the very same points (they are immutable), in the same data box. */
    private static boolean same(DataState.Snapshot a, DataState.Snapshot b) {
        return a.data() == b.data() && a.preset() == b.preset() && a.count() == b.count() && a.seed() == b.seed();
    }

    /** The same process: kind and constants (a schedule is rebuilt on every change). */
    private static boolean same(Schedule a, Schedule b) {
        return a.kind() == b.kind() && a.parameters().equals(b.parameters());
    }

    private void apply(State target) {
        applying = true;
        try {
            for (int i = 0; i < recorded.size(); i++) {
                @SuppressWarnings("unchecked")
                javafx.beans.property.Property<Object> holder =
                        (javafx.beans.property.Property<Object>) values.holder(recorded.get(i));
                if (!Objects.equals(holder.getValue(), target.settings().get(i))) {
                    holder.setValue(target.settings().get(i));
                }
            }
            if (!same(target.data(), data.snapshot())) {
                data.restore(target.data());
            }
            if (!same(target.schedule(), process.schedule())) {
                process.restore(target.schedule());
            }
        } finally {
            applying = false;
        }
        last = capture();
        open = false;
    }

    private void published() {
        nextUndo.set(undo.isEmpty() ? "" : undo.peek().label);
        nextRedo.set(redo.isEmpty() ? "" : redo.peek().label);
    }

    // ---- names -----------------------------------------------------------------------------------

    /** How a step reads after "Undid: ": every setting it changed, old → new, or the data edit it was. */
    private String label(Step step) {
        List<String> parts = new ArrayList<>();
        State a = step.before;
        State b = step.after;
        DataState.Snapshot da = a.data();
        DataState.Snapshot db = b.data();
        change(parts, Settings.DATA_PRESET, da.preset(), db.preset());
        change(parts, Settings.DATA_POINTS, da.count(), db.count());
        change(parts, Settings.DATA_SEED, da.seed(), db.seed());
        if (parts.isEmpty() && da.data() != db.data()) {
            parts.add(dataEdit(step.dataEdit, da.data(), db.data()));
        }
        Schedule sa = a.schedule();
        Schedule sb = b.schedule();
        if (sa.kind() != sb.kind()) {
            change(parts, Settings.PROCESS_KIND, sa.kind(), sb.kind());
        } else {
            for (ParameterSpec spec : sa.kind().parameters()) {
                double x = sa.parameters().get(spec.name());
                double y = sb.parameters().get(spec.name());
                if (x != y) {
                    parts.add(spec.symbol() + " " + number(x) + " → " + number(y));
                }
            }
        }
        for (int i = 0; i < recorded.size(); i++) {
            change(parts, recorded.get(i), a.settings().get(i), b.settings().get(i));
        }
        int shown = Math.min(parts.size(), 3);
        String label = String.join(", ", parts.subList(0, shown));
        return parts.size() > shown ? label + " and " + (parts.size() - shown) + " more" : label;
    }

    private static String dataEdit(DataState.Edit edit, DataState.Data before, DataState.Data after) {
        int was = before.points().size();
        int is = after.points().size();
        return switch (edit == null ? DataState.Edit.SESSION : edit) {
            case BRUSH -> "Draw (" + points(is - was) + ")";
            case ERASE -> "Erase (" + points(was - is) + ")";
            case CLEAR -> "Clear (" + points(was) + ")";
            case IMPORT -> "Import " + after.name() + " (" + points(is) + ")";
            case RESTORE_PRESET -> "Restore preset (" + after.name() + ", " + points(is) + ")";
            default -> "Data (" + points(is) + ")";
        };
    }

    private static <T> void change(List<String> parts, Setting<T> setting, Object was, Object is) {
        if (!Objects.equals(was, is)) {
            parts.add(name(setting) + " " + shown(setting, was) + " → " + shown(setting, is));
        }
    }

    /** A setting's label, with its section where another setting has the same label ("Data seed"). */
    private static String name(Setting<?> setting) {
        long same = Settings.ALL.stream().filter(s -> s.label().equals(setting.label())).count();
        if (same == 1) {
            return setting.label();
        }
        String section = setting.key().substring(0, setting.key().indexOf('.'));
        return Character.toUpperCase(section.charAt(0)) + section.substring(1) + " "
                + setting.label().toLowerCase(Locale.ROOT);
    }

    /** A value as the table shows it; what a setting's holder keeps besides (a source option) as it names itself. */
    private static <T> String shown(Setting<T> setting, Object value) {
        if (setting.type().isInstance(value)) {
            String text = setting.display(setting.type().cast(value));
            int reference = text.lastIndexOf(" (");
            return reference > 0 && text.endsWith(")") && setting.type().isEnum() ? text.substring(0, reference)
                    : text;
        }
        return String.valueOf(value);
    }

    private static String points(int n) {
        return String.format(Locale.ROOT, "%,d point%s", n, n == 1 ? "" : "s");
    }

    /** A constant to three significant digits, without trailing zeros: 20, 0.1, 1.25. */
    static String number(double v) {
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
