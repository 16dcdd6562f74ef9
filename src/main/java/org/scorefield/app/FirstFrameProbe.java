package org.scorefield.app;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.scorefield.StartupProbe;
import org.scorefield.app.model.ExplorerModel;

/**
 * The window's side of {@link StartupProbe}: marks the first painted frame of a shown stage and,
 * when asked, the first training step, then closes the window. Attached right after
 * {@code stage.show()} on the FX thread, before any pulse: the timer's first call is the first
 * pulse, which lays the scene out and hands it to the renderer; its second call comes once that
 * frame is on the screen, and is the one marked.
 */
final class FirstFrameProbe {

    private FirstFrameProbe() {
    }

    /** Does nothing unless {@link StartupProbe#ENV} is set. */
    static void attach(Stage stage, ExplorerModel model) {
        StartupProbe.Mode mode = StartupProbe.mode();
        if (mode == StartupProbe.Mode.OFF) {
            return;
        }
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) {
                    return;
                }
                stop();
                StartupProbe.mark("window");
                switch (mode) {
                    case WINDOW -> close(stage);
                    case STEP -> {
                        model.training().stepsProperty().addListener((obs, old, steps) -> {
                            if (old.longValue() == 0 && steps.longValue() > 0) {
                                StartupProbe.mark("first_step");
                                close(stage);
                            }
                        });
                        model.training().step();
                    }
                    default -> { }
                }
            }
        }.start();
    }

    private static void close(Stage stage) {
        stage.close();
        Platform.exit();
    }
}
