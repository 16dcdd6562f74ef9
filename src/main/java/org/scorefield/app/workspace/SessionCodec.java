package org.scorefield.app.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.scorefield.app.model.DataState;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.model.SettingValues;
import org.scorefield.app.model.SourceOption;
import org.scorefield.app.settings.Setting;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.io.JsonFields;
import org.scorefield.core.schedule.ParameterSpec;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.session.Session;

/**
 * The window's workspace as a {@link Session} and back, through the settings table: every setting
 * {@link Settings} keeps among a session's settings is written and read by its declaration, its
 * value checked against the same range or choices its control offers; the data, the process and
 * the flow's source, which a session keeps in blocks of their own, are checked against theirs too.
 *
 * <p>{@link #apply} reads and checks every value of a session before it changes anything, so a
 * session with a bad value is refused whole and the current work stays as it was. A key the
 * session lacks (a file from an older build) keeps the current value. The lesson open and its scene
 * go with the workspace; a session without one leaves the lesson as it is. Lives on the FX thread.
 */
final class SessionCodec {

    private final ExplorerModel model;
    private final LessonState lessons;

    /** A codec of a workspace without a lesson of its own (one a session holds is checked, then dropped). */
    SessionCodec(ExplorerModel model) {
        this(model, new LessonState(model));
    }

    /** A codec that keeps the lesson open in {@code lessons}, and its scene, with the workspace. */
    SessionCodec(ExplorerModel model, LessonState lessons) {
        this.model = model;
        this.lessons = lessons;
    }

    /** The workspace now. */
    Session capture() {
        DataState.Data d = model.data().data();
        Session.Data data = new Session.Data(d.name(), d.preset(), model.data().pointCountProperty().get(),
                model.data().seedProperty().get(), d.points());
        Session.Settings.Builder settings = Session.Settings.builder();
        FlowSource source = model.training().sourceProperty().get().source();
        SettingValues values = model.values();
        for (Setting<?> s : Settings.ALL) {
            if (s.kept() == Setting.Kept.IN_SETTINGS) {
                values.write(s, settings);
            }
        }
        Optional<EmpiricalDistribution> drawn = source.distribution()
                .filter(EmpiricalDistribution.class::isInstance).map(EmpiricalDistribution.class::cast);
        double[] clicked = model.sampling().clickPoints().stream()
                .flatMapToDouble(java.util.Arrays::stream).toArray();
        // the model with the classifier trained for it, if any, so that classifier guidance comes back too
        return new Session(data, model.process().schedule(), model.classifier().modelWithClassifier(), settings.build(),
                drawn,
                model.reflow().saved(), org.scorefield.core.data.PointSet.of(clicked), lessons.kept());
    }

    /**
     * Makes the session the workspace: the model, rounds and runs of the current one are dropped,
     * and the session's model and Reflow rounds (their paths drawn again) take their place.
     *
     * @throws InvalidInputException if a setting has a value this build does not know or allow;
     *         nothing has changed then
     */
    void apply(Session session) {
        prepare(session).run();
    }

    /**
     * Checks the whole session and returns the change that makes it the workspace (see {@link
     * #apply}), so that a caller can tell a refused file (thrown here, nothing changed) from a
     * failure half-way through the change.
     *
     * @throws InvalidInputException if a setting has a value this build does not know or allow
     */
    Runnable prepare(Session session) {
        List<Runnable> changes = new ArrayList<>();
        SettingValues values = model.values();
        for (Setting<?> s : Settings.ALL) {
            // the source is read below, with the points a session keeps beside its settings
            if (s.kept() == Setting.Kept.IN_SETTINGS && s != Settings.SOURCE) {
                values.read(s, session.settings()).ifPresent(changes::add);
            }
        }
        SourceOption source = source(Settings.SOURCE.read(session.settings()).orElse(null),
                session.source(), session.model());
        Session.Data data = session.data();
        data.preset().ifPresent(Settings.DATA_PRESET::check);
        Settings.DATA_SEED.check(data.seed());
        InvalidInputException.require(data.points().size() <= Settings.DATA_POINTS.max(), "\"data.points\" holds "
                + data.points().size() + " points, but the window holds at most " + Settings.DATA_POINTS.max() + ".");
        // the count is kept beside the points in the file, not among the settings
        InvalidInputException.require(data.count() >= Settings.DATA_POINTS.min()
                && data.count() <= Settings.DATA_POINTS.max(), "\"data.count\" is " + data.count()
                + ", but the window's " + Settings.DATA_POINTS.label() + " lie between " + Settings.DATA_POINTS.min()
                + " and " + Settings.DATA_POINTS.max() + ".");
        Settings.PROCESS_KIND.check(session.process().kind());
        for (ParameterSpec spec : session.process().kind().parameters()) {
            double value = session.process().parameters().get(spec.name());
            InvalidInputException.require(value >= spec.min() && value <= spec.max(), "\"process.parameters."
                    + spec.name() + "\" is " + JsonFields.shown(value) + ", but the window's " + spec.symbol()
                    + " lies between " + JsonFields.shown(spec.min()) + " and " + JsonFields.shown(spec.max()) + ".");
        }
        // a session without a lesson leaves the lesson open as it is: an older file, or work saved
        // before the lecture, opens into the lesson rather than closing it
        Runnable lesson = () -> { };
        if (session.lesson().isPresent()) {
            try {
                lesson = lessons.prepareRestore(session.lesson(), session.process());
            } catch (InvalidInputException e) {
                throw new InvalidInputException("Its lesson: " + JsonFields.phrase(e.getMessage()) + ".", e);
            }
        }
        Runnable restoreLesson = lesson;
        // Everything is checked; the change puts the model last, once its inputs are in place.
        return () -> {
            model.training().reset();
            model.reflow().clear();
            model.data().restore(data);
            model.process().restore(session.process());
            changes.forEach(Runnable::run);
            model.training().sourceProperty().set(source);
            session.model().ifPresent(model.training()::restore);
            session.rounds().ifPresent(r -> model.reflow().restore(r, model.training().runInputs()
                    .map(i -> i.data().distribution()).orElse(model.data().data().distribution())));
            model.sampling().restoreClicks(session.clicks());
            restoreLesson.run(); // the deck and its scene, without setting anything: the session has set the window
        };
    }

    /**
     * The source option of an id: N(0, I), a preset, or drawn points: the session's own, or else
     * those its flow model carries.
     */
    private static SourceOption source(String id, Optional<EmpiricalDistribution> drawn,
            Optional<TrainedModel> model) {
        if (id == null || id.equals(FlowSource.GAUSSIAN_ID)) {
            return SourceOption.GAUSSIAN;
        }
        if (id.equals(Settings.SOURCE_POINTS) && drawn.isPresent()) {
            return new SourceOption(drawn.get().id(), FlowSource.of(drawn.get()));
        }
        if (id.equals(Settings.SOURCE_POINTS)) {
            return model.map(TrainedModel::flow).filter(f -> !f.source().isGaussian())
                    .map(f -> new SourceOption(f.source().id(), f.source()))
                    .orElse(SourceOption.GAUSSIAN);
        }
        return SourceOption.named(id).orElseThrow(() -> new InvalidInputException("\"settings."
                + Settings.SOURCE.key() + "\" is " + org.scorefield.core.io.JsonFields.quote(id)
                + ", which is neither gaussian, points nor a preset."));
    }
}
