package org.scorefield;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core imports no JavaFX, ever (STYLE.md, rule 1): the command line and the app both sit on it,
 * and headless commands must not need a display. Scans the sources, so it also catches a fully
 * qualified {@code javafx.…} name that an import check would miss.
 */
class CoreHasNoJavafxTest {

    /** Maven runs tests from the project root. */
    private static final Path CORE = Path.of("src/main/java/org/scorefield/core");
    private static final Pattern JAVAFX = Pattern.compile("\\bjavafx\\.");

    @Test
    void noCoreSourceMentionsJavafx() throws IOException {
        assertTrue(Files.isDirectory(CORE), CORE.toAbsolutePath() + " is missing: run the tests from the project root");
        List<Path> sources;
        try (Stream<Path> files = Files.walk(CORE)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertTrue(sources.size() >= 10, "expected the core's sources under " + CORE + ", found " + sources.size());

        List<String> offenders = new ArrayList<>();
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                if (JAVAFX.matcher(lines.get(i)).find()) {
                    offenders.add(source + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertTrue(offenders.isEmpty(), "core code refers to JavaFX:\n" + String.join("\n", offenders));
    }

    @Test
    void thePatternCatchesWhatItShould() {
        assertTrue(JAVAFX.matcher("import javafx.scene.paint.Color;").find());
        assertTrue(JAVAFX.matcher("var c = javafx.scene.paint.Color.RED;").find());
        assertFalse(JAVAFX.matcher("import org.scorefield.notjavafx.Thing;").find());
    }
}
