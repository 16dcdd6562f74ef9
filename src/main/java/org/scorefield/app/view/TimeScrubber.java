package org.scorefield.app.view;

import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.scorefield.app.model.ViewState;
import org.scorefield.app.panel.Controls;
import org.scorefield.app.panel.ProcessSection;
import org.scorefield.app.panel.Widgets;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.TimeWarp;

/**
 * The time scrubber under the canvas: a slider for t (0 = data, 1 = noise), t with α and σ, and play,
 * pause, loop, direction and speed. Playing moves t smoothly towards the data (as a sampler does) or
 * towards the noise (as the forward process does); with loop on it turns round at each end. The
 * slider, its steps and playing are uniform in the chosen time axis ({@link TimeWarp}: log-SNR by
 * default, so that the picture changes at an even pace); its tick labels always show t.
 */
public final class TimeScrubber extends VBox {

    /** Below this width the slider shows three tick labels. */
    static final double NARROW = 560;

    /** Seconds for one sweep from 1 to 0 at speed 1×. */
    static final double SWEEP_SECONDS = 5;
    private final DoubleProperty time;
    private final Slider slider = new Slider(Settings.TIME.min(), Settings.TIME.max(), Settings.TIME.defaultValue());
    private final Label timeLabel = new Label();
    private final Label coefficients = new Label();
    private final Button play = new Button();
    private final ToggleButton loop = new ToggleButton(Settings.LOOP.label());
    private final ToggleButton towardsData = new ToggleButton();
    private final ComboBox<Double> speed;
    private final ComboBox<TimeWarp.Kind> axis;
    private final javafx.scene.control.MenuButton bookmarks = new javafx.scene.control.MenuButton("Bookmarks");
    private java.util.List<org.scorefield.core.schedule.TimeBookmarks.Bookmark> marks = java.util.List.of();
    private final javafx.beans.property.ObjectProperty<TimeWarp.Kind> axisKind;
    private TimeWarp warp = TimeWarp.of(TimeWarp.Kind.TIME, null);
    /** The slider is following t: nothing to write back. */
    private boolean following;
    private final AnimationTimer timer;
    private boolean playing;
    private long lastFrame;
    private Schedule schedule;

