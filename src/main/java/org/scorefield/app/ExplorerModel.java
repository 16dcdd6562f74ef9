package org.scorefield.app;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.scorefield.core.field.FieldKind;
import org.scorefield.core.tensor.Nd4jRuntime;

/**
 * Everything the explorer window shows and edits, in one place: the data, the process, the time t,
 * the model and its training, sampling, what the canvas draws and how the window looks. Views bind
 * to these properties and call the commands; heavy work runs on {@link BackgroundWork} and comes
 * back as immutable results. Lives on the FX thread.
 */
public final class ExplorerModel implements AutoCloseable {

    /** Where a vector field comes from. */
    public enum FieldSource {
        LEARNED("Learned"), EXACT("Exact"), DIFFERENCE("|Learned − exact|");

        private final String label;

        FieldSource(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final StringProperty message = new SimpleStringProperty("");
    private final BackgroundWork work = new BackgroundWork(message::set);
    private final DataState data = new DataState();
    private final ProcessState process = new ProcessState();
    private final DoubleProperty time = new SimpleDoubleProperty(0);
    private final ObjectProperty<Look> look = new SimpleObjectProperty<>(Look.DEFAULT);
    private final BooleanProperty split = new SimpleBooleanProperty(false);
    private final ObjectProperty<CanvasTool> tool = new SimpleObjectProperty<>(CanvasTool.LOOK);

    private final BooleanProperty showData = new SimpleBooleanProperty(true);
    private final BooleanProperty showDensity = new SimpleBooleanProperty(false);
    private final BooleanProperty showSamples = new SimpleBooleanProperty(true);
    private final BooleanProperty showField = new SimpleBooleanProperty(false);
    private final ObjectProperty<FieldKind> fieldKind = new SimpleObjectProperty<>(FieldKind.SCORE);
    private final ObjectProperty<FieldSource> fieldSource = new SimpleObjectProperty<>(FieldSource.EXACT);
    private final BooleanProperty streamlines = new SimpleBooleanProperty(false);
    private final IntegerProperty fieldResolution = new SimpleIntegerProperty(24);
    private final DoubleProperty arrowScale = new SimpleDoubleProperty(1);

    private final TrainingState training;
    private final SamplingState sampling;

    public ExplorerModel() {
        training = new TrainingState(() -> trainingInputs(), work);
        sampling = new SamplingState(work, this::samplingChoice, split::get);
        data.dataProperty().addListener((obs, old, d) -> {
            training.checkOutOfDate();
            sampling.clearRuns();
        });
        process.scheduleProperty().addListener((obs, old, s) -> {
            training.checkOutOfDate();
            if (!samplingChoice().isModel()) {
                sampling.clearRuns(); // the oracle's samples were of the old process; a model keeps its own
            }
        });
        // ND4J takes a second or more to load the first time: do it now, off the FX thread.
        work.submit("warm-up", BackgroundWork.Lane.LONG, () -> {
            Nd4jRuntime.ensureConfigured();
            return true;
        }, ok -> { });
    }

    private TrainingState.Inputs trainingInputs() {
        return training.inputs(data.data(), process.schedule());
    }

    /** The denoiser sampling uses now: the model when chosen and trained, otherwise the exact oracle. */
    DenoiserChoice samplingChoice() {
        if (sampling.driverProperty().get() == SamplingState.Driver.MODEL && training.model().isPresent()) {
            return DenoiserChoice.learned(training.model().get(), training.sessionInputs()
                    .map(TrainingState.Inputs::data).orElse(data.data()));
        }
        return DenoiserChoice.exact(data.data(), process.schedule());
    }

    /** Whether sampling falls back to the oracle because no model has been trained yet. */
    public boolean samplingFallsBack() {
        return sampling.driverProperty().get() == SamplingState.Driver.MODEL && training.model().isEmpty();
    }

    public BackgroundWork work() {
        return work;
    }

    public DataState data() {
        return data;
    }

    public ProcessState process() {
        return process;
    }

    public TrainingState training() {
        return training;
    }

    public SamplingState sampling() {
        return sampling;
    }

    /** The scrubber's time: 0 is the data, 1 is pure noise. */
    public DoubleProperty timeProperty() {
        return time;
    }

    public ObjectProperty<Look> lookProperty() {
        return look;
    }

    /** PF-ODE and reverse SDE side by side. */
    public BooleanProperty splitProperty() {
        return split;
    }

    /** What a click or drag on the canvas does. */
    public ObjectProperty<CanvasTool> toolProperty() {
        return tool;
    }

    /** The data noised to t (forward process). */
    public BooleanProperty showDataProperty() {
        return showData;
    }

    /** The exact density p_t as a heatmap. */
    public BooleanProperty showDensityProperty() {
        return showDensity;
    }

    /** Sampled trajectories and their particles at t. */
    public BooleanProperty showSamplesProperty() {
        return showSamples;
    }

    public BooleanProperty showFieldProperty() {
        return showField;
    }

    public ObjectProperty<FieldKind> fieldKindProperty() {
        return fieldKind;
    }

    public ObjectProperty<FieldSource> fieldSourceProperty() {
        return fieldSource;
    }

    /** Streamlines instead of arrows. */
    public BooleanProperty streamlinesProperty() {
        return streamlines;
    }

    /** Arrows per side of the field grid. */
    public IntegerProperty fieldResolutionProperty() {
        return fieldResolution;
    }

    public DoubleProperty arrowScaleProperty() {
        return arrowScale;
    }

    /** The latest sentence for the user (an error, or what just happened), shown in the status bar. */
    public StringProperty messageProperty() {
        return message;
    }

    @Override
    public void close() {
        training.close();
        work.close();
    }
}
