package org.scorefield.app.view;

import static org.scorefield.app.view.FxWait.fx;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorefield.app.ScorefieldApp;
import org.scorefield.app.model.ExplorerModel;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A test of the real window, headless through TestFX on Monocle: each test gets a fresh window of
 * {@link #width()} × {@link #height()}, closed after it.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTest {

    Stage stage;
    ExplorerView view;
    ExplorerModel model;
    /** When the window was shown, from System.nanoTime. */
    long opened;

    int width() {
        return 1440;
    }

    int height() {
        return 900;
    }

    /** Shows the window; each test class calls it from its own {@code @Start} (TestFX looks only there). */
    void open(Stage stage) {
        this.stage = stage;
        this.view = ScorefieldApp.show(stage, width(), height());
        // TestFX hands every class the same stage: one that a test before resized (to 1024 px, say) keeps
        // that size over the new scene's unless it is fitted to the scene again
        stage.sizeToScene();
        this.model = view.model();
        this.opened = System.nanoTime();
    }

    @AfterEach
    void closeWindow() {
        fx(() -> {
            stage.close();
            return null;
        });
    }
}
