package org.scorefield.core.session;

import java.util.List;
import org.scorefield.core.InvalidInputException;

/**
 * A lesson: an ordered deck of scenes a lecturer steps through (PageUp/PageDown, what presentation
 * clickers send). A scene is a named snapshot of what the window shows — the settings it changes,
 * by their keys in the settings table (data, process, sampler, t, layers, view) — with a caption and
 * equations whose {{placeholders}} the window fills with live values. Immutable; checked
 * against the settings table only when a scene is shown, by the window.
 *
 * @param title  what the deck is called
 * @param scenes at least one
 */
public record Lesson(String title, List<Scene> scenes) {

    /** The most scenes a deck may hold. */
    public static final int MAX_SCENES = 200;
    /** The most equations a scene may show. */
    public static final int MAX_EQUATIONS = 6;

    public Lesson {
        InvalidInputException.require(!scenes.isEmpty(), "A lesson needs at least one scene.");
        InvalidInputException.require(scenes.size() <= MAX_SCENES, "A lesson holds at most " + MAX_SCENES
                + " scenes; this one has " + scenes.size() + ".");
        scenes = List.copyOf(scenes);
    }

    /**
     * One scene.
     *
     * @param name      a short title ("Score and Tweedie")
     * @param caption   one or two sentences: what to look at
     * @param equations LaTeX, each typeset on a line of its own; the placeholders {{t}}, {{alpha}},
     *                  {{sigma}}, {{lambda}}, {{eta}}, {{steps}}, {{nfe}} and {{loss}} (doubled braces, which
     *                  LaTeX's own grouping such as x_{t} never makes) are replaced by the values on screen
     * @param settings  the settings the scene sets, by key; the others keep their values
     */
    public record Scene(String name, String caption, List<String> equations, Session.Settings settings) {
        public Scene {
            InvalidInputException.require(equations.size() <= MAX_EQUATIONS, "A scene shows at most "
                    + MAX_EQUATIONS + " equations; \"" + name + "\" has " + equations.size() + ".");
            equations = List.copyOf(equations);
        }
    }
}
