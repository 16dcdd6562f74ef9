package org.scorefield.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The explorer window (placeholder until the window issue). */
public final class ScorefieldApp extends Application {

    public static void launchWindow(String[] args) {
        Application.launch(ScorefieldApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(new Label("Scorefield")), 1440, 900));
        stage.setTitle("Scorefield");
        stage.show();
    }
}
