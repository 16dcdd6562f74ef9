package org.scorefield.app.view;

import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.panel.Widgets;
import org.scorefield.app.workspace.LessonState;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.session.Lesson;
import org.scorefield.core.session.LessonFile;

/**
 * The Lesson menu: start the default lesson or open a file, and the lecturer's edits of the deck —
 * new lesson, add a scene from the window, edit, move, delete, save as. Each item says what it does
 * in a tooltip; the edits that come often have keys (Ctrl+Shift+A adds, Ctrl+Shift+E edits,
 * Ctrl+Shift+PageUp/PageDown move the scene, as browsers move a tab). The commands are {@link
 * LessonState}'s; this asks for their texts ({@link SceneDialog}) and for a confirmation to delete a
 * scene or to replace a deck edited since it was opened or saved, since Undo keeps the window's
 * settings, not the deck.
 */
final class LessonMenu {

    private final ExplorerModel model;
    private final LessonState lessons;
    private final MenuButton menu = new MenuButton("Lesson");

    LessonMenu(ExplorerModel model, LessonState lessons) {
        this.model = model;
        this.lessons = lessons;
        createView();
    }

    MenuButton menu() {
        return menu;
    }

    private void createView() {
        BooleanBinding none = lessons.lessonProperty().isNull();
        MenuItem start = item("The default lesson   PageDown", "startLesson",
                "The lesson that ships with Scorefield: from the data to Reflow in eight scenes.",
                () -> confirmReplace("Open the default lesson", () -> lessons.open(LessonState.defaultLesson())));
        MenuItem open = item("Open a lesson file…", "openLesson", "A deck of your own, saved with Save lesson as…",
                () -> confirmReplace("Open a lesson file", this::openFile));
        MenuItem fresh = item("New lesson from the window…", "newLesson", "Start a deck of your own: its first "
                + "scene is the window as it is now. Add the next ones the same way.",
                () -> confirmReplace("Start a new lesson", () -> askScene(true, false)));
        MenuItem add = item("Add scene from the window…   Ctrl+Shift+A", "addScene", "A scene after the one on "
                + "screen that shows the window as it is now: data, process, sampler, t, layers and view.",
                () -> askScene(false, false));
        MenuItem edit = item("Edit scene…   Ctrl+Shift+E", "editScene", "The scene's name, caption and equations; "
                + "or take the window's settings for it.", () -> askScene(false, true));
        MenuItem up = item("Move scene up   Ctrl+Shift+PageUp", "moveSceneUp", "One place earlier; every scene "
                + "still shows what it showed.", () -> lessons.move(-1));
        MenuItem down = item("Move scene down   Ctrl+Shift+PageDown", "moveSceneDown", "One place later; every "
                + "scene still shows what it showed.", () -> lessons.move(1));
        MenuItem delete = item("Delete scene…", "deleteScene", "Take the scene on screen out of the deck; the "
                + "others still show what they showed.", this::confirmDelete);
        MenuItem save = item("Save lesson as…", "saveLesson", "Write the deck as a lesson file (JSON) to open "
                + "again or share. A saved session keeps the deck too.", this::saveFile);
        for (MenuItem needsLesson : List.of(add, edit, up, down, delete, save)) {
            needsLesson.disableProperty().bind(none);
        }
        menu.getItems().setAll(start, open, fresh, new SeparatorMenuItem(), add, edit, up, down, delete,
                new SeparatorMenuItem(), save);
        menu.setId("lessonMenu");
        menu.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        menu.setTooltip(Widgets.tip("Step through a lesson: scenes of the window with a caption and live "
                + "equations. PageDown and PageUp (what presentation clickers send) step the scenes. Make your "
                + "own: New lesson, then set the window and Add scene for each step."));
    }

    /** A menu item whose text carries a tooltip (a plain MenuItem has none) and an id to find it by. */
    private static MenuItem item(String text, String id, String tooltip, Runnable action) {
        Label label = new Label(text);
        label.setId(id);
        label.setTooltip(Widgets.tip(tooltip));
        label.setMaxWidth(Double.MAX_VALUE);
        CustomMenuItem item = new CustomMenuItem(label);
        item.setId(id + "Item");
        item.setOnAction(e -> action.run());
        return item;
    }

