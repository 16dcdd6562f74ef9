package org.scorefield.app;

import javafx.application.Application;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.theme.Look;
import org.scorefield.app.view.ExplorerView;
import org.scorefield.app.workspace.SessionState;

/** The explorer window: {@link ExplorerView} in a stage titled "Scorefield". */
public final class ScorefieldApp extends Application {

    public static final String TITLE = "Scorefield";
    static final Dimension2D DEFAULT_SIZE = new Dimension2D(1440, 900);
    /** The smallest size the layout is designed and tested for. */
    public static final Dimension2D DESIGN_MIN_SIZE = new Dimension2D(1024, 700);

    public static void launchWindow(String[] args) {
        Application.launch(ScorefieldApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        org.scorefield.StartupProbe.mark("toolkit");
        Dimension2D size = initialSize(Screen.getPrimary().getVisualBounds());
        ExplorerView explorer = show(stage, size.getWidth(), size.getHeight(), true);
        FirstFrameProbe.attach(stage, explorer.model());
        explorer.finishQuickStart();
    }

    /**
     * Builds the explorer into the stage at the given size and shows it; closing the stage stops
     * training and the background work.
     */
    public static ExplorerView show(Stage stage, double width, double height) {
        return show(stage, width, height, false);
    }

    /**
     * @param quickStart leave the side panel's sections below its first screen for
     *        {@link ExplorerView#finishQuickStart()} (the window as a user starts it; tests and
     *        headless renders build everything at once)
     */
    static ExplorerView show(Stage stage, double width, double height, boolean quickStart) {
        ExplorerModel model = new ExplorerModel(org.scorefield.app.jobs.Jobs.withThreads(javafx.application.Platform::runLater));
        org.scorefield.StartupProbe.mark("model");
        ExplorerView explorer = new ExplorerView(model, quickStart);
        org.scorefield.StartupProbe.mark("view");
        Scene scene = new Scene(explorer, width, height);
        scene.getStylesheets().add(ScorefieldApp.class.getResource("scorefield.css").toExternalForm());
        applyLook(scene, model.view().lookProperty().get());
        model.view().lookProperty().addListener((obs, old, look) -> applyLook(scene, look));
        SessionState session = explorer.session();
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            java.nio.file.Path file = session.fileProperty().get();
            return file == null ? TITLE : file.getFileName() + " \u2014 " + TITLE;
        }, session.fileProperty()));
        stage.setScene(scene);
        var icon = ScorefieldApp.class.getResource("icon.png");
        if (icon != null) {
            stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
        }
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        javafx.animation.Timeline autosave = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.seconds(SessionState.AUTOSAVE_SECONDS), e -> session.autosave()));
        autosave.setCycleCount(javafx.animation.Animation.INDEFINITE);
        autosave.play();
        stage.setOnHidden(e -> {
            autosave.stop();
            session.close();
            model.close();
        });
        stage.show();
        org.scorefield.StartupProbe.mark("shown");
        explorer.focusTimeSlider();
        session.findCrashed(crashed -> offerRestore(stage, session, crashed));
        return explorer;
    }

    /** After a crash: restore the autosaved work, or throw it away (the question does not block the window). */
    private static void offerRestore(Stage stage, SessionState session, SessionState.Crashed crashed) {
        javafx.scene.control.ButtonType restore = new javafx.scene.control.ButtonType("Restore",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.ButtonType discard = new javafx.scene.control.ButtonType("Discard",
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "Scorefield did not close properly last time. Its work was autosaved on " + crashed.when()
                        + ". Restore it?", restore, discard);
        ask.setTitle(TITLE);
        ask.setHeaderText("Restore the unsaved work?");
        ask.initOwner(stage);
        ask.resultProperty().addListener((obs, old, answer) -> {
            if (answer == restore) {
                session.restore(crashed);
            } else if (answer != null) {
                session.discard(crashed);
            }
        });
        ask.show();
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
    public static Dimension2D initialSize(Rectangle2D screen) {
        return new Dimension2D(Math.min(DEFAULT_SIZE.getWidth(), screen.getWidth()),
                Math.min(DEFAULT_SIZE.getHeight(), screen.getHeight()));
    }
}
