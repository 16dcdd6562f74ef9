package org.scorefield.app.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.scorefield.app.model.DataState;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.model.SettingValues;
import org.scorefield.app.model.SourceOption;
import org.scorefield.app.settings.Setting;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.io.JsonFields;
import org.scorefield.core.schedule.ParameterSpec;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;
import org.scorefield.core.session.Lesson;
import org.scorefield.core.session.LessonFile;
import org.scorefield.core.session.Session;

/**
 * The lesson open in the window and the scene on screen. Showing a scene sets the settings it
 * lists through the settings table (each value checked against its declaration first: a scene with
 * a bad value is refused whole and nothing changes), draws its data again and sets its process
 * when they differ; the trained model is kept (a change that makes it out of date says so above
 * the canvas). Lives on the FX thread.
 */
public final class LessonState {

    /** The lesson that ships with the window, following the seed documents' story. */
    public static final String DEFAULT_RESOURCE = "/org/scorefield/app/lesson/default.json";

    private final ExplorerModel model;
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyBooleanWrapper edited = new ReadOnlyBooleanWrapper(false);

    public LessonState(ExplorerModel model) {
        this.model = model;
    }

    /** The default lesson. */
    public static Lesson defaultLesson() {
        try (InputStream in = LessonState.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default lesson is missing from the build");
            }
            return LessonFile.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("the default lesson cannot be read", e);
        }
    }

    /** The lesson open, or null. */
    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    /** The scene on screen, from 0; −1 without a lesson. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    /**
     * Whether the deck was edited (started, a scene added, changed, moved or deleted) since it was
     * opened or last saved as a lesson file: Undo does not bring a deck back, so replacing an edited
     * one loses the edits for good.
     */
    public ReadOnlyBooleanProperty editedProperty() {
        return edited.getReadOnlyProperty();
    }

    /** The scene on screen. */
    public Optional<Lesson.Scene> scene() {
        Lesson l = lesson.get();
        return l == null || index.get() < 0 ? Optional.empty() : Optional.of(l.scenes().get(index.get()));
    }

    /** Opens a lesson at its first scene; a lesson one of whose scenes cannot be shown is refused whole. */
    public void open(Lesson opened) {
        check(opened, model.process().schedule());
        index.set(-1); // before the deck: the scene on screen never points past it
        lesson.set(opened);
        edited.set(false);
        go(0);
    }

    /**
     * Reads a lesson file on the files' lane and opens it; a bad file is one sentence and the lesson
     * open stays as it was.
     */
    public void openFile(java.nio.file.Path file) {
        String name = org.scorefield.core.io.IoReasons.fileName(file);
        model.jobs().<Lesson>job("lesson", org.scorefield.app.jobs.Lane.FILES).title("Reading " + name)
                .onFailure(why -> model.messageProperty().set("Cannot open " + name + ": "
                        + JsonFields.phrase(why) + "."))
                .start(job -> LessonFile.read(file), read -> {
                    try {
                        open(read);
                    } catch (InvalidInputException e) {
                        model.messageProperty().set("Cannot open " + name + ": " + JsonFields.phrase(e.getMessage()) + ".");
                    }
                });
    }

    // ---- editing the deck -------------------------------------------------------------------------

    /**
     * The settings a scene takes from the window, those the table marks {@link Setting#inScene()}: the
     * data (preset, points, seed), the process, the objective and flow source with its coupling, the
     * sampler (model or oracle, solver, steps, grid, η, seed, counts), t and the view (ODE vs SDE, Reflow
     * rounds, A vs B and what B differs in) and its layers. Not taken: the network and its training (a
     * scene shows, it does not retrain), Reflow and export settings, and the lecturer's own look (theme,
     * presenter mode, canvas tool).
     */
    static final List<Setting<?>> CAPTURED = Settings.ALL.stream().filter(Setting::inScene).toList();

    /**
     * The window's settings as a scene holds them ({@link #CAPTURED}, and the process's constants). A
     * flow source drawn on the canvas is left out: a scene names N(0, I) or a preset, never points.
     */
    public Session.Settings capture() {
        Session.Settings.Builder out = Session.Settings.builder();
        SettingValues values = model.values();
        for (Setting<?> s : CAPTURED) {
            if (s == Settings.SOURCE && drawnSource()) {
                continue;
            }
            values.write(s, out);
        }
        model.process().schedule().parameters().forEach((name, v) -> out.put("process." + name, v));
        return out.build();
    }

    /** Whether flow matching starts from points drawn on the canvas, which a scene cannot name. */
    private boolean drawnSource() {
        return model.training().sourceProperty().get().source().distribution()
                .filter(org.scorefield.core.data.EmpiricalDistribution.class::isInstance).isPresent();
    }

    /** What a scene taken now cannot keep of the window, as sentences to add to a message ("" when nothing). */
    private String notKept() {
        String out = "";
        if (model.data().data().preset().isEmpty()) {
            out += " The drawn points are not kept: the scene draws the preset "
                    + model.data().presetProperty().get().displayName() + " again.";
        }
        if (drawnSource()) {
            out += " The drawn flow source is not kept: the scene keeps the source of the scenes before it.";
        }
        return out;
    }

    /**
     * Starts a new deck of one scene, the window as it is now ("New lesson").
     *
     * @throws InvalidInputException when the title, name, caption or an equation breaks a lesson file's
     *         rules (nothing changes then)
     */
    public void start(String title, String name, String caption, List<String> equations) {
        checkTitle(title);
        LessonFile.checkScene(name, caption, equations);
        replace(LessonEdits.start(title.strip(), name.strip(), caption.strip(), equations, capture()), 0);
        edited.set(true); // saved nowhere yet
        model.messageProperty().set("New lesson \"" + title.strip() + "\": scene 1 shows the window as it is now."
                + notKept());
    }

    /**
     * Inserts a scene after the one on screen that shows the window as it is now; the scenes after it
     * look as they did. It becomes the scene on screen.
     *
     * @throws InvalidInputException as {@link #start}, or when the deck is full
     */
    public void add(String name, String caption, List<String> equations) {
        Lesson l = requireLesson();
        LessonFile.checkScene(name, caption, equations);
        int at = index.get() + 1;
        replace(LessonEdits.insert(l, at, name.strip(), caption.strip(), equations, capture()), at);
        edited.set(true);
        model.messageProperty().set("Added scene " + (at + 1) + " of " + (l.scenes().size() + 1) + ", \""
                + name.strip() + "\": it shows the window as it is now." + notKept());
    }

    /**
     * Changes the scene on screen: the deck's title, the scene's name, caption and equations and,
     * with {@code fromWindow}, its settings to the window's as they are now.
     *
     * @throws InvalidInputException as {@link #start}
     */
    public void change(String title, String name, String caption, List<String> equations, boolean fromWindow) {
        Lesson l = requireLesson();
        checkTitle(title);
        LessonFile.checkScene(name, caption, equations);
        int k = index.get();
        replace(LessonEdits.change(l, k, title.strip(), name.strip(), caption.strip(), equations,
                fromWindow ? Optional.of(capture()) : Optional.empty()), k);
        edited.set(true);
        model.messageProperty().set("Changed scene " + (k + 1) + ", \"" + name.strip() + "\""
                + (fromWindow ? ": it shows the window as it is now." + notKept() : "."));
    }

    /** Moves the scene on screen one place earlier ({@code by} −1) or later (+1); each scene looks as it did. */
    public void move(int by) {
        Lesson l = lesson.get();
        if (l == null) {
            return;
        }
        int k = index.get();
        int j = Math.max(0, Math.min(l.scenes().size() - 1, k + by));
        if (j == k) {
            model.messageProperty().set("Scene " + (k + 1) + " is already the " + (by < 0 ? "first." : "last."));
            return;
        }
        replace(LessonEdits.move(l, k, by), j);
        edited.set(true);
        model.messageProperty().set("Moved \"" + l.scenes().get(k).name() + "\" to scene " + (j + 1) + " of "
                + l.scenes().size() + ".");
    }

    /**
     * Deletes the scene on screen and shows the one that took its place; the others look as they did.
     *
     * @throws InvalidInputException when it is the deck's only scene
     */
    public void delete() {
        Lesson l = requireLesson();
        int k = index.get();
        Lesson without = LessonEdits.delete(l, k);
        replace(without, -1);
        edited.set(true);
        go(Math.min(k, without.scenes().size() - 1));
        model.messageProperty().set("Deleted scene " + (k + 1) + ", \"" + l.scenes().get(k).name() + "\"; "
                + without.scenes().size() + " scenes are left.");
    }

    /**
     * Writes the deck as a lesson file on the files' lane, atomically, replacing {@code file} if it
     * exists; a failure is one sentence. Once written, the deck counts as not edited, unless it was
     * edited again while it was being written.
     */
    public void saveAs(java.nio.file.Path file) {
        saveAs(file, true);
    }

    /**
     * As {@link #saveAs(java.nio.file.Path)}; without {@code replacing}, a file that exists already is
     * left as it is and the lesson is not saved, in one sentence (a name the file chooser did not ask
     * about replacing).
     */
    public void saveAs(java.nio.file.Path file, boolean replacing) {
        Lesson l = lesson.get();
        if (l == null) {
            return;
        }
        String name = org.scorefield.core.io.IoReasons.fileName(file);
        model.jobs().<String>job("lesson-save", org.scorefield.app.jobs.Lane.FILES).title("Writing " + name)
                .onFailure(why -> model.messageProperty().set("The lesson is not saved: " + JsonFields.phrase(why) + "."))
                .start(job -> {
                    if (!replacing) {
                        org.scorefield.core.io.AtomicFiles.taken(file).ifPresent(why -> {
                            throw new InvalidInputException(why);
                        });
                    }
                    LessonFile.write(l, file);
                    return "Saved the lesson \"" + l.title() + "\" (" + l.scenes().size()
                            + (l.scenes().size() == 1 ? " scene" : " scenes") + ") to " + name + ".";
                }, saved -> {
                    if (lesson.get() == l) {
                        edited.set(false);
                    }
                    model.messageProperty().set(saved);
                });
    }

    /** The lesson and its scene, as a session keeps them; empty without a lesson. */
    public Optional<Session.OpenLesson> kept() {
        Lesson l = lesson.get();
        return l == null || index.get() < 0 ? Optional.empty() : Optional.of(new Session.OpenLesson(l, index.get()));
    }

    /**
     * Checks a lesson a session keeps, as {@link #open} does, and returns the change that makes it the
     * lesson open at its scene without setting anything (the session sets the window itself); empty:
     * close the lesson. The session's file keeps the deck, so it counts as not edited. A scene that
     * sets constants without naming a kind is checked against the session's process {@code process},
     * which the window will have once the session is open, not the window's process now.
     *
     * @throws InvalidInputException naming the scene that cannot be shown
     */
    Runnable prepareRestore(Optional<Session.OpenLesson> kept, Schedule process) {
        if (kept.isEmpty()) {
            return this::close;
        }
        check(kept.get().lesson(), process);
        return () -> {
            replace(kept.get().lesson(), kept.get().scene());
            edited.set(false);
        };
    }

    /**
     * Refuses a lesson one of whose scenes cannot be shown over the process {@code process}, naming it.
     */
    private void check(Lesson l, Schedule process) {
        for (int i = 0; i < l.scenes().size(); i++) {
            try {
                prepare(merged(l, i), process);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("Scene " + (i + 1) + " (" + l.scenes().get(i).name() + "): "
                        + JsonFields.phrase(e.getMessage()) + ".", e);
            }
        }
    }

    /** Makes {@code l} the deck, with scene {@code k} on screen, without setting anything. */
    private void replace(Lesson l, int k) {
        check(l, model.process().schedule());
        index.set(-1); // the scene list first, then the scene: an index never points past the deck
        lesson.set(l);
        index.set(k);
    }

    private Lesson requireLesson() {
        Lesson l = lesson.get();
        InvalidInputException.require(l != null, "No lesson is open: start one with Lesson → New lesson.");
        return l;
    }

    private static void checkTitle(String title) {
        InvalidInputException.require(!title.isBlank(), "A lesson needs a title.");
        InvalidInputException.require(title.strip().length() <= JsonFields.MAX_NAME_CHARS, "The title is "
                + title.strip().length() + " characters long; a lesson's title has at most " + JsonFields.MAX_NAME_CHARS
                + ".");
    }

    /** Closes the lesson; the window stays as the last scene left it. */
    public void close() {
        index.set(-1);
        lesson.set(null);
        edited.set(false);
    }

    /**
     * Shows scene {@code i} (from 0), kept within the deck: the settings of scenes 1 to i, each later
     * one over the ones before, so that a scene looks the same however it is reached (stepped to, or
     * picked from the list, or rendered alone). One undo step.
     */
    public void go(int i) {
        Lesson l = lesson.get();
        if (l == null) {
            return;
        }
        int k = Math.max(0, Math.min(l.scenes().size() - 1, i));
        Runnable show;
        try {
            show = prepare(merged(l, k));
        } catch (InvalidInputException e) {
            model.messageProperty().set("Scene " + (k + 1) + " (" + l.scenes().get(k).name() + ") cannot be shown: "
                    + JsonFields.phrase(e.getMessage()) + ".");
            return;
        }
        model.undo().beginGesture();
        try {
            show.run();
        } finally {
            model.undo().endGesture();
        }
        index.set(k);
        model.messageProperty().set("Scene " + (k + 1) + " of " + l.scenes().size() + ": " + l.scenes().get(k).name()
                + ".");
    }

    /** The next scene (PageDown); the default lesson when none is open. */
    public void next() {
        if (lesson.get() == null) {
            open(defaultLesson());
        } else {
            go(index.get() + 1);
        }
    }

    /** The scene before (PageUp). */
    public void previous() {
        if (lesson.get() != null) {
            go(index.get() - 1);
        }
    }

    /**
     * An equation with its placeholders replaced by the values on screen: {{t}}, {{alpha}},
     * {{sigma}}, {{lambda}} (log(α/σ)), {{eta}}, {{steps}}, {{nfe}} and {{loss}}. The braces are
     * doubled so that LaTeX's own groups (x_{t}, \frac{t}{2}) are left alone.
     */
    public String fill(String latex) {
        double t = model.view().timeProperty().get();
        org.scorefield.core.schedule.Schedule s = model.exactPath().schedule();
        double alpha = s.alpha(t);
        double sigma = s.sigma(t);
        double loss = model.training().lossProperty().get();
        long nfe = model.sampling().nfe();
        return latex.replace("{{t}}", number(t))
                .replace("{{alpha}}", number(alpha))
                .replace("{{sigma}}", number(sigma))
                .replace("{{lambda}}", alpha > 0 && sigma > 0 ? number(Math.log(alpha / sigma)) : "\\infty")
                .replace("{{eta}}", number(model.sampling().etaProperty().get()))
                .replace("{{steps}}", Integer.toString(model.sampling().stepsProperty().get()))
                .replace("{{nfe}}", nfe < 0 ? "\\text{--}" : Long.toString(nfe))
                .replace("{{loss}}", Double.isFinite(loss) ? number(loss) : "\\text{--}");
    }

    /** Three significant digits, without an exponent, as a lesson shows values. */
    static String number(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : "\\text{--}";
        }
        double a = Math.abs(v);
        int decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : Math.min(6, 2 - (int) Math.floor(Math.log10(a)));
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
    }

    /**
     * The settings scene {@code k} shows: those of scenes 0 to k, a later value over an earlier one;
     * a scene that names a process kind drops the constants of the kinds before it.
     */
    static Session.Settings merged(Lesson lesson, int k) {
        Session.Settings out = Session.Settings.builder().build();
        for (int i = 0; i <= k; i++) {
            out = LessonEdits.merge(out, withItsDefaults(lesson.scenes().get(i).settings()));
        }
        return out;
    }

    /**
     * A scene's settings with what it leaves out where it shows something else: a scene that names any view
     * setting shows none of the views and modes it does not name; one that draws data without a dataset size
     * draws the whole preset. Merged scene by scene, so that a jump past a scene does not keep its view.
     */
    private static Session.Settings withItsDefaults(Session.Settings scene) {
        Session.Settings.Builder out = scene.toBuilder();
        boolean namesView = scene.values().keySet().stream().anyMatch(key -> key.startsWith("view."));
        if (namesView) {
            for (Setting<?> v : java.util.stream.Stream.concat(Settings.VIEWS.stream(),
                    Settings.SCENE_MODES.stream()).toList()) {
                if (v.read(scene).isEmpty()) {
                    writeDefault(out, v);
                }
            }
        }
        boolean drawsData = Settings.DATA_PRESET.read(scene).isPresent() || Settings.DATA_POINTS.read(scene).isPresent()
                || Settings.DATA_SEED.read(scene).isPresent();
        if (drawsData && Settings.DATA_TRAIN_SIZE.read(scene).isEmpty()) {
            writeDefault(out, Settings.DATA_TRAIN_SIZE);
        }
        return out.build();
    }

    private static <T> void writeDefault(Session.Settings.Builder out, Setting<T> setting) {
        setting.write(out, setting.defaultValue());
    }

    /**
     * Checks every value of a scene's settings, the process they make included, and returns the
     * change that shows them.
     *
     * @throws InvalidInputException for a key this build does not know or a value it does not allow
     */
    Runnable prepare(Session.Settings in) {
        return prepare(in, model.process().schedule());
    }

    /**
     * As {@link #prepare(Session.Settings)}, over the process {@code base}: constants without a kind
     * are {@code base}'s kind's, and change {@code base}.
     */
    private Runnable prepare(Session.Settings in, Schedule base) {
        Map<String, Setting<?>> known = new HashMap<>();
        Settings.ALL.forEach(s -> known.put(s.key(), s));
        Optional<ScheduleKind> processKind = Settings.PROCESS_KIND.read(in);
        ScheduleKind kind = processKind.orElse(base.kind());
        Map<String, Double> constants = new HashMap<>();
        for (String key : in.values().keySet()) {
            if (known.containsKey(key)) {
                InvalidInputException.require(known.get(key).kept() != Setting.Kept.NOT_KEPT, "\"settings." + key
                        + "\" is a setting of the moment (" + known.get(key).label() + "), which a scene does not set.");
                continue;
            }
            String constant = key.startsWith("process.") ? key.substring("process.".length()) : null;
            ParameterSpec spec = constant == null ? null : kind.parameters().stream()
                    .filter(p -> p.name().equals(constant)).findFirst().orElse(null);
            InvalidInputException.require(spec != null, "\"settings." + JsonFields.quote(key)
                    + "\" is not a setting this build knows.");
            double v = in.number(key).orElseThrow(() -> new InvalidInputException("\"settings." + key
                    + "\" must be a number."));
            InvalidInputException.require(v >= spec.min() && v <= spec.max(), "\"settings." + key + "\" is "
                    + JsonFields.shown(v) + ", but " + spec.symbol() + " lies between " + JsonFields.shown(spec.min())
                    + " and " + JsonFields.shown(spec.max()) + ".");
            constants.put(constant, v);
        }
        // the scene's process, made now so that constants no schedule takes are refused before any change:
        // a scene naming its kind gets that kind's defaults and its own constants, whatever the window had
        Schedule schedule = null;
        if (processKind.isPresent() || !constants.isEmpty()) {
            Map<String, Double> all = new HashMap<>();
            if (processKind.isEmpty()) {
                all.putAll(base.parameters());
            }
            all.putAll(constants);
            try {
                schedule = kind.create(all);
            } catch (RuntimeException e) {
                throw new InvalidInputException("its process " + kind.id() + " with " + constants + " cannot be "
                        + "made: " + JsonFields.phrase(e.getMessage()) + ".", e);
            }
        }
        Schedule made = schedule;
        List<Runnable> changes = new ArrayList<>();
        SettingValues values = model.values();
        for (Setting<?> s : Settings.ALL) {
            // the source is a choice of the deck's own: N(0, I) or a preset, never drawn points
            if (s.kept() == Setting.Kept.IN_SETTINGS && s != Settings.SOURCE) {
                values.read(s, in).ifPresent(changes::add);
            }
        }
        Optional<String> sourceId = Settings.SOURCE.read(in);
        Optional<SourceOption> source = sourceId.map(id -> id.equals(org.scorefield.core.flow.FlowSource.GAUSSIAN_ID)
                ? SourceOption.GAUSSIAN : SourceOption.named(id).orElseThrow(() -> new InvalidInputException(
                        "\"settings." + Settings.SOURCE.key() + "\" is " + JsonFields.quote(id)
                                + ", which is neither gaussian nor a preset.")));
        boolean namesView = in.values().keySet().stream().anyMatch(k -> k.startsWith("view."));
        Optional<DatasetPreset> preset = Settings.DATA_PRESET.read(in);
        Optional<Integer> count = Settings.DATA_POINTS.read(in);
        Optional<Long> seed = Settings.DATA_SEED.read(in);
        return () -> {
            DataState data = model.data();
            if ((preset.isPresent() || count.isPresent() || seed.isPresent())
                    && Settings.DATA_TRAIN_SIZE.read(in).isEmpty()) {
                // a scene that draws data without naming a dataset size (one written before there was one) means the whole preset
                data.trainSizeProperty().set(Settings.WHOLE_PRESET);
            }
            if (preset.isPresent() || count.isPresent() || seed.isPresent()) {
                boolean same = data.data().preset().equals(Optional.of(preset.orElse(data.presetProperty().get())))
                        && count.map(n -> n == data.pointCountProperty().get()).orElse(true)
                        && seed.map(s -> s == data.seedProperty().get()).orElse(true);
                if (!same) {
                    count.ifPresent(data.pointCountProperty()::set);
                    seed.ifPresent(data.seedProperty()::set);
                    preset.ifPresent(data.presetProperty()::set);
                    // drawn points stay drawn when only the count or seed changed: the preset comes back once
                    if (!data.data().preset().equals(Optional.of(data.presetProperty().get()))) {
                        data.reloadPreset();
                    }
                }
            }
            if (made != null && !made.equals(model.process().schedule())) {
                model.process().restore(made);
            }
            changes.forEach(Runnable::run);
            if (namesView) {
                // a scene shows one view: those it does not name are off (the single view if it names none on)
                for (Setting<?> v : java.util.stream.Stream.concat(Settings.VIEWS.stream(),
                        Settings.SCENE_MODES.stream()).toList()) {
                    if (v.read(in).isEmpty()) {
                        toDefault(values, v);
                    }
                }
            }
            source.ifPresent(model.training().sourceProperty()::set);
        };
    }

    /** Puts a setting back to its declared default. */
    private static <T> void toDefault(SettingValues values, Setting<T> setting) {
        values.set(setting, setting.defaultValue());
    }
}
