package org.scorefield.app.view;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.scorefield.app.panel.Widgets;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.session.LessonFile;

/**
 * The small dialog that asks for a scene's texts: the lesson's title (for a new lesson or an edit),
 * the scene's name and caption, and its equations, one LaTeX line each, with "Take the window's
 * settings" when a scene is edited. OK checks the texts by a lesson file's rules, then typesets
 * every equation (placeholders filled in): a problem is one sentence in the dialog, which stays
 * open, and nothing changes.
 */
final class SceneDialog {

    /** What the dialog asks for. */
    record Texts(String title, String name, String caption, List<String> equations, boolean fromWindow) {
    }

    private SceneDialog() {
    }

    /**
     * Shows the dialog (not blocking) and calls {@code change} when OK is pressed with texts that pass.
     *
     * @param withTitle  whether the lesson's title is asked for too
     * @param fromWindow whether to offer "Take the window's settings" (an edit)
     * @param fill       the window's placeholders filled in, to typeset an equation as the bar will
     * @param change     makes the change the texts ask for; an {@link InvalidInputException} keeps the
     *                   dialog open with its sentence
     */
    static Dialog<ButtonType> show(Window owner, String heading, Texts start, boolean withTitle, boolean fromWindow,
                                   UnaryOperator<String> fill, Consumer<Texts> change) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Scorefield");
        dialog.setHeaderText(heading);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        DialogPane pane = dialog.getDialogPane();
        pane.setId("sceneDialog");
        style(pane, owner);
        pane.getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);

        TextField title = new TextField(start.title());
        title.setId("lessonTitleField");
        title.setTooltip(Widgets.tip("What the deck is called, at the top of a handout and in the file."));
        TextField name = new TextField(start.name());
        name.setId("sceneNameField");
        name.setPromptText("A short title, e.g. Score and Tweedie");
        name.setTooltip(Widgets.tip("The scene's title in the lesson bar and the scene list (up to 100 characters)."));
        TextArea caption = new TextArea(start.caption());
        caption.setId("sceneCaptionField");
        caption.setWrapText(true);
        caption.setPrefRowCount(3);
        caption.setPromptText("One or two sentences: what to look at.");
        caption.setTooltip(Widgets.tip("Shown under the title while the scene is on screen (up to "
                + LessonFile.MAX_CAPTION_CHARS + " characters)."));
        TextArea equations = new TextArea(String.join("\n", start.equations()));
        equations.setId("sceneEquationsField");
        equations.setPrefRowCount(4);
        equations.setStyle("-fx-font-family: monospace;");
        equations.setPromptText("x_t = \\alpha(t)\\,x_0 + \\sigma(t)\\,\\varepsilon");
        equations.setTooltip(Widgets.tip("LaTeX, one equation a line (up to 6). {{t}}, {{alpha}}, {{sigma}}, "
                + "{{lambda}}, {{eta}}, {{steps}}, {{nfe}} and {{loss}} show the values on screen."));
        CheckBox window = new CheckBox("Take the window's settings for this scene");
        window.setId("sceneFromWindow");
        window.setTooltip(Widgets.tip("The scene shows the window as it is now: data, process, sampler, t, "
                + "layers and view; the scenes after it keep their look."));
        Label problem = new Label();
        problem.setId("sceneProblem");
        problem.getStyleClass().addAll("caption", "warning");
        problem.setWrapText(true);
        problem.setMaxWidth(520);
        problem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        GridPane grid = new GridPane();
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never "…" for a label
        grid.getColumnConstraints().add(labels);
        grid.setHgap(10);
        grid.setVgap(8);
        int row = 0;
        if (withTitle) {
            grid.addRow(row++, new Label("Lesson"), title);
        }
        grid.addRow(row++, new Label("Scene"), name);
        grid.addRow(row++, new Label("Caption"), caption);
        grid.addRow(row++, new Label("Equations"), equations);
        if (fromWindow) {
            grid.add(window, 1, row++);
        }
        grid.add(problem, 0, row, 2, 1);
        GridPane.setHgrow(name, Priority.ALWAYS);
        name.setPrefColumnCount(32);
        pane.setContent(grid);
        pane.setPrefWidth(600);

        Button ok = (Button) pane.lookupButton(ButtonType.OK);
        ok.setId("sceneOk");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            List<String> lines = Arrays.stream(equations.getText().split("\\R")).map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
            Texts texts = new Texts(title.getText(), name.getText(), caption.getText().strip(), lines,
                    window.isSelected());
            try {
                // the file's rules first: a definition (\def) must never reach the typesetter
                LessonFile.checkScene(texts.name(), texts.caption(), lines);
                for (int k = 0; k < lines.size(); k++) {
                    String why = Equations.problem(fill.apply(lines.get(k)));
                    InvalidInputException.require(why == null, "Equation " + (k + 1) + " cannot be typeset: " + why
                            + ".");
                }
                change.accept(texts);
            } catch (InvalidInputException refused) {
                problem.setText(refused.getMessage());
                pane.getScene().getWindow().sizeToScene();
                e.consume(); // the dialog stays open, and nothing has changed
            }
        });
        dialog.show();
        name.requestFocus();
        return dialog;
    }

    /** The window's stylesheet, theme and presenter mode on a dialog of it. */
    static void style(DialogPane pane, Window owner) {
        if (owner != null && owner.getScene() != null) {
            pane.getStylesheets().setAll(owner.getScene().getStylesheets());
            owner.getScene().getRoot().getStyleClass().stream().filter(c -> c.equals("dark") || c.equals("presenter"))
                    .forEach(pane.getStyleClass()::add);
        }
    }
}
