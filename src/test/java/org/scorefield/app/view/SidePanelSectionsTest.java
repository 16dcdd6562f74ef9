package org.scorefield.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;

class SidePanelSectionsTest {

    private static Pane named(String id) {
        Pane p = new Pane();
        p.setId(id);
        return p;
    }

    private static List<String> ids(VBox panel) {
        List<String> out = new ArrayList<>();
        for (Node n : panel.getChildren()) {
            out.add(n.getId());
        }
        return out;
    }

    @Test
    void laterSectionsComeOneAtATimeIntoTheirPlaces() {
        VBox panel = new VBox();
        SidePanelSections sections = new SidePanelSections(panel);
        List<String> built = new ArrayList<>();
        sections.now(named("title"));
        sections.later(() -> {
            built.add("langevin");
            return named("langevin");
        });
        sections.now(named("data"));
        sections.later(() -> {
            built.add("training");
            return named("training");
        });
        sections.later(() -> {
            built.add("export");
            return named("export");
        });
        assertEquals(List.of("title", "data"), ids(panel));
        assertEquals(List.of(), built, "nothing later is built before it is asked for");

        assertTrue(sections.buildNext());
        assertEquals(List.of("title", "langevin", "data"), ids(panel));
        assertTrue(sections.buildNext());
        assertEquals(List.of("title", "langevin", "data", "training"), ids(panel));
        assertTrue(sections.buildNext());
        assertFalse(sections.buildNext(), "all built");
        assertEquals(List.of("title", "langevin", "data", "training", "export"), ids(panel));
        assertEquals(List.of("langevin", "training", "export"), built, "each built once, top to bottom");
    }

    @Test
    void buildRestBuildsEverythingAtOnce() {
        VBox panel = new VBox();
        SidePanelSections sections = new SidePanelSections(panel);
        sections.later(() -> named("a"));
        sections.now(named("b"));
        sections.later(() -> named("c"));
        sections.buildRest();
        assertEquals(List.of("a", "b", "c"), ids(panel));
        assertFalse(sections.buildNext());
    }
}
