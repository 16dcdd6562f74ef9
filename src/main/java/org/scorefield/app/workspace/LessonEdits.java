package org.scorefield.app.workspace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.session.Lesson;
import org.scorefield.core.session.Session;

/**
 * A lecturer's edits of a deck, each a new {@link Lesson} (decks are immutable): insert a scene,
 * change one, move one, delete one. Scenes are cumulative (scene k shows the settings of scenes 1 to
 * k, see {@link #merge}), so an edit would change how the scenes after it look; each edit therefore
 * says what every scene should show (its view: the settings it showed before, or what was captured
 * from the window) and {@link #keepViews} adds to each scene only the values it then needs to show
 * exactly that. A scene keeps its own values, so a hand-written deck stays as it was written where
 * an edit did not reach.
 *
 * <p>What a view cannot promise: a setting that no scene up to k sets shows whatever the window has,
 * before an edit and after it; once an inserted scene sets it, the scenes after take its value.
 */
final class LessonEdits {

    private static final String PROCESS = Settings.PROCESS_KIND.key().substring(0,
            Settings.PROCESS_KIND.key().indexOf('.') + 1); // "process."

    private LessonEdits() {
    }

    /**
     * {@code scene}'s settings over {@code base}, as stepping to the scene applies them: a later value
     * over an earlier one, and a scene that names a process kind drops the constants of the kinds before.
     */
    static Session.Settings merge(Session.Settings base, Session.Settings scene) {
        Session.Settings.Builder out = base.toBuilder();
        if (scene.values().containsKey(Settings.PROCESS_KIND.key())) {
            out.removeIf(key -> key.startsWith(PROCESS));
        }
        return out.putAll(scene).build();
    }

    /** What each scene of the deck shows: scene k's settings merged over those of the scenes before it. */
    static List<Session.Settings> views(Lesson lesson) {
        List<Session.Settings> out = new ArrayList<>();
        Session.Settings shown = Session.Settings.builder().build();
        for (Lesson.Scene scene : lesson.scenes()) {
            shown = merge(shown, scene.settings());
            out.add(shown);
        }
        return out;
    }

    /**
     * The values a scene must set, over {@code have}, to show {@code want}: those {@code have} lacks
     * or holds otherwise; and when the process differs, the whole process of {@code want} (its kind
     * and constants), since a kind drops the constants before it.
     */
    static Session.Settings delta(Session.Settings have, Session.Settings want) {
        boolean processDiffers = !process(have).equals(process(want)) && !process(want).isEmpty();
        return want.toBuilder().removeIf(key -> key.startsWith(PROCESS) ? !processDiffers
                : want.values().get(key).equals(have.values().get(key))).build();
    }

    private static Map<String, Object> process(Session.Settings settings) {
        Map<String, Object> out = new HashMap<>();
        settings.values().forEach((k, v) -> {
            if (k.startsWith(PROCESS)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /**
     * The deck of {@code scenes} in which scene k shows {@code views.get(k)}: each scene keeps its
     * own values and gets those it needs over what the scenes before it now show.
     */
    static Lesson keepViews(String title, List<Lesson.Scene> scenes, List<Session.Settings> views) {
        List<Lesson.Scene> out = new ArrayList<>();
        Session.Settings shown = Session.Settings.builder().build();
        for (int k = 0; k < scenes.size(); k++) {
            Lesson.Scene scene = scenes.get(k);
            Session.Settings add = delta(merge(shown, scene.settings()), views.get(k));
            Session.Settings.Builder settings = scene.settings().toBuilder();
            if (add.values().keySet().stream().anyMatch(key -> key.startsWith(PROCESS))) {
                settings.removeIf(key -> key.startsWith(PROCESS)); // the view's process, whole
            }
            Session.Settings kept = settings.putAll(add).build();
            out.add(new Lesson.Scene(scene.name(), scene.caption(), scene.equations(), kept));
            shown = merge(shown, kept);
        }
        return new Lesson(title, out);
    }

    /** A new deck of one scene that shows {@code captured}. */
    static Lesson start(String title, String name, String caption, List<String> equations,
                        Session.Settings captured) {
        return new Lesson(title, List.of(new Lesson.Scene(name, caption, equations, captured)));
    }

    /** The deck with a scene showing {@code captured} at {@code at} (from 0), the scenes after it unchanged. */
    static Lesson insert(Lesson lesson, int at, String name, String caption, List<String> equations,
                         Session.Settings captured) {
        InvalidInputException.require(lesson.scenes().size() < Lesson.MAX_SCENES, "A lesson holds at most "
                + Lesson.MAX_SCENES + " scenes; this one is full.");
        List<Lesson.Scene> scenes = new ArrayList<>(lesson.scenes());
        List<Session.Settings> views = new ArrayList<>(views(lesson));
        scenes.add(at, new Lesson.Scene(name, caption, equations, Session.Settings.builder().build()));
        views.add(at, captured);
        return keepViews(lesson.title(), scenes, views);
    }

    /**
     * The deck with scene {@code k} renamed, its caption and equations replaced and, when {@code
     * captured} is given, showing those settings over the ones it showed; the scenes after it unchanged.
     */
    static Lesson change(Lesson lesson, int k, String title, String name, String caption, List<String> equations,
                         java.util.Optional<Session.Settings> captured) {
        List<Lesson.Scene> scenes = new ArrayList<>(lesson.scenes());
        List<Session.Settings> views = new ArrayList<>(views(lesson));
        scenes.set(k, new Lesson.Scene(name, caption, equations, scenes.get(k).settings()));
        captured.ifPresent(c -> views.set(k, merge(views.get(k), c)));
        return keepViews(title, scenes, views);
    }

    /** The deck with scene {@code k} swapped with its neighbour {@code by} (−1 or +1) away, each showing what it showed. */
    static Lesson move(Lesson lesson, int k, int by) {
        int j = k + by;
        if (j < 0 || j >= lesson.scenes().size()) {
            return lesson;
        }
        List<Lesson.Scene> scenes = new ArrayList<>(lesson.scenes());
        List<Session.Settings> views = new ArrayList<>(views(lesson));
        java.util.Collections.swap(scenes, k, j);
        java.util.Collections.swap(views, k, j);
        return keepViews(lesson.title(), scenes, views);
    }

    /** The deck without scene {@code k}, the others showing what they showed. */
    static Lesson delete(Lesson lesson, int k) {
        InvalidInputException.require(lesson.scenes().size() > 1, "A lesson keeps at least one scene; close the "
                + "lesson instead.");
        List<Lesson.Scene> scenes = new ArrayList<>(lesson.scenes());
        List<Session.Settings> views = new ArrayList<>(views(lesson));
        scenes.remove(k);
        views.remove(k);
        return keepViews(lesson.title(), scenes, views);
    }
}
