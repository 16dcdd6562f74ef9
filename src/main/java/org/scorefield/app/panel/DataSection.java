package org.scorefield.app.panel;

import java.io.File;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.controlsfx.control.SegmentedButton;
import org.scorefield.app.model.DataState;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.settings.CanvasTool;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.data.DatasetPreset;

/**
 * The Data section: a preset with its number of points and seed; a brush (of a class) and an eraser
 * to draw points on the canvas; Import… (a CSV file, also by dropping it on the window); Clear; Restore preset.
 */
public final class DataSection {

    private final ExplorerModel model;
    private final ObjectProperty<CanvasTool> tool;
    private final Label description = Widgets.caption("");
    private final Label summary = Widgets.caption("");
    /** Puts the preset's own points back on the canvas: named so, since the box keeps showing the preset. */
    private final Button restore = new Button("Restore preset");
    private final javafx.scene.control.Tooltip restoreTip = Widgets.tip("");

    public DataSection(ExplorerModel model) {
        this.model = model;
        this.tool = model.view().toolProperty();
    }

    public TitledPane build() {
        DataState data = model.data();
        ComboBox<DatasetPreset> presets = Controls.choices(Settings.DATA_PRESET, data.presetProperty(), "dataBox");
        Spinner<Integer> points = Controls.spinner(Settings.DATA_POINTS, data.pointCountProperty(), "pointsSpinner");
        SeedField seed = Controls.seed(Settings.DATA_SEED, data.seedProperty(), "dataSeed");
        ComboBox<Integer> trainSize = Controls.choices(Settings.DATA_TRAIN_SIZE, data.trainSizeProperty(),
                "trainSizeBox");
        // a chosen dataset size decides how many points there are: the Points box waits for "the whole preset"
        points.disableProperty().bind(data.trainSizeProperty().isNotEqualTo(Settings.WHOLE_PRESET));

        ToggleButton look = new ToggleButton("Start paths");
        ToggleButton brush = new ToggleButton("Draw");
        ToggleButton erase = new ToggleButton("Erase");
        ToggleButton probe = new ToggleButton("Velocity");
        probe.setId("toolProbe");
        probe.setTooltip(Widgets.tip("Click a point x_t to see flow matching there at the current t: the "
                + "conditional targets x₁ − x₀ of every pair through it (grey, darker for likelier pairs), their "
                + "posterior-weighted mean, the exact marginal velocity (red), and the learned velocity (green). "
                + "Key P."));
        probe.setUserData(CanvasTool.PROBE);
        look.setId("toolLook");
        brush.setId("toolBrush");
        erase.setId("toolErase");
        look.setTooltip(Widgets.tip("Clicking on the canvas starts sampling trajectories from that point at t = 1."));
        brush.setTooltip(Widgets.tip("Paint your own data on the canvas: drag to spray points of the brush "
                + "class (key B)."));
        erase.setTooltip(Widgets.tip("Drag over points on the canvas to remove them (key E)."));
        ToggleButton meanShift = new ToggleButton("Mean shift");
        meanShift.setId("toolMeanShift");
        meanShift.setTooltip(Widgets.tip("Mean shift: click a point x_t to see which data points its x̂₀ "
                + "averages at the current t: each point a disc as large as its weight, the kernel of bandwidth "
                + "σ/α around x_t/α, and the DDIM step along the chord to x̂₀. Scrub t to watch "
                + "the kernel shrink onto one point (docs/math.md §6.4)."));
        meanShift.setUserData(CanvasTool.MEAN_SHIFT);
        // two rows in one group: five buttons in one overflowed the panel's width
        SegmentedButton tools = new SegmentedButton(look, brush, erase);
        SegmentedButton probes = new SegmentedButton(probe, meanShift);
        probes.setToggleGroup(tools.getToggleGroup());
        probes.getStyleClass().add("tools");
        probes.setMaxWidth(Double.MAX_VALUE);
        tools.getStyleClass().add("tools");
        tools.setMaxWidth(Double.MAX_VALUE);
        for (ToggleButton b : new ToggleButton[] {look, brush, erase, probe, meanShift}) {
            b.setMaxWidth(Double.MAX_VALUE);
            // Never "Start p…": a tool whose name is cut off is a tool nobody finds.
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        look.setUserData(CanvasTool.LOOK);
        brush.setUserData(CanvasTool.BRUSH);
        erase.setUserData(CanvasTool.ERASE);
        syncTools(tools, probes);
        tool.addListener((obs, old, t) -> syncTools(tools, probes));
        tools.getToggleGroup().selectedToggleProperty().addListener((obs, old, t) -> {
            if (t == null) {
                syncTools(tools, probes); // one tool is always on
            } else {
                tool.set((CanvasTool) t.getUserData());
            }
        });

        Button clear = new Button("Clear");
        clear.setId("clearData");
        clear.setTooltip(Widgets.tip("Remove every point, to draw your own data from scratch."));
        clear.setOnAction(e -> {
            data.clear();
            tool.set(CanvasTool.BRUSH);
        });
        Button importCsv = new Button("Import…");
        importCsv.setId("importCsv");
        importCsv.setTooltip(Widgets.tip("Load points from a CSV file with columns x, y and an optional class "
                + "label. You can also drop the file on the window."));
        importCsv.setOnAction(e -> chooseCsv(importCsv));
        restore.setId("restorePreset");
        restore.setTooltip(restoreTip);
        restore.setOnAction(e -> data.reloadPreset());
        HBox fileRow = new HBox(6, importCsv, clear, restore);
        fileRow.getStyleClass().add("button-row");
        HBox.setHgrow(importCsv, Priority.ALWAYS);
        importCsv.setMaxWidth(Double.MAX_VALUE);
        for (Button b : new Button[] {importCsv, clear, restore}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }

        data.dataProperty().addListener((obs, old, d) -> update());
        data.presetProperty().addListener((obs, old, p) -> update());
        data.pointCountProperty().addListener((obs, old, n) -> update());
        data.trainSizeProperty().addListener((obs, old, n) -> update());
        update();
        return Widgets.section("Data", "dataSection",
                Controls.row(Settings.DATA_PRESET, presets),
                description,
                Controls.row(Settings.DATA_POINTS, points),
                Controls.row(Settings.DATA_SEED, seed),
                Controls.row(Settings.DATA_TRAIN_SIZE, trainSize),
                Widgets.caption("A click or drag on the canvas:"), tools, probes,
                new BrushClassPicker(model).build(),
                fileRow, summary);
    }

    private void syncTools(SegmentedButton... rows) {
        for (SegmentedButton row : rows) {
            for (var t : row.getButtons()) {
                t.setSelected(t.getUserData() == tool.get());
            }
        }
    }

    /**
     * The caption under the box says what is on the canvas: the box keeps the preset the points came
     * from, so once they are drawn, edited or imported the caption must say that they are not it.
     */
    private void update() {
        DataState.Data d = model.data().data();
        DatasetPreset chosen = model.data().presetProperty().get();
        boolean isPreset = d.preset().isPresent();
        String held = d.name().equals("drawn points") ? d.name() : "“" + d.name() + "”";
        description.setText(isPreset ? d.preset().get().description() + (d.fixed() ? String.format(Locale.ROOT,
                " The model learns exactly these %,d points, and the exact oracle memorises them.", d.points().size())
                : "")
                : String.format(Locale.ROOT, "The canvas holds %s, not the %s preset; their exact oracle memorises "
                        + "them (docs/math.md §4.1). Restore preset draws the preset again.", held,
                        chosen.displayName()));
        description.getStyleClass().remove("warning");
        if (!isPreset) {
            description.getStyleClass().add("warning");
        }
        restoreTip.setText(String.format(Locale.ROOT, "Replace the points on the canvas with the %s "
                + "preset's own %,d points (seed %d)%s.", chosen.displayName(), model.data().pointCountProperty().get(),
                model.data().seedProperty().get(), isPreset ? ": they are on the canvas now"
                        : ", instead of " + held));
        summary.setText(String.format(Locale.ROOT, "%,d points · %s · seed %d", d.points().size(), d.name(),
                model.data().seedProperty().get()));
    }

    private void chooseCsv(Button owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import points");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(owner.getScene().getWindow());
        if (file != null) {
            model.importCsv(file.toPath());
        }
    }
}
