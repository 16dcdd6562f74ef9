package org.scorefield.app;

import javafx.application.Application;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The explorer window: {@link ExplorerView} in a stage titled "Scorefield". */
public final class ScorefieldApp extends Application {

    public static final String TITLE = "Scorefield";
    static final Dimension2D DEFAULT_SIZE = new Dimension2D(1440, 900);
    /** The smallest size the layout is designed and tested for. */
    static final Dimension2D DESIGN_MIN_SIZE = new Dimension2D(1024, 700);

    public static void launchWindow(String[] args) {
        Application.launch(ScorefieldApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Dimension2D size = initialSize(Screen.getPrimary().getVisualBounds());
        ExplorerView explorer = new ExplorerView();
        Scene scene = new Scene(explorer, size.getWidth(), size.getHeight());
        scene.getStylesheets().add(ScorefieldApp.class.getResource("scorefield.css").toExternalForm());
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        stage.show();
        explorer.focusTimeSlider();
    }

    /** The default size, shrunk to fit a smaller screen (a 1366×768 laptop, say). */
    static Dimension2D initialSize(Rectangle2D screen) {
        return new Dimension2D(Math.min(DEFAULT_SIZE.getWidth(), screen.getWidth()),
                Math.min(DEFAULT_SIZE.getHeight(), screen.getHeight()));
    }
}
