package org.scorefield.app.headless;

import java.nio.file.Path;
import org.scorefield.app.export.Animation;
import org.scorefield.app.export.AnimationWriter;
import org.scorefield.app.fx.HeadlessFx;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.settings.AnimationFormat;
import org.scorefield.app.settings.AnimationSubject;
import org.scorefield.app.theme.Look;
import org.scorefield.app.view.ExplorerView;
import org.scorefield.core.Progress;
import org.scorefield.core.session.Lesson;

/**
 * A lesson's scene animated as the window's Export section would animate it: a headless window
 * shows the scene (its data, process, sampler and view), samples, and its export composes the
 * frames; the size, rate and duration are the caller's.
 */
public final class SceneAnimation {

    /** What was written. */
    public record Result(int frames, long bytes, double seconds) {
    }

    /** What to write. */
    public record Request(Lesson lesson, int scene, AnimationSubject what, AnimationFormat format, int width,
                          int height, double fps, double seconds, double hold, boolean overlay, Look look) {
    }

    private SceneAnimation() {
    }

    /**
     * Shows scene {@code request.scene()} (from 1) and writes its animation.
     *
     * @throws org.scorefield.core.InvalidInputException when the scene has nothing of that kind to
     *         animate (the reason, as the window says it)
     */
    public static Result write(Request request, Path out) {
        long started = System.nanoTime();
        Animation animation;
        try (HeadlessWindow window = HeadlessWindow.open(1440, 900)) {
            ExplorerView view = window.view();
            ExplorerModel model = view.model();
            HeadlessFx.run(() -> {
                model.view().lookProperty().set(request.look());
                view.lessons().open(request.lesson());
                view.lessons().go(request.scene() - 1);
                view.scrubber().stop();
                model.export().whatProperty().set(request.what());
                model.sampling().resample();
            });
            HeadlessFx.waitUntil("the scene", 120, () -> HeadlessFx.call(() -> model.jobs().idle()));
            Animation shown = HeadlessFx.call(() -> view.export().animation());
            animation = new Animation(shown.frames(), request.width(), request.height(), request.fps(),
                    request.seconds(), request.hold(), request.overlay(), request.look());
            long bytes = AnimationWriter.write(request.format(), out, animation, Progress.NONE);
            return new Result(animation.frameCount(), bytes, (System.nanoTime() - started) / 1e9);
        }
    }
}