    TimeScrubber(ViewState view) {
        this.time = view.timeProperty();
        this.speed = Controls.choices(Settings.SPEED, view.speedProperty(), "speedBox");
        this.axisKind = view.timeScaleProperty();
        this.axis = Controls.choices(Settings.TIME_SCALE, axisKind, "timeAxisBox");
        axis.setTooltip(Widgets.tip(Settings.TIME_SCALE.tooltip()));
        axisKind.addListener(obs -> rewarp());
        getStyleClass().add("time-scrubber");

        slider.setId("timeSlider");
        slider.setMajorTickUnit(0.25);
        slider.setMinorTickCount(4);
        slider.setBlockIncrement(0.01);
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setLabelFormatter(ticks());
        slider.setTooltip(Widgets.tip(Settings.TIME.tooltip()));
        slider.valueProperty().addListener((obs, old, u) -> {
            if (!following) {
                time.set(warp.time(u.doubleValue()));
            }
        });
        time.addListener((obs, old, t) -> follow());
        follow();
        slider.setMaxWidth(Double.MAX_VALUE);
        // The slider's tick axis fades old tick labels out when its ticks change (a narrower column,
        // another time axis): for most of a second both sets were drawn, the old ones where the wider
        // column had them, past the window's edge. Its ticks change at once instead.
        slider.skinProperty().addListener((obs, old, skin) -> {
            if (slider.lookup(".axis") instanceof javafx.scene.chart.Axis<?> ticks) {
                ticks.setAnimated(false);
            }
        });
        // in a narrow column (1024 wide in presenter mode) three tick labels instead of five, and the
        // slider gives way instead of running out of the window
        slider.setMinWidth(120);
        widthProperty().addListener((obs, old, w) -> {
            double unit = w.doubleValue() < NARROW ? 0.5 : 0.25;
            if (unit != slider.getMajorTickUnit()) {
                slider.setMajorTickUnit(unit);
                slider.setMinorTickCount(unit == 0.5 ? 1 : 4);
            }
        });

        timeLabel.setId("timeLabel");
        timeLabel.getStyleClass().add("time-label");
        coefficients.setId("coefficientLabel");
        coefficients.getStyleClass().add("coefficient-label");
        HBox readout = new HBox(timeLabel, coefficients);
        readout.setAlignment(Pos.BASELINE_LEFT);
        readout.getStyleClass().add("time-readout");

        play.setId("playButton");
        play.getStyleClass().add("play-button");
        play.setTooltip(Widgets.tip("Play or pause the animation of t (Space)."));
        play.setOnAction(e -> togglePlay());
        loop.setId("loopToggle");
        loop.selectedProperty().bindBidirectional(view.loopProperty());
        loop.setTooltip(Widgets.tip(Settings.LOOP.tooltip()));
        towardsData.setId("directionToggle");
        towardsData.selectedProperty().bindBidirectional(view.towardsDataProperty());
        towardsData.setTooltip(Widgets.tip(Settings.TOWARDS_DATA.tooltip()));
        towardsData.textProperty().bind(javafx.beans.binding.Bindings.when(towardsData.selectedProperty())
                .then("t → 0").otherwise("t → 1"));
        speed.setTooltip(Widgets.tip(Settings.SPEED.tooltip()));
        bookmarks.setId("bookmarksMenu");
        bookmarks.setTooltip(Widgets.tip("Times worth stopping at, the same ideas under every schedule: the data, "
                + "noise at a tenth and at half of the data's scale (\u03c3/\u03b1 = 0.1, 0.5), equal signal and "
                + "noise (\u03b1 = \u03c3), pure noise. Keys 1\u20135 (docs/math.md \u00a72.12)."));
        // One row that wraps at the column's width, item by item: the readout and the buttons side by side
        // where there is room, the buttons under it and under each other in a narrow column (presenter
        // mode at 1024 wide), never past the column's edge.
        javafx.scene.layout.FlowPane below = new javafx.scene.layout.FlowPane(6, 4, readout, towardsData, loop, speed,
                axis, bookmarks);
        below.setAlignment(Pos.CENTER_LEFT);
        below.setPrefWrapLength(240);
        javafx.scene.layout.FlowPane.setMargin(readout, new javafx.geometry.Insets(0, 18, 0, 0));
        readout.setMinWidth(USE_PREF_SIZE);
        below.getStyleClass().add("time-row");
        getChildren().setAll(slider, below);
        time.addListener((obs, old, t) -> updateReadout());
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                advance(now);
            }
        };
        updatePlayText();
        updateReadout();
    }

    /** Play or Pause, which the window shows among its primary actions above the canvas. */
    Button playButton() {
        return play;
    }

    /** What t = 1 is called: "noise", or "source" for a flow from another data set. */
    private String end = "noise";

    /**
     * The schedule whose α(t) and σ(t) are shown, and whose time axis the slider follows.
     *
     * @param gaussian whether x₁ is Gaussian noise (otherwise the slider's end says "source")
     */
    void setSchedule(Schedule schedule, boolean gaussian) {
        this.schedule = schedule;
        this.end = gaussian ? "noise" : "source";
        marks = org.scorefield.core.schedule.TimeBookmarks.of(schedule, gaussian);
        bookmarks.getItems().clear();
        for (var mark : marks) {
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(String.format(Locale.ROOT,
                    "%d    %s    (t = %s)", mark.key(), mark.label(), formatTime(mark.t())));
            item.setId("bookmark" + mark.key());
            item.setOnAction(e -> jumpTo(mark.t()));
            bookmarks.getItems().add(item);
        }
        rewarp();
        updateReadout();
    }

    /** Straight to the bookmark of key k (1 to 5, as the menu numbers them), paused; false if there is none. */
    boolean jumpToBookmark(int k) {
        for (var mark : marks) {
            if (mark.key() == k) {
                jumpTo(mark.t());
                return true;
            }
        }
        return false;
    }

    /** The slider's axis for the chosen kind and the current schedule; t stays where it is. */
    private void rewarp() {
        TimeWarp.Kind kind = schedule == null ? TimeWarp.Kind.TIME : axisKind.get();
        warp = TimeWarp.of(kind, schedule);
        slider.setLabelFormatter(ticks());
        // the slider's axis keeps its tick labels until its ticks change: make it draw them again
        double unit = slider.getMajorTickUnit();
        slider.setMajorTickUnit(unit + 1e-9);
        slider.setMajorTickUnit(unit);
        follow();
    }

    /** Moves the knob to t's position. */
    private void follow() {
        following = true;
        try {
            slider.setValue(warp.position(time.get()));
        } finally {
            following = false;
        }
    }

    /** The tick labels: t at each tick's position. */
    private StringConverter<Double> ticks() {
        TimeWarp shown = warp;
        return new StringConverter<>() {
            @Override
            public String toString(Double u) {
                double t = shown.time(u);
                return u <= 0 ? "0  data" : u >= 1 ? "1  " + end : formatTime(t);
            }

            @Override
            public Double fromString(String text) {
                throw new UnsupportedOperationException("tick labels are only shown");
            }
        };
    }

    /** t with two decimals, or three below 0.1 (where the log-SNR axis spends much of its length). */
    static String formatTime(double t) {
        return String.format(Locale.ROOT, t > 0 && t < 0.0995 ? "%.3f" : "%.2f", t);
    }

    boolean isPlaying() {
        return playing;
    }

    void togglePlay() {
        if (playing) {
            stop();
        } else {
            start();
        }
    }

    /** Plays from t = 1 towards the data (after a click starts new trajectories). */
    void playFromNoise() {
        towardsData.setSelected(true);
        time.set(1);
        start();
    }

    /** A step along the slider's axis (a hundredth of its length is a small step), paused. */
    void step(double du) {
        stop();
        time.set(warp.time(clamp(warp.position(time.get()) + du)));
    }

    /** Straight to t, paused (Home: the data, End: the noise). */
    void jumpTo(double t) {
        stop();
        time.set(clamp(t));
    }

    void start() {
        double t = time.get();
        if (towardsData.isSelected() && t <= 0) {
            time.set(1);
        } else if (!towardsData.isSelected() && t >= 1) {
            time.set(0);
        }
        playing = true;
        lastFrame = 0;
        timer.start();
        updatePlayText();
    }

    public void stop() {
        playing = false;
        timer.stop();
        updatePlayText();
    }

    private void advance(long now) {
        if (lastFrame == 0) {
            lastFrame = now;
            return;
        }
        double seconds = Math.min(0.1, (now - lastFrame) / 1e9);
        lastFrame = now;
        double du = seconds * speed.getValue() / SWEEP_SECONDS;
        double u = warp.position(time.get()) + (towardsData.isSelected() ? -du : du);
        double t = warp.time(clamp(u));
        if (u <= 0 || u >= 1) {
            t = u <= 0 ? 0 : 1;
            if (loop.isSelected()) {
                towardsData.setSelected(!towardsData.isSelected());
            } else {
                time.set(t);
                stop();
                return;
            }
        }
        time.set(t);
    }

    private void updatePlayText() {
        play.setText(playing ? "❚❚  Pause" : "▶  Play");
    }

    private void updateReadout() {
        double t = time.get();
        timeLabel.setText("t = " + formatTime(t));
        if (schedule != null) {
            coefficients.setText(String.format(Locale.ROOT, "α = %s   σ = %s", ProcessSection.format(schedule.alpha(t)),
                    ProcessSection.format(schedule.sigma(t))));
        }
    }

    private static double clamp(double t) {
        return Math.max(0, Math.min(1, t));
    }
}
