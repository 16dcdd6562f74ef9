package org.scorefield.app.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scorefield.app.jobs.ManualJobs;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.settings.Setting;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.session.Session;

/** The workspace to a session and back, through the settings table, without a window. */
class SessionCodecTest {

    private final ExplorerModel model = new ExplorerModel(new ManualJobs().jobs);

    @Test
    void everySettingIsOwnedByOneStateOfTheModel() {
        for (Setting<?> s : Settings.ALL) {
            assertTrue(model.values().has(s), s.key() + " has no owner");
        }
    }

    @Test
    void everyKeptSettingComesBackFromASessionWithAValueOtherThanItsDefault() {
        for (Setting<?> s : Settings.ALL) {
            if (s.kept() == Setting.Kept.IN_SETTINGS && s != Settings.SOURCE) {
                setOther(s);
            }
        }
        Session saved = new SessionCodec(model).capture();
        ExplorerModel other = new ExplorerModel(new ManualJobs().jobs);
        new SessionCodec(other).apply(saved);
        for (Setting<?> s : Settings.ALL) {
            if (s.kept() == Setting.Kept.IN_SETTINGS && s != Settings.SOURCE) {
                assertEquals(model.values().get(s), other.values().get(s), s.key());
                // the last of the exclusive views set (Langevin) turns the others off
                if (!Settings.VIEWS.contains(s) || s == Settings.LANGEVIN_VIEW) {
                    assertNotEquals(s.defaultValue(), other.values().get(s), s.key() + " was changed");
                }
            }
        }
    }

    /** Each of the views that exclude each other comes back from a session as the one shown, with its ω of B. */
    @Test
    void eachExclusiveViewComesBackAsTheOneShown() {
        for (Setting<Boolean> shown : List.of(Settings.SPLIT, Settings.ROUNDS, Settings.COMPARE, Settings.OMEGA_SPLIT,
                Settings.LIKELIHOOD_VIEW, Settings.SDF_VIEW,
                Settings.LANGEVIN_VIEW)) {
            model.values().set(shown, true);
            model.values().set(Settings.OMEGA_B, 2.5);
            ExplorerModel other = new ExplorerModel(new ManualJobs().jobs);
            new SessionCodec(other).apply(new SessionCodec(model).capture());
            for (Setting<Boolean> view : List.of(Settings.SPLIT, Settings.ROUNDS, Settings.COMPARE,
                    Settings.OMEGA_SPLIT, Settings.LIKELIHOOD_VIEW, Settings.SDF_VIEW,
                    Settings.LANGEVIN_VIEW)) {
                assertEquals(view == shown, other.values().get(view), shown.key() + " shown: " + view.key());
            }
            assertEquals(2.5, other.values().get(Settings.OMEGA_B));
        }
    }

    /**
     * A session's lesson whose scene sets σ_max without naming a kind is checked against the session's
     * process, VE, which has σ_max, not against the window's VP (β_min, β_max), which has not: the
     * window takes the session's process before the lesson is shown.
     */
    @Test
    void aSessionsLessonIsCheckedAgainstTheSessionsProcess() {
        LessonState lessons = new LessonState(model);
        assertEquals(org.scorefield.core.schedule.ScheduleKind.VP, model.process().schedule().kind());
        Session.Settings sigmaOnly = Session.Settings.builder().put("process.sigma_max", 30.0).build();
        org.scorefield.core.session.Lesson deck = new org.scorefield.core.session.Lesson("VE constants",
                List.of(new org.scorefield.core.session.Lesson.Scene("Wide", "", List.of(), sigmaOnly)));
        Session saved = new SessionCodec(model).capture();
        Session ve = new Session(saved.data(), org.scorefield.core.schedule.ScheduleKind.VE.createDefault(),
                saved.model(), saved.settings()).withLesson(java.util.Optional.of(new Session.OpenLesson(deck, 0)));

        new SessionCodec(model, lessons).apply(ve);
        assertEquals(deck, lessons.lessonProperty().get());
        assertEquals(org.scorefield.core.schedule.ScheduleKind.VE, model.process().schedule().kind());
        lessons.go(0);
        assertEquals(30.0, model.process().value("sigma_max"), "the scene sets the session's VE σ_max");
    }

