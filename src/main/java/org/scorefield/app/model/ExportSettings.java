package org.scorefield.app.model;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import org.scorefield.app.settings.AnimationFormat;
import org.scorefield.app.settings.AnimationSubject;
import org.scorefield.app.settings.FrameSize;
import org.scorefield.app.settings.Settings;

/**
 * How the next animation is exported: what moves, in which format, at which size, frame rate and
 * duration, with or without the overlay. State only; the export itself reads it. Lives on the FX
 * thread.
 */
public final class ExportSettings {

    private final ObjectProperty<AnimationSubject> what;
    private final ObjectProperty<AnimationFormat> format;
    private final ObjectProperty<FrameSize> size;
    private final IntegerProperty fps;
    private final DoubleProperty seconds;
    private final BooleanProperty overlay;

    /** @param values where the export's settings are owned */
    public ExportSettings(SettingValues values) {
        what = values.object(Settings.ANIMATION);
        format = values.object(Settings.FORMAT);
        size = values.object(Settings.FRAME_SIZE);
        fps = values.integer(Settings.FPS);
        seconds = values.number(Settings.SECONDS);
        overlay = values.flag(Settings.OVERLAY);
    }

    public ObjectProperty<AnimationSubject> whatProperty() {
        return what;
    }

    public ObjectProperty<AnimationFormat> formatProperty() {
        return format;
    }

    public ObjectProperty<FrameSize> sizeProperty() {
        return size;
    }

    public IntegerProperty fpsProperty() {
        return fps;
    }

    public DoubleProperty secondsProperty() {
        return seconds;
    }

    public BooleanProperty overlayProperty() {
        return overlay;
    }
}
