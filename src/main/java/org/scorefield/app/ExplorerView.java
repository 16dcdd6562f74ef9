package org.scorefield.app;

import java.util.Locale;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.scorefield.app.canvas.CanvasFrame;
import org.scorefield.app.canvas.WorldCanvas;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.ForwardNoising;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/**
 * The explorer: a point cloud being forward-noised, {@code x_t = α(t)·x0 + σ(t)·ε}, under a chosen
 * schedule, with a slider for t. Each point keeps one ε, so scrubbing t moves every particle along
 * its own smooth path from its data point (t = 0) to its own noise sample (t = 1).
 */
public final class ExplorerView extends BorderPane {

    /** The seed behind the data and the noise; shown on screen so a picture can be reproduced. */
    static final long SEED = 7;
    /** Points drawn from the chosen preset. */
    static final int POINTS = 1000;

    private final ComboBox<DatasetPreset> dataBox = new ComboBox<>();
    private final ComboBox<ScheduleKind> scheduleBox = new ComboBox<>();
    private final Slider timeSlider = new Slider(0, 1, 0);
    private final Label timeLabel = new Label();
    private final Label coefficientLabel = new Label();
    private final Label scheduleReference = new Label();
    private final Label dataDescription = new Label();
    private final Label source = new Label();
    private final WorldCanvas field = new WorldCanvas(WorldView.DEFAULT);

    private PointSet data;
    private ForwardNoising noising;
    private Schedule schedule = ScheduleKind.VP.createDefault();

    public ExplorerView() {
        loadData(DatasetPreset.MOONS);
        createView();
        initListeners();
        update();
    }

    /** Puts the keyboard on the time slider, so the arrow keys move t straight away. */
    public void focusTimeSlider() {
        timeSlider.requestFocus();
    }

    /** The data x0 drawn from a preset, each point with its own fixed ε, both from the seed on screen. */
    private void loadData(DatasetPreset preset) {
        data = preset.sample(POINTS, SEED);
        noising = new ForwardNoising(data, SeededRandom.derive(SEED, "forward-noise"));
    }

