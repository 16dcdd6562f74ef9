package org.scorefield.app.headless;

import org.scorefield.app.workspace.LessonState;
import org.scorefield.core.session.Lesson;

/** The lessons the headless commands show: the one that ships with the window. */
public final class Lessons {

    private Lessons() {
    }

    /** The default lesson, as the window's Lesson menu opens it. */
    public static Lesson defaultLesson() {
        return LessonState.defaultLesson();
    }
}
