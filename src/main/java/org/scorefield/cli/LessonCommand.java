package org.scorefield.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scorefield.app.headless.Handout;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.io.IoReasons;
import org.scorefield.core.session.Lesson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scorefield lesson}: a lesson as a PDF handout, one page per scene (the canvas as the window
 * shows it, the caption, the equations typeset), made headless.
 */
@Command(name = "lesson", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a lesson as a PDF handout: one page per scene, with the canvas as the window shows "
                + "it, the caption and the equations (with the scene's values filled in).",
            "Prints {\"out\",\"title\",\"scenes\",\"bytes\",\"seconds\"}."},
        footer = {"", "Examples:", "  scorefield lesson --out handout.pdf",
            "  scorefield lesson --lesson my-lesson.json --theme dark --out handout.pdf"})
final class LessonCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--lesson", defaultValue = "default", paramLabel = "FILE|default",
            description = "A lesson file, or the one that ships with the window (default).")
    String lesson;

    @Option(names = "--width", defaultValue = "1440", paramLabel = "W",
            description = "Width of the window the scenes are shown in (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "900", paramLabel = "H",
            description = "Its height (default ${DEFAULT-VALUE}).")
    int height;

    @Mixin
    LookOptions lookOptions;

    @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "The PDF to write (atomically).")
    Path out;

    @Override
    public Integer call() throws IOException {
        InvalidInputException.require(width >= ScreenshotCommand.MIN_SIZE && width <= ScreenshotCommand.MAX_SIZE
                && height >= ScreenshotCommand.MIN_SIZE / 2 && height <= ScreenshotCommand.MAX_SIZE, "--width and "
                + "--height must lie between " + ScreenshotCommand.MIN_SIZE + "×" + ScreenshotCommand.MIN_SIZE / 2
                + " and " + ScreenshotCommand.MAX_SIZE + "×" + ScreenshotCommand.MAX_SIZE + ", got " + width + "×"
                + height + ".");
        InvalidInputException.require(out.getFileName() != null
                && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf"),
                "--out must name a .pdf file, got " + IoReasons.fileName(out) + ".");
        InvalidInputException.require(!Files.isDirectory(out), "Cannot write " + IoReasons.fileName(out)
                + ": it is a folder.");
        Lesson deck = LessonOption.read(lesson);
        Handout.Result result;
        try {
            result = Handout.write(deck, width, height, lookOptions.look(), out);
        } catch (IOException e) {
            throw IoReasons.cannotWrite(out, e);
        }
        ObjectNode json = Json.object();
        json.put("out", out.toString());
        json.put("title", deck.title());
        json.put("scenes", result.pages());
        json.put("bytes", result.bytes());
        Json.put(json, "seconds", result.seconds());
        Json.print(spec.commandLine().getOut(), json);
        return 0;
    }
}
