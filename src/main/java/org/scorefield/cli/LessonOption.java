package org.scorefield.cli;

import org.scorefield.app.headless.Lessons;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.io.InputFiles;
import org.scorefield.core.io.IoReasons;
import org.scorefield.core.io.JsonFields;
import org.scorefield.core.session.Lesson;
import org.scorefield.core.session.LessonFile;

/** The {@code --lesson FILE|default} of the commands that show a lesson's scenes. */
final class LessonOption {

    private LessonOption() {
    }

    /** The lesson that ships for "default", otherwise the file's, read as every file is (untrusted). */
    static Lesson read(String text) {
        if ("default".equals(text)) {
            return Lessons.defaultLesson();
        }
        java.nio.file.Path file = InputFiles.argument(text, "--lesson");
        byte[] bytes = InputFiles.readBytes(file, LessonFile.MAX_BYTES, "lesson file"); // says which file
        try {
            return LessonFile.parse(bytes);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("Cannot read the lesson " + IoReasons.fileName(file) + ": "
                    + JsonFields.phrase(e.getMessage()) + ".", e);
        }
    }

    /** Refuses a --scene outside the deck, naming its range. */
    static void requireScene(Lesson deck, int scene) {
        InvalidInputException.require(scene >= 1 && scene <= deck.scenes().size(), "--scene must lie between 1 and "
                + deck.scenes().size() + " (the scenes of \"" + deck.title() + "\"), got " + scene + ".");
    }
}
