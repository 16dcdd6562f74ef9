package org.scorefield.app.headless;

import javafx.stage.Stage;
import org.scorefield.app.ScorefieldApp;
import org.scorefield.app.fx.HeadlessFx;
import org.scorefield.app.view.ExplorerView;

/**
 * The real explorer window built without a display (Monocle), for the headless tools: the
 * screenshot, the soak, the handout and a scene's animation all open it the same way.
 *
 * @param stage its stage, to close
 * @param view  the window's content
 */
record HeadlessWindow(Stage stage, ExplorerView view) implements AutoCloseable {

    /** Starts JavaFX if needed and shows a window of this size. */
    static HeadlessWindow open(int width, int height) {
        HeadlessFx.start();
        return HeadlessFx.call(() -> {
            Stage stage = new Stage();
            return new HeadlessWindow(stage, ScorefieldApp.show(stage, width, height));
        });
    }

    @Override
    public void close() {
        HeadlessFx.run(stage::close);
    }
}