    private void createView() {
        getStyleClass().add("explorer");

        Label title = new Label("Scorefield");
        title.getStyleClass().add("app-title");
        Label lead = wrapped("A lab for training small 2D diffusion models and watching them work.", "lead");
        Label heading = wrapped("Forward noising", "section-title");
        Label body = wrapped("Each dot is a data point x\u2080 blended with its own fixed random noise \u03b5:\n"
                + "x\u209c = \u03b1(t)\u00b7x\u2080 + \u03c3(t)\u00b7\u03b5.\n\n"
                + "t = 0 is the data, t = 1 is pure noise. A diffusion model learns to run this "
                + "backwards, from noise to data.", "body-text");
        Label dataLabel = new Label("Data");
        dataLabel.getStyleClass().add("section-title");
        dataLabel.setLabelFor(dataBox);
        dataBox.setId("dataBox");
        dataBox.getItems().setAll(DatasetPreset.values());
        dataBox.setValue(DatasetPreset.MOONS);
        dataBox.setMaxWidth(Double.MAX_VALUE);
        dataBox.setConverter(displayOnly(DatasetPreset::displayName));
        dataBox.setTooltip(tip("The points the model should learn to make. Colours mark classes where the "
                + "data has them (the two moons, the arms of the pinwheel, the rings)."));
        dataDescription.setWrapText(true);
        dataDescription.setMinHeight(Region.USE_PREF_SIZE);
        dataDescription.getStyleClass().add("caption");

        Label scheduleLabel = new Label("Noise schedule");
        scheduleLabel.getStyleClass().add("section-title");
        scheduleLabel.setLabelFor(scheduleBox);

        scheduleBox.setId("scheduleBox");
        scheduleBox.getItems().setAll(ScheduleKind.values());
        scheduleBox.setValue(schedule.kind());
        scheduleBox.setMaxWidth(Double.MAX_VALUE);
        scheduleBox.setConverter(displayOnly(ScheduleKind::displayName));
        // The list shows full names; the closed box shows the short one (the longest full name
        // does not fit the panel) and the reference goes underneath.
        scheduleBox.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(ScheduleKind kind, boolean empty) {
                super.updateItem(kind, empty);
                setText(empty || kind == null ? "" : splitName(kind)[0]);
            }
        });
        scheduleReference.getStyleClass().add("caption");
        scheduleBox.setTooltip(tip("How fast the data is mixed with noise. Each schedule sets how much "
                + "of the original point (\u03b1) and how much noise (\u03c3) there is at every time t."));

        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Label legend = wrapped("A dot keeps its colour while it is noised.", "caption");
        source.setWrapText(true);
        source.getStyleClass().add("caption");
        VBox side = new VBox(title, lead, heading, body, dataLabel, dataBox, dataDescription, scheduleLabel,
                scheduleBox, scheduleReference, spacer, legend, source);
        side.getStyleClass().add("side-panel");
        setLeft(side);

        timeSlider.setId("timeSlider");
        timeSlider.setMajorTickUnit(0.25);
        timeSlider.setMinorTickCount(4);
        timeSlider.setBlockIncrement(0.01);
        timeSlider.setShowTickMarks(true);
        timeSlider.setShowTickLabels(true);
        timeSlider.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double t) {
                return t <= 0 ? "0  data" : t >= 1 ? "1  noise" : String.format(Locale.ROOT, "%.2f", t);
            }

            @Override
            public Double fromString(String text) {
                throw new UnsupportedOperationException("tick labels are only shown");
            }
        });
        timeSlider.setTooltip(tip("Drag to move through time: t = 0 is the clean data, t = 1 is pure noise. "
                + "Every dot keeps its own noise direction, so it moves smoothly."));
        HBox.setHgrow(timeSlider, Priority.ALWAYS);
        timeLabel.setId("timeLabel");
        timeLabel.getStyleClass().add("time-label");
        coefficientLabel.setId("coefficientLabel");
        coefficientLabel.getStyleClass().add("coefficient-label");
        // t and its coefficients stacked, so the slider keeps most of the width on a small screen.
        VBox readout = new VBox(timeLabel, coefficientLabel);
        readout.getStyleClass().add("time-readout");
        HBox timeRow = new HBox(readout, timeSlider);
        timeRow.getStyleClass().add("time-row");
        timeRow.setAlignment(Pos.CENTER_LEFT);

        VBox.setVgrow(field, Priority.ALWAYS);
        VBox main = new VBox(field, timeRow);
        main.getStyleClass().add("main-area");
        setCenter(main);
    }

    private void initListeners() {
        timeSlider.valueProperty().addListener((obs, old, t) -> update());
        dataBox.valueProperty().addListener((obs, old, preset) -> {
            loadData(preset);
            update();
        });
        scheduleBox.valueProperty().addListener((obs, old, kind) -> {
            schedule = kind.createDefault();
            update();
        });
    }

    /** Recomputes x_t for the current schedule and t and redraws. */
    private void update() {
        double t = timeSlider.getValue();
        scheduleReference.setText(splitName(schedule.kind())[1]);
        DatasetPreset preset = dataBox.getValue();
        dataDescription.setText(preset.description());
        source.setText(String.format(Locale.ROOT, "%,d points \u00b7 %s \u00b7 seed %d", data.size(),
                preset.displayName(), SEED));
        timeLabel.setText(String.format(Locale.ROOT, "t = %.2f", t));
        coefficientLabel.setText(String.format(Locale.ROOT, "\u03b1 = %.2f   \u03c3 = %.2f",
                schedule.alpha(t), schedule.sigma(t)));
        field.setFrame(CanvasFrame.points(noising.at(schedule, t), data.labels()));
    }

    /** "VP linear (Song et al. 2021)" → {"VP linear", "Song et al. 2021"}; no parentheses → {name, ""}. */
    static String[] splitName(ScheduleKind kind) {
        String name = kind.displayName();
        int open = name.lastIndexOf(" (");
        if (open < 0 || !name.endsWith(")")) {
            return new String[] {name, ""};
        }
        return new String[] {name.substring(0, open), name.substring(open + 2, name.length() - 1)};
    }

    /** Shows each choice of a non-editable box by its display name. */
    private static <T> StringConverter<T> displayOnly(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("the box is not editable");
            }
        };
    }

    private static Label wrapped(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add(styleClass);
        return label;
    }

    private static Tooltip tip(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(360);
        tooltip.setShowDelay(Duration.millis(400));
        return tooltip;
    }
}
