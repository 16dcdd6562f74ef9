package org.scorefield.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import org.scorefield.core.Identified;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.field.FieldKind;
import org.scorefield.core.flow.CouplingKind;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.schedule.GridKind;
import org.scorefield.core.session.Session;
import org.scorefield.app.export.Animation;
import org.scorefield.app.export.AnimationFormat;

/**
 * The window's workspace as a {@link Session} and back: one declarative table names every
 * setting of the side panel, the view and the export box once, with its key, its property and the
 * values it may take, and serves both directions.
 *
 * <p>{@link #apply} reads and checks every value of a session before it changes anything, so a
 * session with a bad value is refused whole and the current work stays as it was. A key the
 * session lacks (a file from an older build) keeps the current value. Lives on the FX thread.
 */
final class SessionCodec {

    private final ExplorerModel model;
    private final List<Entry> entries = new ArrayList<>();

    /** One setting: how to write it, and how to read it into a change to make later. */
    private interface Entry {
        void write(Session.Settings.Builder out);

        /** The change the session asks for, checked, not made yet; empty if the session lacks the key. */
        Optional<Runnable> read(Session.Settings in);
    }

    /** The ranges are those of the controls, so that whatever the window can set it can open again. */
    SessionCodec(ExplorerModel model, ExportState export) {
        this.model = model;
        TrainingState t = model.training();
        choice("training.objective", t.objectiveProperty(), Objective.class);
        integer("training.width", t.widthProperty(), 4, 1024);
        integer("training.depth", t.depthProperty(), 1, 6);
        number("training.learning_rate", t.learningRateProperty(), 1e-7, 1);
        integer("training.batch", t.batchProperty(), 1, 1 << 16);
        bool("training.ema", t.emaProperty());
        whole("training.seed", t.seedProperty());
        choice("training.coupling", t.couplingProperty(), CouplingKind.class);
        number("training.sinkhorn_epsilon", t.sinkhornEpsilonProperty(), 0.01, 10);
        bool("training.refresh_samples", t.refreshSamplesProperty());
        integer("training.refresh_every", t.refreshEveryProperty(), 100, 10_000);
        ReflowState r = model.reflow();
        integer("reflow.pairs", r.pairsProperty(), 16, 1_000_000);
        integer("reflow.train_steps", r.trainStepsProperty(), 1, 1_000_000);
        bool("reflow.fine_tune", r.fineTuneProperty());
        bool("reflow.side_by_side", r.sideBySideProperty());
        SamplingState s = model.sampling();
        choice("sampling.driver", s.driverProperty(), SamplingState.Driver.class);
        choice("sampling.solver", s.solverProperty(), SamplerKind.class);
        integer("sampling.steps", s.stepsProperty(), 1, 10_000);
        choice("sampling.grid", s.gridProperty(), GridKind.class);
        number("sampling.eta", s.etaProperty(), 0, SamplingSection.MAX_ETA);
        whole("sampling.seed", s.seedProperty());
        integer("sampling.count", s.countProperty(), 1, 100_000);
        integer("sampling.paths", s.pathsProperty(), 0, 100_000);
        bool("sampling.show_denoised", s.showDenoisedProperty());
        number("view.time", model.timeProperty(), 0, 1);
        bool("view.split", model.splitProperty());
        bool("view.rounds", model.roundsViewProperty());
        choice("view.tool", model.toolProperty(), CanvasTool.class);
        bool("view.data", model.showDataProperty());
        bool("view.density", model.showDensityProperty());
        bool("view.samples", model.showSamplesProperty());
        bool("view.field", model.showFieldProperty());
        choice("view.field_kind", model.fieldKindProperty(), FieldKind.class);
        choice("view.field_source", model.fieldSourceProperty(), ExplorerModel.FieldSource.class);
        bool("view.streamlines", model.streamlinesProperty());
        integer("view.field_resolution", model.fieldResolutionProperty(), 12, 40);
        number("view.arrow_scale", model.arrowScaleProperty(), 0.25, 4);
        bool("view.pairs", model.showPairsProperty());
        ObjectProperty<Look> look = model.lookProperty();
        entry(out -> out.put("view.dark", look.get().dark()), in -> in.bool("view.dark"),
                on -> look.set(look.get().withDark(on)));
        entry(out -> out.put("view.presenter", look.get().presenter()), in -> in.bool("view.presenter"),
                on -> look.set(look.get().withPresenter(on)));
        choice("export.what", export.whatProperty(), Animation.What.class);
        choice("export.format", export.formatProperty(), AnimationFormat.class);
        choice("export.size", export.sizeProperty(), ExportState.Size.class);
        integer("export.fps", export.fpsProperty(), 1, 120);
        number("export.seconds", export.secondsProperty(), 1, 60);
        bool("export.overlay", export.overlayProperty());
    }

