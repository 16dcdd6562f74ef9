package org.scorefield.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorefield.core.session.Lesson;
import org.scorefield.core.session.LessonFile;
import org.scorefield.core.session.Session;

/** {@code lesson --out handout.pdf}: one page per scene; bad input is one sentence and writes nothing. */
class LessonCommandTest {

    @TempDir
    Path dir;

    @Test
    void aHandoutHasOnePagePerScene() throws Exception {
        Path deck = dir.resolve("deck.json");
        LessonFile.write(new Lesson("Two scenes", List.of(
                new Lesson.Scene("Noising", "The data dissolves.", List.of("x_t = \\alpha x_0 + \\sigma \\varepsilon",
                        "t = {{t}}"), Session.Settings.builder().put("view.time", 0.4).build()),
                new Lesson.Scene("Split", "Two samplers.", List.of(),
                        Session.Settings.builder().put("view.split", true).build()))), deck);
        Path out = dir.resolve("handout.pdf");
        CliRun r = CliRun.of("lesson", "--lesson", deck.toString(), "--width", "1024", "--height", "700",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(2, r.json().get("scenes").asInt());
        assertEquals("Two scenes", r.json().get("title").asText());
        byte[] pdf = Files.readAllBytes(out);
        assertEquals(Files.size(out), r.json().get("bytes").asLong());
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-"));
        Matcher pages = Pattern.compile("/Type\\s*/Page[^s]").matcher(text);
        int n = 0;
        while (pages.find()) {
            n++;
        }
        assertEquals(2, n, "one page per scene");
    }

    @Test
    void badInputIsOneSentenceAndWritesNothing() throws Exception {
        Path out = dir.resolve("h.pdf");
        Path notJson = Files.writeString(dir.resolve("notes.json"), "root:x:0:0");
        for (String[] args : new String[][] {
            {"lesson", "--lesson", notJson.toString(), "--out", out.toString()},
            {"lesson", "--lesson", dir.resolve("missing.json").toString(), "--out", out.toString()},
            {"lesson", "--out", dir.resolve("h.txt").toString()},
            {"lesson", "--width", "10", "--out", out.toString()}}) {
            CliRun r = CliRun.of(args);
            assertEquals(2, r.exitCode(), String.join(" ", args));
            assertTrue(r.err().lines().count() == 1 && r.err().strip().endsWith("."), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(out));
        }
    }
}