    @Test
    void pointsDrawnInClassesComeBackFromASessionFileWithTheirClasses(@org.junit.jupiter.api.io.TempDir
                                                                      java.nio.file.Path dir) {
        model.data().clear();
        model.data().brush(-1, 0, 0.2, 6, 0); // unlabelled so far
        model.data().brush(1, 0, 0.2, 5, 2); // the six become class 0
        model.data().brush(0, 1, 0.2, 4, 7);
        int[] drawn = model.data().data().points().labels();
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 7, 7, 7, 7),
                java.util.Arrays.stream(drawn).boxed().toList());
        java.nio.file.Path file = dir.resolve("drawn" + org.scorefield.core.session.SessionFile.EXTENSION);
        org.scorefield.core.session.SessionFile.save(new SessionCodec(model).capture(), file);

        ExplorerModel other = new ExplorerModel(new ManualJobs().jobs);
        new SessionCodec(other).apply(org.scorefield.core.session.SessionFile.load(file));
        assertEquals(model.data().data().points(), other.data().data().points(), "points and labels, exactly");
        assertEquals("drawn points", other.data().data().name());
        assertEquals(8, other.data().data().points().labelCount());
    }

    @Test
    void aSessionWithOneBadValueChangesNothing() {
        Session saved = new SessionCodec(model).capture();
        // the Steps spinner stops at 1,000
        Session.Settings bad = saved.settings().toBuilder().put(Settings.STEPS.key(), 5000L).build();
        model.view().timeProperty().set(0.5);
        model.sampling().stepsProperty().set(32);
        Session wrong = new Session(saved.data(), saved.process(), saved.model(), bad);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new SessionCodec(model).apply(wrong));
        assertTrue(e.getMessage().contains("sampling.steps"), e.getMessage());
        assertEquals(0.5, model.view().timeProperty().get(), "nothing changed");
        assertEquals(32, model.sampling().stepsProperty().get());
    }

    @Test
    void aProcessConstantOrAPointCountBeyondTheControlsIsRefusedNotClamped() {
        Session saved = new SessionCodec(model).capture();
        model.view().timeProperty().set(0.5);
        Session hot = new Session(saved.data(), org.scorefield.core.schedule.ScheduleKind.VP.create(
                java.util.Map.of("beta_min", 0.1, "beta_max", 1e308)), saved.model(), saved.settings());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new SessionCodec(model).apply(hot));
        assertEquals("\"process.parameters.beta_max\" is 1e+308, but the window's β_max lies between 1 and 50.",
                e.getMessage());
        Session.Data d = saved.data();
        Session many = new Session(new Session.Data(d.name(), d.preset(), 1_000_000_000, d.seed(), d.points()),
                saved.process(), saved.model(), saved.settings());
        e = assertThrows(InvalidInputException.class, () -> new SessionCodec(model).apply(many));
        assertEquals("\"data.count\" is 1000000000, but the window's Points lie between 50 and 5000.", e.getMessage());
        Session crowded = new Session(new Session.Data(d.name(), java.util.Optional.empty(), d.count(), d.seed(),
                org.scorefield.core.data.PointSet.of(new double[2 * 5001])), saved.process(), saved.model(),
                saved.settings());
        e = assertThrows(InvalidInputException.class, () -> new SessionCodec(model).apply(crowded));
        assertEquals("\"data.points\" holds 5001 points, but the window holds at most 5000.", e.getMessage());
        assertEquals(0.5, model.view().timeProperty().get(), "nothing changed");
        assertEquals(1000, model.data().pointCountProperty().get());
    }

    @Test
    void aPresetSourceIsReadByItsIdWithOrWithoutItsPrefixAndAnUnknownOneIsRefused() {
        Session saved = new SessionCodec(model).capture();
        for (String id : new String[] {"moons", "preset:moons"}) {
            Session.Settings with = saved.settings().toBuilder().put(Settings.SOURCE.key(), id).build();
            ExplorerModel other = new ExplorerModel(new ManualJobs().jobs);
            new SessionCodec(other).apply(new Session(saved.data(), saved.process(), saved.model(), with));
            assertEquals("Two moons", other.training().sourceProperty().get().label(), id);
        }
        Session.Settings unknown = saved.settings().toBuilder().put(Settings.SOURCE.key(), "warp").build();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new SessionCodec(model)
                .apply(new Session(saved.data(), saved.process(), saved.model(), unknown)));
        assertEquals("\"settings.training.source\" is warp, which is neither gaussian, points nor a preset.",
                e.getMessage());
    }

    /** Sets a setting to a value it allows other than its default: another choice, or the far end of its range. */
    private <T> void setOther(Setting<T> s) {
        T v;
        if (s.choices() != null) {
            List<T> choices = s.choices();
            v = choices.get(choices.get(0).equals(s.defaultValue()) ? choices.size() - 1 : 0);
        } else if (s.type() == Boolean.class) {
            v = s.type().cast(!(Boolean) s.defaultValue());
        } else {
            v = s.max().equals(s.defaultValue()) ? s.min() : s.max();
        }
        model.values().set(s, v);
    }

    /** A classifier trained in the window comes back with its model, so classifier guidance does too. */
    @Test
    void aSessionKeepsTheClassifierTrainedForItsModel() throws InterruptedException {
        ManualJobs manual = new ManualJobs();
        ExplorerModel trained = new ExplorerModel(manual.jobs);
        trained.data().presetProperty().set(org.scorefield.core.data.DatasetPreset.GMM_LABELLED);
        trained.training().widthProperty().set(32);
        trained.training().depthProperty().set(1);
        trained.training().step();
        manual.runLanes();
        manual.deliverWaiting();
        for (int i = 0; i < 600 && trained.training().model().isEmpty(); i++) {
            Thread.sleep(50);
            manual.deliverWaiting();
        }
        trained.classifier().train(said -> { });
        manual.runAll();
        var classifier = trained.classifier().modelWithClassifier().orElseThrow().classifier().orElseThrow();
        Session saved = new SessionCodec(trained).capture();
        ExplorerModel other = new ExplorerModel(new ManualJobs().jobs);
        new SessionCodec(other).apply(saved);
        other.sampling().driverProperty().set(org.scorefield.app.settings.Driver.MODEL);
        var back = other.samplingChoice().model().classifier().orElseThrow();
        double[] xy = {0.3, -1.2, -0.8, 0.6};
        assertArrayEquals(classifier.logProbabilities(xy, 0.2), back.logProbabilities(xy, 0.2), 0.0);
        trained.close();
    }

    /** Every setting of the flow comes back from a session file's settings. */
    @Test
    void theSettingsComeBackFromASession() {
        model.sdf().iterationsProperty().set(40);
        model.sdf().seedProperty().set(3);
        model.sdf().sourceProperty().set("8gaussians");
        model.sdf().sigmaProperty().set(0.3);
        model.sdf().annealProperty().set(false);
        model.sdf().sigmaEndProperty().set(0.02);
        model.sdf().etaProperty().set(0.25);
        model.sdf().fieldsProperty().set(true);
        model.view().sdfProperty().set(true);
        ExplorerModel other = new ExplorerModel(new ManualJobs().jobs);
        var codec = new SessionCodec(model);
        new SessionCodec(other).apply(codec.capture());
        org.scorefield.app.model.SdfState back = other.sdf();
        assertEquals("8gaussians", back.sourceProperty().get());
        assertEquals(0.3, back.sigmaProperty().get());
        assertFalse(back.annealProperty().get());
        assertEquals(0.02, back.sigmaEndProperty().get());
        assertEquals(0.25, back.etaProperty().get());
        assertEquals(40, back.iterationsProperty().get());
        assertEquals(3, back.seedProperty().get());
        assertTrue(back.fieldsProperty().get());
        assertTrue(other.view().sdfProperty().get());
    }
}