    /** The workspace now. */
    Session capture() {
        DataState.Data d = model.data().data();
        Session.Data data = new Session.Data(d.name(), d.preset(), model.data().pointCountProperty().get(),
                model.data().seedProperty().get(), d.points());
        Session.Settings.Builder settings = Session.Settings.builder();
        settings.put("training.source", sourceId(model.training().sourceProperty().get().source()));
        for (Entry e : entries) {
            e.write(settings);
        }
        FlowSource source = model.training().sourceProperty().get().source();
        Optional<EmpiricalDistribution> drawn = source.distribution()
                .filter(EmpiricalDistribution.class::isInstance).map(EmpiricalDistribution.class::cast);
        double[] clicked = model.sampling().clickPoints().stream()
                .flatMapToDouble(java.util.Arrays::stream).toArray();
        return new Session(data, model.process().schedule(), model.training().model(), settings.build(), drawn,
                model.reflow().saved(), org.scorefield.core.data.PointSet.of(clicked));
    }

    /**
     * Makes the session the workspace: the model, rounds and runs of the current one are dropped,
     * and the session's model and Reflow rounds (their paths drawn again) take their place.
     *
     * @throws InvalidInputException if a setting has a value this build does not know or allow;
     *         nothing has changed then
     */
    void apply(Session session) {
        List<Runnable> changes = new ArrayList<>();
        for (Entry e : entries) {
            e.read(session.settings()).ifPresent(changes::add);
        }
        TrainingState.SourceOption source = source(session.settings().text("training.source").orElse(null),
                session.source(), session.model());
        // Check everything first, then change: the model goes last, once its inputs are in place.
        model.training().reset();
        model.reflow().clear();
        model.data().restore(session.data());
        model.process().restore(session.process());
        changes.forEach(Runnable::run);
        model.training().sourceProperty().set(source);
        session.model().ifPresent(model.training()::restore);
        session.rounds().ifPresent(r -> model.reflow().restore(r, model.training().runInputs()
                .map(i -> i.data().distribution()).orElse(model.data().data().distribution())));
        model.sampling().restoreClicks(session.clicks());
    }

    private static String sourceId(FlowSource source) {
        return source.isGaussian() || source.distribution().get() instanceof DatasetPreset ? source.id() : "points";
    }

    /**
     * The source option of an id: N(0, I), a preset, or drawn points: the session's own, or else
     * those its flow model carries.
     */
    private static TrainingState.SourceOption source(String id, Optional<EmpiricalDistribution> drawn,
            Optional<TrainedModel> model) {
        if (id == null || id.equals(FlowSource.GAUSSIAN_ID)) {
            return TrainingState.SourceOption.GAUSSIAN;
        }
        if (id.equals("points") && drawn.isPresent()) {
            return new TrainingState.SourceOption(drawn.get().id(), FlowSource.of(drawn.get()));
        }
        if (id.equals("points")) {
            return model.map(TrainedModel::flow).filter(f -> !f.source().isGaussian())
                    .map(f -> new TrainingState.SourceOption(f.source().id(), f.source()))
                    .orElse(TrainingState.SourceOption.GAUSSIAN);
        }
        FlowSource preset;
        try {
            preset = FlowSource.fromPresetId(id);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("\"settings.training.source\" is " + id + ", which is neither gaussian, "
                    + "points nor a preset.", e);
        }
        return TrainingState.SourceOption.all().stream()
                .filter(o -> o.source().equals(preset))
                .findFirst().orElseThrow();
    }

    // ---- the table's entry kinds ----------------------------------------------------------------

    /**
     * @param write puts the value now, typed
     * @param read  the session's value, checked, or empty
     * @param set   makes it the value
     */
    private <T> void entry(Consumer<Session.Settings.Builder> write, Function<Session.Settings, Optional<T>> read,
                           Consumer<T> set) {
        entries.add(new Entry() {
            @Override
            public void write(Session.Settings.Builder out) {
                write.accept(out);
            }

            @Override
            public Optional<Runnable> read(Session.Settings in) {
                return read.apply(in).map(v -> () -> set.accept(v));
            }
        });
    }

    private void bool(String key, BooleanProperty p) {
        entry(out -> out.put(key, p.get()), in -> in.bool(key), p::set);
    }

    private void whole(String key, LongProperty p) {
        entry(out -> out.put(key, p.get()), in -> in.whole(key), p::set);
    }

    private void integer(String key, IntegerProperty p, int min, int max) {
        entry(out -> out.put(key, (long) p.get()), in -> in.whole(key).map(v -> {
            InvalidInputException.require(v >= min && v <= max, "\"settings." + key + "\" must lie between "
                    + min + " and " + max + ", found " + v + ".");
            return v.intValue();
        }), p::set);
    }

    private void number(String key, DoubleProperty p, double min, double max) {
        entry(out -> out.put(key, p.get()), in -> in.number(key).map(v -> {
            InvalidInputException.require(v >= min && v <= max, "\"settings." + key + "\" must lie between "
                    + min + " and " + max + ", found " + v + ".");
            return v;
        }), p::set);
    }

    private <E extends Enum<E>> void choice(String key, ObjectProperty<E> p, Class<E> type) {
        entry(out -> out.put(key, id(p.get())), in -> in.text(key).map(id -> {
            for (E e : type.getEnumConstants()) {
                if (id(e).equals(id)) {
                    return e;
                }
            }
            throw new InvalidInputException("\"settings." + key + "\" is " + id + ", which this Scorefield "
                    + "does not know.");
        }), p::set);
    }

    private static String id(Enum<?> e) {
        return e instanceof Identified i ? i.id() : e.name().toLowerCase(Locale.ROOT);
    }
}
