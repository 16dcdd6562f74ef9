package org.scorefield.app.panel;

import java.io.File;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.controlsfx.control.ToggleSwitch;
import org.scorefield.app.settings.AnimationFormat;
import org.scorefield.app.export.Figure;
import org.scorefield.app.model.ExportSettings;
import org.scorefield.app.settings.Settings;
import org.scorefield.app.settings.AnimationSubject;
import org.scorefield.app.settings.FrameSize;
import org.scorefield.app.workspace.ExportState;

/**
 * The Export section: an animation of the canvas (noising sweep or sampling) as MP4, GIF, APNG or
 * PNG frames with its size, frame rate, duration and overlay, with progress and Cancel; the canvas
 * as a PNG at twice its size; the samples and their paths as CSV.
 */
public final class ExportSection {

    private final ExportState export;
    private final ExportSettings settings;
    private final java.util.function.Function<Figure.Format, org.scorefield.app.export.Figure.Sized> charts;

    /** @param charts draws the charts on screen in a format (null when they are hidden) */
    public ExportSection(ExportState export, ExportSettings settings,
                  java.util.function.Function<Figure.Format, org.scorefield.app.export.Figure.Sized> charts) {
        this.export = export;
        this.settings = settings;
        this.charts = charts;
    }

    public TitledPane build() {
        ComboBox<AnimationSubject> what = Controls.choices(Settings.ANIMATION, settings.whatProperty(), "exportWhat");
        ComboBox<AnimationFormat> format = Controls.choices(Settings.FORMAT, settings.formatProperty(),
                "exportFormat");
        ComboBox<FrameSize> size = Controls.choices(Settings.FRAME_SIZE, settings.sizeProperty(), "exportSize");
        ComboBox<Integer> fps = Controls.choices(Settings.FPS, settings.fpsProperty(), "exportFps");
        Spinner<Double> seconds = Controls.spinner(Settings.SECONDS, settings.secondsProperty(), "exportSeconds");
        ToggleSwitch overlay = Controls.toggle(Settings.OVERLAY, settings.overlayProperty(), "exportOverlay");

        Button animate = new Button("Export animation…");
        animate.setId("exportAnimation");
        animate.getStyleClass().add("primary");
        animate.setTooltip(Widgets.tip("Render the animation frame by frame from the current state, drawn as the "
                + "canvas draws it, and write it. The window stays usable meanwhile."));
        // refused before a file is named, with the reason; the name offered says what it holds
        animate.setOnAction(e -> {
            if (export.animationReady()) {
                choose(animate, settings.formatProperty().get(), export.suggestedName(), export::exportAnimation);
            }
        });
        animate.disableProperty().bind(export.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("exportCancel");
        cancel.setTooltip(Widgets.tip("Stop the export; nothing is written."));
        cancel.setOnAction(e -> export.cancel());
        cancel.disableProperty().bind(export.runningProperty().not());
        HBox animationButtons = buttons(animate, cancel);

        ProgressBar progress = new ProgressBar();
        progress.setId("exportProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(export.progressProperty());
        progress.visibleProperty().bind(export.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label status = Widgets.caption("");
        status.setId("exportStatus");
        status.textProperty().bind(export.statusProperty());
        status.visibleProperty().bind(export.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());

        Button figure = saveButton("Figure…", "exportFigure", "Save the canvas as it is now: a PNG at twice its "
                + "size on screen, or a vector SVG or PDF for lecture notes (choose by the file's ending).",
                "canvas.png", export::saveFigure);
        Button chartsButton = saveButton("Charts…", "exportCharts", "Save the charts on the right as they are shown "
                + "(the schedule over the open tab's chart): PNG at twice their size, or vector SVG or PDF.",
                "charts.png", out -> export.saveCharts(out, charts.apply(Figure.Format.of(out))));
        Button samples = saveButton("Samples…", "exportSamples", "Save the end points of the samples on screen as CSV "
                + "(x,y rows; x,y,label for guided samples, with the class each was guided to).", "samples.csv", export::saveSamples);
        Button paths = saveButton("Paths…", "exportPaths", "Save every sampled path as CSV, one row per particle and "
                + "step: particle,step,t,x,y,denoised_x,denoised_y.", "paths.csv", export::saveTrajectories);
        Button loss = saveButton("Loss…", "exportLoss", "Save the training loss as CSV (step,loss,steps), as the loss "
                + "chart holds it.", "loss.csv", export::saveLoss);
        Button field = saveButton("Field…", "exportField", "Save the field on the canvas at the current t as CSV "
                + "(x,y,u,v).", "field.csv", export::saveField);

        TitledPane section = Widgets.section("Export", "exportSection",
                Controls.row(Settings.ANIMATION, what),
                Controls.row(Settings.FORMAT, format),
                Controls.row(Settings.FRAME_SIZE, size),
                Controls.row(Settings.FPS, fps),
                Controls.row(Settings.SECONDS, seconds),
                Controls.row(Settings.OVERLAY, overlay),
                animationButtons, progress, status, buttons(figure, chartsButton), buttons(samples, paths),
                buttons(loss, field));
        section.setExpanded(false); // opened when wanted: a lesson's first steps need the room above it
        return section;
    }

    /** A button that asks where to save a figure (PNG, SVG, PDF) or CSV file (by the name's ending), then saves it. */
    private Button saveButton(String text, String id, String tooltip, String fileName,
                              Consumer<java.nio.file.Path> action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(Widgets.tip(tooltip));
        FileChooser.ExtensionFilter[] filters = fileName.endsWith(".png")
                ? new FileChooser.ExtensionFilter[] {new FileChooser.ExtensionFilter("PNG images", "*.png"),
                    new FileChooser.ExtensionFilter("SVG vector images", "*.svg"),
                    new FileChooser.ExtensionFilter("PDF documents", "*.pdf")}
                : new FileChooser.ExtensionFilter[] {new FileChooser.ExtensionFilter("CSV files", "*.csv")};
        button.setOnAction(e -> save(button, fileName, action, filters));
        return button;
    }

    private static HBox buttons(Button... list) {
        HBox row = new HBox(6, list);
        row.getStyleClass().add("button-row");
        for (Button b : list) {
            HBox.setHgrow(b, Priority.ALWAYS);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        return row;
    }

    private void choose(Button owner, AnimationFormat format, String name,
                               Consumer<java.nio.file.Path> action) {
        if (format == AnimationFormat.PNG) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the frames (new or empty)");
            File folder = chooser.showDialog(owner.getScene().getWindow());
            if (folder != null) {
                action.accept(folder.toPath());
            }
            return;
        }
        String ext = format.extension();
        save(owner, name, action, new FileChooser.ExtensionFilter(
                format.id().toUpperCase(Locale.ROOT) + " files", "*" + ext));
    }

    private void save(Button owner, String name, Consumer<java.nio.file.Path> action,
                             FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export");
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().addAll(filters);
        File file = chooser.showSaveDialog(owner.getScene().getWindow());
        if (file != null) {
            java.nio.file.Path path = file.toPath();
            // the chosen type's ending, when the name has none of the offered ones
            FileChooser.ExtensionFilter chosen = chooser.getSelectedExtensionFilter();
            String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean hasOne = java.util.Arrays.stream(filters).flatMap(f -> f.getExtensions().stream())
                    .anyMatch(pattern -> lower.endsWith(pattern.substring(1)));
            if (!hasOne && chosen != null) {
                // the chooser asked about replacing the name typed, not this one: an existing file stays
                java.nio.file.Path withEnding = path.resolveSibling(path.getFileName()
                        + chosen.getExtensions().get(0).substring(1));
                export.unlessItExists(withEnding, () -> action.accept(withEnding));
                return;
            }
            action.accept(path);
        }
    }
}
