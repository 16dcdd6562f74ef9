package org.scorefield.app.panel;

import java.io.File;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.scorefield.app.workspace.SessionState;
import org.scorefield.core.session.SessionFile;

/**
 * The session row at the top of the side panel: Open… (the recent sessions under its arrow), Save
 * and Save as… (Ctrl+O, Ctrl+S, Ctrl+Shift+S).
 */
public final class SessionSection {

    private final SessionState session;
    /** Runs an opening at once, or after the lecturer agrees (an edited lesson deck may be replaced). */
    private java.util.function.Consumer<Runnable> beforeOpen = Runnable::run;

    public SessionSection(SessionState session) {
        this.session = session;
    }

    /** What must agree before a session is opened (the window asks when an edited deck may be lost). */
    public void beforeOpen(java.util.function.Consumer<Runnable> gate) {
        this.beforeOpen = gate;
    }

    public Node build() {
        // Open… with the recent sessions under its arrow: three buttons fit the narrow panel.
        SplitMenuButton open = new SplitMenuButton();
        open.setText("Open…");
        open.setId("openSession");
        open.setTooltip(Widgets.tip("Open a session file (.scorefield): data, process, model, sampler, seeds and "
                + "view as they were saved (Ctrl+O). The arrow lists the sessions opened or saved lately."));
        open.setOnAction(e -> open(open.getScene().getWindow()));
        Button save = new Button("Save");
        save.setId("saveSession");
        save.setTooltip(Widgets.tip("Save the whole workspace, the trained model included, to its session file "
                + "(Ctrl+S). Students who open it start exactly here."));
        save.setOnAction(e -> save(save.getScene().getWindow(), false));
        Button saveAs = new Button("Save as…");
        saveAs.setId("saveSessionAs");
        saveAs.setTooltip(Widgets.tip("Save the workspace to a new session file (Ctrl+Shift+S)."));
        saveAs.setOnAction(e -> save(saveAs.getScene().getWindow(), true));
        Runnable fill = () -> {
            open.getItems().clear();
            for (Path p : session.recent()) {
                MenuItem item = new MenuItem(org.scorefield.core.io.IoReasons.fileName(p) + "  —  "
                        + (p.getParent() == null ? "" : org.scorefield.core.io.InputFiles.printable(p.getParent().toString())));
                item.setMnemonicParsing(false);
                item.setOnAction(e -> beforeOpen.accept(() -> session.open(p)));
                open.getItems().add(item);
            }
            if (open.getItems().isEmpty()) {
                MenuItem none = new MenuItem("No recent sessions yet");
                none.setDisable(true);
                open.getItems().add(none);
            }
        };
        fill.run();
        session.recent().addListener((javafx.collections.ListChangeListener<Path>) c -> fill.run());
        for (Node n : new Node[] {open, save, saveAs}) {
            n.disableProperty().bind(session.busyProperty());
        }
        HBox row = new HBox(6, open, save, saveAs);
        row.setId("sessionRow");
        row.getStyleClass().add("button-row");
        for (Node n : row.getChildren()) {
            HBox.setHgrow(n, Priority.ALWAYS);
            ((javafx.scene.control.Control) n).setMaxWidth(Double.MAX_VALUE);
            ((javafx.scene.control.Control) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        return row;
    }

    /** Asks for a session file and opens it. */
    public void open(Window owner) {
        beforeOpen.accept(() -> {
            FileChooser chooser = chooser("Open a session");
            File f = chooser.showOpenDialog(owner);
            if (f != null) {
                session.open(f.toPath());
            }
        });
    }

    /** Saves to the current file, or asks for one (always, for Save as). */
    public void save(Window owner, boolean ask) {
        Path current = session.fileProperty().get();
        if (current != null && !ask) {
            session.save(current);
            return;
        }
        FileChooser chooser = chooser("Save the session");
        chooser.setInitialFileName(current != null ? current.getFileName().toString() : "lecture" + SessionFile.EXTENSION);
        File f = chooser.showSaveDialog(owner);
        if (f != null) {
            Path chosen = f.toPath();
            Path p = chosen.getFileName().toString().endsWith(SessionFile.EXTENSION) ? chosen
                    : chosen.resolveSibling(chosen.getFileName() + SessionFile.EXTENSION);
            // the chooser asked about replacing the file it named, not the one with the ending added
            session.save(p, p.equals(chosen));
        }
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scorefield sessions",
                "*" + SessionFile.EXTENSION));
        Path current = session.fileProperty().get();
        // The folder of the current file, if it is still there: JavaFX refuses a folder that is not
        // ("Folder parameter must be a valid folder"). One look at the disk, as the dialog opens.
        if (current != null && current.toAbsolutePath().getParent() != null
                && current.toAbsolutePath().getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(current.toAbsolutePath().getParent().toFile());
        }
        return chooser;
    }
}
