package org.scorefield.app.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.geometry.Pos;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.scilab.forge.jlatexmath.TeXIcon;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.panel.Widgets;
import org.scorefield.app.theme.Look;
import org.scorefield.app.workspace.LessonState;
import org.scorefield.core.session.Lesson;

/**
 * The lesson's strip above the canvas while a lesson is open: the scene's name and caption and its
 * equations typeset; its buttons (◀, the place in the deck, ▶, the scene list, Close; PageUp and
 * PageDown step too) sit among the primary actions ({@link #navigation()}). The equations are typeset
 * (JLaTeXMath) with the values on screen filled in: t, α, σ, λ, η, the steps,
 * the NFE and the training loss, redrawn as they change.
 */
final class LessonBar extends VBox {

    private final ExplorerModel model;
    private final LessonState lessons;
    private final Label title = new Label();
    private final Label place = new Label();
    private final HBox navigation;
    private final Label caption = new Label();
    private final ImageView equations = new ImageView();
    private final MenuButton scenes = new MenuButton("Scenes");

    LessonBar(ExplorerModel model, LessonState lessons) {
        this.model = model;
        this.lessons = lessons;
        getStyleClass().add("lesson-bar");
        setId("lessonBar");

        Button previous = new Button("\u25c0");
        previous.setId("lessonPrevious");
        previous.setTooltip(Widgets.tip("The scene before (PageUp)."));
        previous.setOnAction(e -> lessons.previous());
        Button next = new Button("\u25b6");
        next.setId("lessonNext");
        next.setTooltip(Widgets.tip("The next scene (PageDown, what a presentation clicker sends)."));
        next.setOnAction(e -> lessons.next());
        title.setId("lessonTitle");
        title.getStyleClass().add("lesson-title");
        title.setMinWidth(0);
        scenes.setId("lessonScenes");
        scenes.setTooltip(Widgets.tip("Go to any scene of the lesson."));
        scenes.setMinWidth(USE_PREF_SIZE);
        Button close = new Button("Close");
        close.setId("lessonClose");
        close.setTooltip(Widgets.tip("Leave the lesson; the window stays as the scene left it."));
        close.setOnAction(e -> lessons.close());
        close.setMinWidth(USE_PREF_SIZE);
        place.setId("lessonPlace");
        place.getStyleClass().add("figures");
        place.setMinWidth(USE_PREF_SIZE);
        navigation = new HBox(4, previous, place, next, scenes, close);
        navigation.setAlignment(Pos.CENTER_LEFT);
        navigation.setMinWidth(USE_PREF_SIZE);
        navigation.visibleProperty().bind(lessons.lessonProperty().isNotNull());
        navigation.managedProperty().bind(navigation.visibleProperty());

        caption.setId("lessonCaption");
        caption.getStyleClass().add("lesson-caption");
        caption.setWrapText(true);
        caption.setMinHeight(USE_PREF_SIZE);
        caption.setMaxWidth(Double.MAX_VALUE);
        equations.setId("lessonEquations");
        equations.setSmooth(true);
        equations.setPreserveRatio(true);
        VBox words = new VBox(2, title, caption);
        HBox.setHgrow(words, Priority.ALWAYS);
        words.setMinWidth(120);
        words.setPrefWidth(200);
        HBox body = new HBox(16, words, equations);
        // the caption takes the room the equations leave and wraps in it (a wrapping label would
        // otherwise ask for its one-line width and widen the whole centre column)
        caption.setPrefWidth(200);
        caption.setMinWidth(120);
        body.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(body);

        visibleProperty().bind(lessons.lessonProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        lessons.lessonProperty().addListener(obs -> showLesson());
        lessons.indexProperty().addListener(obs -> showScene());
        for (Observable o : new Observable[] {model.view().timeProperty(), model.exactPathProperty(),
                model.sampling().etaProperty(), model.sampling().stepsProperty(), model.sampling().solverProperty(),
                model.training().lossProperty(), model.view().lookProperty()}) {
            o.addListener(obs -> drawEquations());
        }
        widthProperty().addListener((obs, old, w) -> {
            boolean now = w.doubleValue() > 0 && w.doubleValue() < NARROW;
            if (now != narrow) {
                narrow = now;
                drawEquations();
            } else {
                fitEquations();
            }
        });
        showLesson();
    }

    /**
     * The lesson's buttons, which sit among the primary actions above the canvas while a lesson is
     * open: ◀, the scene's place in the deck, ▶, the scene list and Close.
     */
    HBox navigation() {
        return navigation;
    }

    /** The equations' width at their size; shown narrower when the bar has no room (never cut). */
    private double natural;

    private void fitEquations() {
        double room = 0.6 * (getWidth() - getInsets().getLeft() - getInsets().getRight());
        equations.setFitWidth(room > 0 ? Math.min(natural, room) : natural);
    }

    /** What the image of the equations shows now: their filled texts, size and look. */
    private List<Object> drawn;

    /** Below this width the equations are set smaller. */
    static final double NARROW = 760;
    private boolean narrow;

    private void showLesson() {
        Lesson lesson = lessons.lessonProperty().get();
        List<MenuItem> items = new ArrayList<>();
        if (lesson != null) {
            for (int i = 0; i < lesson.scenes().size(); i++) {
                int k = i;
                MenuItem item = new MenuItem((i + 1) + "  " + lesson.scenes().get(i).name());
                item.setOnAction(e -> lessons.go(k));
                items.add(item);
            }
        }
        scenes.getItems().setAll(items);
        showScene();
    }

    private void showScene() {
        Lesson lesson = lessons.lessonProperty().get();
        lessons.scene().ifPresentOrElse(scene -> {
            title.setText(scene.name());
            place.setText(String.format(Locale.ROOT, "%d / %d", lessons.indexProperty().get() + 1,
                    lesson.scenes().size()));
            caption.setText(scene.caption());
        }, () -> {
            title.setText("");
            place.setText("");
            caption.setText("");
        });
        drawEquations();
    }

    /**
     * The scene's equations, one per line, with the values on screen filled in: typeset into an image
     * at twice the size shown (JLaTeXMath's fonts are drawn by Java2D, which has them), so they stay
     * sharp on a projector.
     */
    void drawEquations() {
        List<String> texts = lessons.scene().map(Lesson.Scene::equations).orElse(List.of());
        if (texts.isEmpty()) {
            drawn = null;
            equations.setImage(null);
            equations.setFitWidth(0);
            return;
        }
        Look look = model.view().lookProperty().get();
        // smaller in a narrow window (a 1024 × 700 projector), so the canvas keeps its room
        float size = (float) (2 * (narrow ? 14 : 17) * look.scale());
        // typeset again only when what it shows changed: t moves at 60 Hz while playing, and most
        // equations hold no value that moves with it
        List<String> filled = texts.stream().map(lessons::fill).toList();
        List<Object> key = List.of(filled, size, look);
        if (key.equals(drawn)) {
            return;
        }
        drawn = key;
        List<TeXIcon> icons = new ArrayList<>();
        int width = 1;
        int height = 0;
        int gap = Math.round(size * 0.3f);
        for (String text : filled) {
            TeXIcon icon = Equations.typeset(text, size);
            icons.add(icon);
            width = Math.max(width, icon.getIconWidth());
            height += icon.getIconHeight() + gap;
        }
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, Math.max(1, height - gap),
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        javafx.scene.paint.Color fg = look.palette().text();
        java.awt.Color ink = new java.awt.Color((float) fg.getRed(), (float) fg.getGreen(), (float) fg.getBlue());
        int y = 0;
        for (TeXIcon icon : icons) {
            icon.setForeground(ink);
            icon.paintIcon(null, g, 0, y);
            y += icon.getIconHeight() + gap;
        }
        g.dispose();
        equations.setImage(SwingFXUtils.toFXImage(image, null));
        natural = image.getWidth() / 2.0;
        fitEquations();
    }
}
