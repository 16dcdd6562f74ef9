package org.scorefield.core.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.io.InputFiles;
import org.scorefield.core.io.JsonFields;

/**
 * A lesson as a JSON file: {@code {"format": "scorefield-lesson", "version": 1, "title": …,
 * "scenes": [{"name", "caption", "equations": […], "settings": {"view": {"time": 0.3, …}, …}}]}},
 * the settings grouped by section as a session file groups them. Every file is untrusted: its size,
 * nesting, texts and counts are capped and each problem is one sentence naming the field.
 */
public final class LessonFile {

    public static final String FORMAT = "scorefield-lesson";
    public static final int VERSION = 1;
    /** The most bytes a lesson file may take. */
    public static final long MAX_BYTES = 4L * 1024 * 1024;
    /** The most characters of a caption. */
    public static final int MAX_CAPTION_CHARS = 600;
    /** The most characters of one equation. */
    public static final int MAX_EQUATION_CHARS = 400;

    /**
     * LaTeX commands a lesson may not use: they define macros, which JLaTeXMath keeps for every later
     * formula and expands without limit (\newcommand{\a}{\a}\a never returns).
     */
    private static final java.util.regex.Pattern DEFINITIONS = java.util.regex.Pattern.compile(
            "\\\\(newcommand|renewcommand|providecommand|def|gdef|edef|xdef|let|newenvironment|renewenvironment)"
                    + "(?![A-Za-z])");

    private static final ObjectMapper MAPPER = JsonFields.strictMapper(MAX_BYTES, 200_000);

    private LessonFile() {
    }

    /** Reads a lesson file. */
    public static Lesson read(Path file) {
        return parse(InputFiles.readBytes(file, MAX_BYTES, "lesson file"));
    }

    /** Reads a lesson from its bytes (a file's, or a resource's). */
    public static Lesson parse(byte[] bytes) {
        com.fasterxml.jackson.databind.JsonNode root = JsonFields.parse(MAPPER, bytes);
        InvalidInputException.require(root.isObject(), "This is not a Scorefield lesson (it is not a JSON object).");
        return fromTree(JsonFields.root(root));
    }

