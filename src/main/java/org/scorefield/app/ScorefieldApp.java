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
        show(stage, size.getWidth(), size.getHeight());
    }

    /**
     * Builds the explorer into the stage at the given size and shows it; closing the stage stops
     * training and the background work.
     */
    public static ExplorerView show(Stage stage, double width, double height) {
        ExplorerModel model = new ExplorerModel();
        ExplorerView explorer = new ExplorerView(model);
        Scene scene = new Scene(explorer, width, height);
        scene.getStylesheets().add(ScorefieldApp.class.getResource("scorefield.css").toExternalForm());
        applyLook(scene, model.lookProperty().get());
        model.lookProperty().addListener((obs, old, look) -> applyLook(scene, look));
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        stage.setOnHidden(e -> {
            explorer.export().close();
            model.close();
        });
        stage.show();
        explorer.focusTimeSlider();
        return explorer;
    }

    /** The theme and presenter mode as style classes on the root: the stylesheet does the rest. */
    static void applyLook(Scene scene, Look look) {
        var classes = scene.getRoot().getStyleClass();
        classes.removeAll("dark", "presenter");
        if (look.dark()) {
            classes.add("dark");
        }
        if (look.presenter()) {
            classes.add("presenter");
        }
    }

    /** The default size, shrunk to fit a smaller screen (a 1366×768 laptop, say). */
    static Dimension2D initialSize(Rectangle2D screen) {
        return new Dimension2D(Math.min(DEFAULT_SIZE.getWidth(), screen.getWidth()),
                Math.min(DEFAULT_SIZE.getHeight(), screen.getHeight()));
    }
}
