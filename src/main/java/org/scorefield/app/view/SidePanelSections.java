package org.scorefield.app.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.layout.VBox;

/**
 * The side panel's sections, top to bottom. The window's first frame styles, skins and lays out every
 * node in the scene, seen or not; at 1440 × 900 the side panel shows its title, Session, Data and
 * Process, while the sections below them (and the Langevin section, hidden outside its view) hold about
 * two thirds of the window's nodes. A window that should appear quickly builds those {@link #later}
 * and adds them after its first frame, one per pulse ({@link #buildNext()}), each in its place; every
 * other window builds them at once ({@link #buildRest()}).
 */
final class SidePanelSections {

    private final VBox panel;
    /** Top to bottom: a node already in the panel, or the builder of one still to come. */
    private final List<Object> entries = new ArrayList<>();

    SidePanelSections(VBox panel) {
        this.panel = panel;
    }

    /** A section built now. */
    void now(Node section) {
        entries.add(section);
        panel.getChildren().add(section);
    }

    /** A section built by {@link #buildNext()} or {@link #buildRest()}. */
    void later(Supplier<Node> section) {
        entries.add(section);
    }

    /** Builds every section still to come, now. */
    void buildRest() {
        while (buildNext()) {
            // one after another
        }
    }

    /** Builds the topmost section still to come into its place; false when none was left. */
    boolean buildNext() {
        int shown = 0;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof Supplier<?> builder) {
                Node section = (Node) builder.get();
                entries.set(i, section);
                panel.getChildren().add(shown, section);
                return true;
            }
            shown++;
        }
        return false;
    }
}