    /**
     * Reads a lesson from a parsed object: a file's, or the one a session file holds (see {@link
     * SessionFile}), whose fields are then named by their path in the session ("lesson.deck.scenes").
     */
    static Lesson fromTree(JsonFields f) {
        String at = f.path();
        InvalidInputException.require(FORMAT.equals(f.has("format") ? f.node("format").asText() : null),
                "This is not a Scorefield lesson (its \"format\" is not \"" + FORMAT + "\").");
        long version = f.whole("version", 1, Integer.MAX_VALUE);
        InvalidInputException.require(version <= VERSION, "This lesson was written by a newer Scorefield (format "
                + version + "; this build reads up to " + VERSION + ").");
        String title = f.text("title", JsonFields.MAX_NAME_CHARS);
        com.fasterxml.jackson.databind.JsonNode scenes = f.node("scenes");
        InvalidInputException.require(scenes.isArray(), "\"" + at + "scenes\" must be a list of scenes.");
        int n = scenes.size();
        InvalidInputException.require(n >= 1 && n <= Lesson.MAX_SCENES, "\"" + at + "scenes\" holds " + n
                + " scenes; a lesson has 1 to " + Lesson.MAX_SCENES + ".");
        List<Lesson.Scene> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JsonFields s = f.element("scenes", i);
            String name = s.text("name", JsonFields.MAX_NAME_CHARS);
            String caption = s.has("caption") ? s.text("caption", MAX_CAPTION_CHARS) : "";
            List<String> equations = new ArrayList<>();
            if (s.has("equations")) {
                com.fasterxml.jackson.databind.JsonNode list = s.node("equations");
                InvalidInputException.require(list.isArray(), "\"" + at + "scenes[" + i + "].equations\" must be a "
                        + "list of LaTeX texts.");
                InvalidInputException.require(list.size() <= Lesson.MAX_EQUATIONS, "\"" + at + "scenes[" + i
                        + "].equations\" holds " + list.size() + "; a scene shows at most "
                        + Lesson.MAX_EQUATIONS + ".");
                for (int k = 0; k < list.size(); k++) {
                    var e = list.get(k);
                    InvalidInputException.require(e.isTextual(), "\"" + at + "scenes[" + i + "].equations[" + k
                            + "]\" must be a LaTeX text of at most " + MAX_EQUATION_CHARS + " characters.");
                    String problem = equationProblem(e.textValue());
                    if (problem != null) {
                        throw new InvalidInputException("\"" + at + "scenes[" + i + "].equations[" + k + "]\" " + problem
                                + ".");
                    }
                    equations.add(e.textValue());
                }
            }
            Session.Settings settings = s.has("settings") ? SessionFile.settings(s.object("settings"))
                    : Session.Settings.builder().build();
            out.add(new Lesson.Scene(name, caption, equations, settings));
        }
        return new Lesson(title, out);
    }

    /**
     * Checks a scene as a lecturer typed it in the window, by the rules a lesson file's scenes follow:
     * a name of 1 to {@value JsonFields#MAX_NAME_CHARS} characters, a caption of at most
     * {@value #MAX_CAPTION_CHARS}, at most {@value Lesson#MAX_EQUATIONS} equations of at most
     * {@value #MAX_EQUATION_CHARS} characters that define no command.
     *
     * @throws InvalidInputException one sentence saying what is wrong, naming the equation by its line
     */
    public static void checkScene(String name, String caption, java.util.List<String> equations) {
        InvalidInputException.require(!name.isBlank(), "A scene needs a name.");
        InvalidInputException.require(name.length() <= JsonFields.MAX_NAME_CHARS, "The name is " + name.length()
                + " characters long; a scene's name has at most " + JsonFields.MAX_NAME_CHARS + ".");
        InvalidInputException.require(caption.length() <= MAX_CAPTION_CHARS, "The caption is " + caption.length()
                + " characters long; a caption has at most " + MAX_CAPTION_CHARS + ".");
        InvalidInputException.require(equations.size() <= Lesson.MAX_EQUATIONS, "There are " + equations.size()
                + " equations; a scene shows at most " + Lesson.MAX_EQUATIONS + ".");
        for (int k = 0; k < equations.size(); k++) {
            String problem = equationProblem(equations.get(k));
            if (problem != null) {
                throw new InvalidInputException("Equation " + (k + 1) + " " + problem + ".");
            }
        }
    }

    /** What is wrong with one equation, as the end of a sentence ("must be …", "uses …"), or null. */
    private static String equationProblem(String latex) {
        if (latex.length() > MAX_EQUATION_CHARS) {
            return "must be a LaTeX text of at most " + MAX_EQUATION_CHARS + " characters";
        }
        java.util.regex.Matcher m = DEFINITIONS.matcher(latex);
        if (m.find()) {
            return "uses \\" + m.group(1) + ", which defines a command: a lesson's equations may only use the "
                    + "commands LaTeX has";
        }
        return null;
    }

    /** The lesson's text. */
    public static String text(Lesson lesson) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(lesson)) + "\n";
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("The lesson cannot be written as JSON: " + e.getOriginalMessage() + ".", e);
        }
    }

    /** The lesson as a tree, as its file holds it (and a session file, see {@link SessionFile}). */
    static ObjectNode toTree(Lesson lesson) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("title", lesson.title());
        ArrayNode scenes = root.putArray("scenes");
        for (Lesson.Scene scene : lesson.scenes()) {
            ObjectNode s = scenes.addObject();
            s.put("name", scene.name());
            s.put("caption", scene.caption());
            ArrayNode equations = s.putArray("equations");
            scene.equations().forEach(equations::add);
            SessionFile.putSettings(s.putObject("settings"), scene.settings());
        }
        return root;
    }

    /**
     * The file a lesson is saved to when the lecturer chose {@code chosen}: the name itself when it
     * ends in ".json" (in any case), else the name with ".json" added ("deck" → "deck.json",
     * "week.3" → "week.3.json"). A file chooser asks before replacing the name it was given, not
     * this one, so a name that changes here has not been asked about.
     */
    public static Path withExtension(Path chosen) {
        String name = chosen.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? chosen
                : chosen.resolveSibling(name + ".json");
    }

    /** Writes the lesson, replacing the file atomically. */
    public static void write(Lesson lesson, Path file) {
        String text = text(lesson);
        JsonFields.writeAtomically(file, () -> text);
    }
}
