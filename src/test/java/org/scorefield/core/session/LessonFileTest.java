package org.scorefield.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorefield.core.InvalidInputException;

/** Lesson files: a deck comes back as it was written, and a bad file is one sentence naming its field. */
class LessonFileTest {

    @TempDir
    Path dir;

    private static Lesson deck() {
        Session.Settings first = Session.Settings.builder().put("view.time", 0.3).put("view.split", true)
                .put("data.preset", "moons").put("data.points", 500L).build();
        Session.Settings second = Session.Settings.builder().put("training.objective", "fm").build();
        return new Lesson("A lesson", List.of(
                new Lesson.Scene("Noising", "Watch the data dissolve.", List.of("x_t = \\alpha x_0 + \\sigma \\varepsilon",
                        "t = {t}"), first),
                new Lesson.Scene("Flow", "", List.of(), second)));
    }

    @Test
    void aLessonComesBackAsItWasWritten() {
        Path file = dir.resolve("deck.json");
        LessonFile.write(deck(), file);
        Lesson read = LessonFile.read(file);
        assertEquals(deck(), read);
        assertEquals(0.3, read.scenes().get(0).settings().number("view.time").orElseThrow());
        assertEquals(500L, read.scenes().get(0).settings().whole("data.points").orElseThrow());
    }

    /** A name without ".json" gets it; one with it, in any case, is kept as chosen. */
    @Test
    void aChosenNameGetsTheJsonExtensionOnce() {
        assertEquals(dir.resolve("deck.json"), LessonFile.withExtension(dir.resolve("deck")));
        assertEquals(dir.resolve("deck.json"), LessonFile.withExtension(dir.resolve("deck.json")));
        assertEquals(dir.resolve("DECK.JSON"), LessonFile.withExtension(dir.resolve("DECK.JSON")));
        assertEquals(dir.resolve("week.3.json"), LessonFile.withExtension(dir.resolve("week.3")));
        assertEquals(dir.resolve("deck.json.bak.json"), LessonFile.withExtension(dir.resolve("deck.json.bak")));
    }

    @Test
    void badFilesAreOneSentenceNamingTheField() {
        String good = LessonFile.text(deck());
        assertRefused(good.replace("scorefield-lesson", "scorefield-session"), "not a Scorefield lesson");
        assertRefused(good.replace("\"version\" : 1", "\"version\" : 7"), "newer Scorefield");
        assertRefused(good.replace("\"name\" : \"Noising\"", "\"name\" : 12"), "\"scenes[0].name\" must be a string");
        assertRefused(good.replace("\"t = {t}\"", "3"), "\"scenes[0].equations[1]\" must be a LaTeX text");
        assertRefused(good.replace("\"t = {t}\"", "\"" + "x".repeat(LessonFile.MAX_EQUATION_CHARS + 1) + "\""),
                "at most 400 characters");
        assertRefused(good.replace("\"t = {t}\"", "\"\\\\newcommand{\\\\a}{\\\\a}\\\\a\""),
                "uses \\newcommand, which defines a command");
        assertRefused(good.replace("\"t = {t}\"", "\"\\\\def\\\\x{1}\""), "uses \\def");
        assertRefused(good.replace("\"time\" : 0.3", "\"time\" : [1]"), "\"scenes[0].settings.view.time\" must be a "
                + "string, "
                + "true or false, or a number");
        assertRefused("{\"format\": \"scorefield-lesson\", \"version\": 1, \"title\": \"x\", \"scenes\": []}",
                "\"scenes\" holds 0 scenes");
        StringBuilder many = new StringBuilder("{\"format\": \"scorefield-lesson\", \"version\": 1, \"title\": \"x\", "
                + "\"scenes\": [");
        for (int i = 0; i <= Lesson.MAX_SCENES; i++) {
            many.append(i == 0 ? "" : ",").append("{\"name\": \"s\"}");
        }
        assertRefused(many + "]}", "a lesson has 1 to 200");
        assertRefused(good.substring(0, good.length() / 2), "");
    }

    private static void assertRefused(String text, String part) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> LessonFile.parse(text.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertTrue(e.getMessage().length() < 600 && !e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test
    void aFolderOrAMissingFileIsRefusedBeforeReading() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("deck.json"));
        assertThrows(InvalidInputException.class, () -> LessonFile.read(folder));
        assertThrows(InvalidInputException.class, () -> LessonFile.read(dir.resolve("missing.json")));
    }

    /** A scene typed in the window follows the file's rules, each broken one a sentence naming it. */
    @Test
    void aSceneTypedInTheWindowIsCheckedByTheFilesRules() {
        LessonFile.checkScene("Noising", "Watch.", List.of("x_t = {{t}}", "\\frac{1}{2}"));
        String[][] cases = {{" ", "", "", "A scene needs a name."},
            {"x".repeat(101), "", "", "The name is 101 characters long; a scene's name has at most 100."},
            {"s", "c".repeat(601), "", "The caption is 601 characters long; a caption has at most 600."},
            {"s", "", "\\renewcommand{\\a}{b}", "Equation 2 uses \\renewcommand, which defines a command"},
            {"s", "", "y".repeat(401), "Equation 2 must be a LaTeX text of at most 400 characters."}};
        for (String[] c : cases) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> LessonFile.checkScene(c[0], c[1],
                    c[2].isEmpty() ? List.of() : List.of("x", c[2])));
            assertTrue(e.getMessage().startsWith(c[3]), e.getMessage());
        }
        InvalidInputException many = assertThrows(InvalidInputException.class,
                () -> LessonFile.checkScene("s", "", java.util.Collections.nCopies(7, "x")));
        assertEquals("There are 7 equations; a scene shows at most 6.", many.getMessage());
    }
}