    /**
     * The edit keys, when they are this menu's: Ctrl+Shift+A, Ctrl+Shift+E, Ctrl+Shift+PageUp and
     * Ctrl+Shift+PageDown. Returns whether the key was one.
     */
    boolean handle(KeyEvent e) {
        if (!e.isShortcutDown() || !e.isShiftDown() || lessons.lessonProperty().get() == null) {
            return false;
        }
        KeyCode code = e.getCode();
        switch (code) {
            case A -> askScene(false, false);
            case E -> askScene(false, true);
            case PAGE_UP -> lessons.move(-1);
            case PAGE_DOWN -> lessons.move(1);
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * Asks for a scene's texts and makes it: a new lesson ({@code fresh}), a scene added from the
     * window, or the scene on screen edited ({@code editing}).
     */
    private void askScene(boolean fresh, boolean editing) {
        Lesson lesson = lessons.lessonProperty().get();
        if (!fresh && lesson == null) {
            return;
        }
        Lesson.Scene shown = editing ? lessons.scene().orElse(null) : null;
        if (editing && shown == null) {
            return;
        }
        String heading = fresh ? "New lesson" : editing ? "Edit scene " + (lessons.indexProperty().get() + 1)
                : "Add a scene after scene " + (lessons.indexProperty().get() + 1);
        SceneDialog.Texts start = new SceneDialog.Texts(fresh ? "My lesson" : lesson.title(),
                shown != null ? shown.name() : fresh ? "Scene 1" : "",
                shown != null ? shown.caption() : "", shown != null ? shown.equations() : List.of(), false);
        SceneDialog.show(window(), heading, start, fresh || editing, editing, lessons::fill, texts -> {
            if (fresh) {
                lessons.start(texts.title(), texts.name(), texts.caption(), texts.equations());
            } else if (editing) {
                lessons.change(texts.title(), texts.name(), texts.caption(), texts.equations(), texts.fromWindow());
            } else {
                lessons.add(texts.name(), texts.caption(), texts.equations());
            }
        });
    }

    private void confirmDelete() {
        Lesson.Scene scene = lessons.scene().orElse(null);
        if (scene == null) {
            return;
        }
        int k = lessons.indexProperty().get();
        if (lessons.lessonProperty().get().scenes().size() == 1) {
            model.messageProperty().set("A lesson keeps at least one scene; close the lesson instead.");
            return;
        }
        ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "The other scenes keep showing what they showed. "
                + "Undo (Ctrl+Z) puts the window's settings back, not the deck: save the lesson first to keep a copy.",
                delete, ButtonType.CANCEL);
        ask.setTitle("Scorefield");
        ask.setHeaderText("Delete scene " + (k + 1) + ", \u201c" + scene.name() + "\u201d?");
        ask.initOwner(window());
        SceneDialog.style(ask.getDialogPane(), window());
        ask.getDialogPane().setId("deleteSceneDialog");
        ask.resultProperty().addListener((obs, old, answer) -> {
            if (answer == delete) {
                try {
                    lessons.delete();
                } catch (InvalidInputException e) {
                    model.messageProperty().set(e.getMessage());
                }
            }
        });
        ask.show();
    }

    /**
     * Runs {@code replace}, which puts another deck in place of the one open, at once when the deck is
     * not edited since it was opened or saved, else once the lecturer agrees to lose the edits.
     */
    private void confirmReplace(String what, Runnable replace) {
        confirm(what + " and discard the edits of \u201c{title}\u201d?", "Discard the edits", replace);
    }

    /**
     * Runs {@code open} at once when the deck is not edited since it was opened or saved, else once the
     * lecturer agrees: a session that holds a lesson replaces the deck open (one without leaves it).
     */
    void confirmOpenSession(Runnable open) {
        confirm("Open a session? One that holds a lesson replaces \u201c{title}\u201d and its edits.",
                "Open a session", open);
    }

    private void confirm(String header, String agree, Runnable replace) {
        Lesson lesson = lessons.lessonProperty().get();
        if (lesson == null || !lessons.editedProperty().get()) {
            replace.run();
            return;
        }
        ButtonType discard = new ButtonType(agree, ButtonBar.ButtonData.OK_DONE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "The lesson \u201c" + lesson.title() + "\u201d has "
                + "edits that are not saved, and Undo (Ctrl+Z) puts the window's settings back, not the deck: "
                + "cancel and use Save lesson as\u2026 to keep them.", discard, ButtonType.CANCEL);
        ask.setTitle("Scorefield");
        ask.setHeaderText(header.replace("{title}", lesson.title())); // a title is the file's text: no format
        ask.initOwner(window());
        SceneDialog.style(ask.getDialogPane(), window());
        ask.getDialogPane().setId("replaceLessonDialog");
        // once the question is gone: replacing may ask for a file or a scene's texts in a dialog of its own
        ask.setOnHidden(e -> {
            if (ask.getResult() == discard) {
                replace.run();
            }
        });
        ask.show();
    }

    private void openFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a lesson");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lessons (JSON)", "*.json"));
        java.io.File file = chooser.showOpenDialog(window());
        if (file != null) {
            lessons.openFile(file.toPath());
        }
    }

    private void saveFile() {
        Lesson lesson = lessons.lessonProperty().get();
        if (lesson == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the lesson");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lessons (JSON)", "*.json"));
        chooser.setInitialFileName(fileName(lesson.title()) + ".json");
        java.io.File file = chooser.showSaveDialog(window());
        if (file != null) {
            // the chooser asked before replacing the name chosen, not one with ".json" added to it
            java.nio.file.Path path = LessonFile.withExtension(file.toPath());
            lessons.saveAs(path, path.equals(file.toPath()));
        }
    }

    /** A title as a file name: letters, digits and dashes. */
    static String fileName(String title) {
        String name = Arrays.stream(title.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).reduce((a, b) -> a + "-" + b).orElse("lesson");
        return name.length() > 60 ? name.substring(0, 60) : name;
    }

    private Window window() {
        return menu.getScene() == null ? null : menu.getScene().getWindow();
    }
}
