package org.scorefield.app.view;

import static org.scorefield.app.view.FxWait.fx;
import static org.scorefield.app.view.FxWait.waitUntil;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.scorefield.app.workspace.LessonState;
import org.testfx.util.WaitForAsyncUtils;
import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

/**
 * At 1440 × 900, 1024 × 700 and in presenter mode, in every view, nothing the window shows is cut
 * or overlapping: each visible text shows whole (no ellipsis), each control lies inside the
 * window, the buttons of a bar do not overlap, and every chart tab's header is in sight. Measured on
 * the nodes' bounds, not on pixels.
 */
class LayoutBoundsTest extends WindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void nothingIsCutOrOverlappingAtAnySizeInAnyView() {
        waitUntil(60, () -> model.jobs().idle());
        // three Reflow rounds for the rounds view (the grid that once left an empty cell): a small flow
        // model, and the fewest pairs and steps the Reflow section offers
        fx(() -> {
            model.training().objectiveProperty().set(org.scorefield.core.nn.Objective.FLOW_MATCHING);
            model.training().widthProperty().set(32);
            model.training().depthProperty().set(2);
            model.reflow().pairsProperty().set(2000);
            model.reflow().trainStepsProperty().set(1000);
            for (int i = 0; i < 50; i++) {
                model.training().step();
            }
            return null;
        });
        waitUntil(90, () -> model.training().stepsProperty().get() >= 50 && model.training().model().isPresent());
        for (int round = 2; round <= 3; round++) {
            fx(() -> {
                model.reflowNextRound();
                return null;
            });
            int rounds = round;
            waitUntil(120, () -> !model.reflow().runningProperty().get() && model.reflow().rounds().size() == rounds);
        }
        List<String> problems = new ArrayList<>();
        // the Draw tool on, so that its row of class swatches is measured too
        fx(() -> {
            model.view().toolProperty().set(org.scorefield.app.settings.CanvasTool.BRUSH);
            return null;
        });
        for (int[] size : new int[][] {{1440, 900}, {1024, 700}}) {
            for (boolean presenter : new boolean[] {false, true}) {
                for (String which : List.of("single", "split", "rounds", "compare", "omega", "langevin", "lesson")) {
                    fx(() -> {
                        stage.setWidth(size[0]);
                        stage.setHeight(size[1]);
                        model.view().lookProperty().set(model.view().lookProperty().get().withPresenter(presenter));
                        view.lessons().close();
                        model.view().splitProperty().set(which.equals("split"));
                        model.view().roundsViewProperty().set(which.equals("rounds"));
                        model.view().compareProperty().set(which.equals("compare"));
                        model.view().omegaSplitProperty().set(which.equals("omega"));
                        model.view().langevinProperty().set(which.equals("langevin"));
                        if (which.equals("lesson")) {
                            view.lessons().open(LessonState.defaultLesson());
                            view.lessons().go(2); // three equations and a long caption
                        }
                        return null;
                    });
                    WaitForAsyncUtils.waitForFxEvents();
                    waitUntil(60, () -> model.jobs().idle());
                    WaitForAsyncUtils.waitForFxEvents();
                    String where = size[0] + "×" + size[1] + (presenter ? " presenter" : "") + " " + which + ": ";
                    // A layout pass, then the pulses and run-laters it causes, before measuring: what the
                    // window shows once the change has settled
                    fx(() -> {
                        stage.getScene().getRoot().applyCss();
                        stage.getScene().getRoot().layout();
                        return null;
                    });
                    WaitForAsyncUtils.waitForFxEvents();
                    fx(() -> {
                        check(view, where, problems);
                        return null;
                    });
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " layout problems:\n" + String.join("\n", problems));
        }
    }

    /** Every visible node outside the side panel's scrolling content, and the panel's own rows. */
    static void check(Parent root, String where, List<String> problems) {
        root.applyCss();
        root.layout(); // measured as the next frame shows it, not mid-way through a change
        double w = root.getScene().getWidth();
        double h = root.getScene().getHeight();
        List<Node> nodes = new ArrayList<>();
        collect(root, nodes);
        for (Node n : nodes) {
            Bounds b = n.localToScene(n.getBoundsInLocal());
            boolean scrolled = inScrollPane(n);
            if (!scrolled && (b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > w + 0.5
                    || b.getMaxY() > h + 0.5) && (n instanceof javafx.scene.control.Control)) {
                problems.add(where + name(n) + " lies outside the window: " + round(b));
            }
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() && shown(l)) {
                String drawn = drawnText(l);
                if (drawn != null && !drawn.equals(l.getText()) && drawn.endsWith("…")) {
                    problems.add(where + name(n) + " is cut: \"" + drawn + "\"");
                }
            }
            if (n instanceof TabPane tabs) {
                Bounds pane = tabs.localToScene(tabs.getBoundsInLocal());
                for (Node header : tabs.lookupAll(".tab")) {
                    Bounds hb = header.localToScene(header.getBoundsInLocal());
                    if (header.isVisible() && hb.getMaxX() > pane.getMaxX() - 30) {
                        problems.add(where + "the tab " + ((Parent) header).lookup(".tab-label") + " is cut by the "
                                + "tab pane's edge");
                    }
                }
                for (Node menu : tabs.lookupAll(".control-buttons-tab")) {
                    if (menu.isVisible()) {
                        problems.add(where + "the chart tabs do not fit: the overflow menu shows");
                    }
                }
            }
            if (n instanceof Parent p && !(n instanceof javafx.scene.control.Control) && !scrolled) {
                List<Node> buttons = p.getChildrenUnmodifiable().stream()
                        .filter(c -> c.isVisible() && c instanceof javafx.scene.control.ButtonBase).toList();
                for (int i = 0; i < buttons.size(); i++) {
                    for (int j = i + 1; j < buttons.size(); j++) {
                        Bounds a = buttons.get(i).localToScene(buttons.get(i).getBoundsInLocal());
                        Bounds c = buttons.get(j).localToScene(buttons.get(j).getBoundsInLocal());
                        if (a.getMinX() < c.getMaxX() - 1 && c.getMinX() < a.getMaxX() - 1
                                && a.getMinY() < c.getMaxY() - 1 && c.getMinY() < a.getMaxY() - 1) {
                            problems.add(where + name(buttons.get(i)) + " overlaps " + name(buttons.get(j)));
                        }
                    }
                }
            }
        }
    }

    private static void collect(Node n, List<Node> out) {
        if (!n.isVisible()) {
            return;
        }
        out.add(n);
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static boolean inScrollPane(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane) {
                return true;
            }
        }
        return false;
    }

    /** The text the skin draws (ellipsised when it does not fit), or null before the skin exists. */
    private static String drawnText(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof javafx.scene.text.Text t && c.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        return null;
    }

    private static String name(Node n) {
        String text = n instanceof Labeled l ? " \"" + l.getText() + "\"" : "";
        return n.getClass().getSimpleName() + (n.getId() != null ? "#" + n.getId() : "") + text;
    }

    private static String round(Bounds b) {
        return String.format(java.util.Locale.ROOT, "[%.0f, %.0f – %.0f, %.0f]", b.getMinX(), b.getMinY(),
                b.getMaxX(), b.getMaxY());
    }

    @SuppressWarnings("unused")
    private static String tabs(TabPane pane) {
        return pane.getTabs().stream().map(Tab::getText).toList().toString();
    }
}
