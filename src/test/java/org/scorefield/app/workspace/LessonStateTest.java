package org.scorefield.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scorefield.app.jobs.ManualJobs;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.schedule.ScheduleKind;
import org.scorefield.core.session.Lesson;
import org.scorefield.core.session.Session;

/** Stepping through a lesson without a window: each scene sets what it lists, and a bad scene changes nothing. */
class LessonStateTest {

    private final ManualJobs manual = new ManualJobs();
    private final ExplorerModel model = new ExplorerModel(manual.jobs);
    private final LessonState lessons = new LessonState(model);

    /** The memorisation scene trains on 16 points; a scene written before there was a dataset size draws the whole preset. */
    @Test
    void aSceneWithoutADatasetSizeDrawsTheWholePresetAgain() {
        Lesson lesson = LessonState.defaultLesson();
        lessons.next();
        lessons.go(lesson.scenes().stream().map(Lesson.Scene::name).toList().indexOf("Memorisation"));
        manual.runAll();
        assertEquals(16, model.data().trainSizeProperty().get());
        assertEquals(16, model.data().data().points().size());
        lessons.go(0);
        manual.runAll();
        assertEquals(org.scorefield.app.settings.Settings.WHOLE_PRESET, model.data().trainSizeProperty().get());
        assertEquals(1000, model.data().data().points().size());
    }

    /**
     * Jumping straight to a scene shows its own view, not one of a scene before it: the scenes merge one by one,
     * each turning off the views it does not name, and drawing the whole preset unless it names a dataset size.
     */
    @Test
    void aJumpPastAViewsSceneDoesNotKeepItsView() {
        Lesson lesson = LessonState.defaultLesson();
        List<String> names = lesson.scenes().stream().map(Lesson.Scene::name).toList();
        lessons.next();
        lessons.go(names.indexOf("Mean shift")); // after Memorisation (16 points) and Score-difference flow
        manual.runAll();
        assertTrue(model.meanShift().onProperty().get());
        assertFalse(model.view().sdfProperty().get(), "the SDF scene before it does not leave its view on");
        assertEquals(org.scorefield.app.settings.Settings.WHOLE_PRESET, model.data().trainSizeProperty().get());
        lessons.go(names.indexOf("Forward SDE paths")); // after Langevin
        manual.runAll();
        assertFalse(model.view().langevinProperty().get());
        assertFalse(model.meanShift().onProperty().get());
    }

    /** Jumping from any view's scene to one that names other view settings shows that scene's view only. */
    @Test
    void aSceneTurnsOffTheViewsItDoesNotName() {
        Lesson lesson = LessonState.defaultLesson();
        List<String> names = lesson.scenes().stream().map(Lesson.Scene::name).toList();
        lessons.next();
        for (String from : List.of("Score-difference flow", "Likelihood", "PF-ODE vs reverse SDE", "Mean shift",
                "Denoising lands early", "Langevin and score ascent", "Forward SDE paths")) {
            lessons.go(names.indexOf(from));
            manual.runAll();
            assertTrue(java.util.stream.Stream.concat(org.scorefield.app.settings.Settings.VIEWS.stream(),
                    org.scorefield.app.settings.Settings.SCENE_MODES.stream())
                    .anyMatch(v -> !model.values().get(v).equals(v.defaultValue())),
                    from + " shows a view of its own");
            // "Forward noising" names split and rounds (off) but neither log p₀ nor SDF
            lessons.go(names.indexOf("Forward noising"));
            manual.runAll();
            for (var v : java.util.stream.Stream.concat(org.scorefield.app.settings.Settings.VIEWS.stream(),
                    org.scorefield.app.settings.Settings.SCENE_MODES.stream()).toList()) {
                assertEquals(v.defaultValue(), model.values().get(v), v.key() + " after " + from);
            }
        }
    }

    @Test
    void theDefaultLessonFollowsTheStoryAndEverySceneShows() {
        Lesson lesson = LessonState.defaultLesson();
        assertEquals(List.of("The data", "Forward noising", "Score and Tweedie", "PF-ODE vs reverse SDE",
                "Samplers and NFE", "Flow matching", "Couplings", "Reflow", "Guidance", "Density flows",
                "Likelihood", "Another schedule", "Memorisation",
                "Score-difference flow", "Mean shift", "Denoising lands early",
                "Langevin and score ascent", "Forward SDE paths"),
                lesson.scenes().stream().map(Lesson.Scene::name).toList());
        List<String> names = lesson.scenes().stream().map(Lesson.Scene::name).toList();
        lessons.next(); // PageDown with no lesson open starts the default one
        assertEquals(0, lessons.indexProperty().get());
        for (int i = 0; i < lesson.scenes().size(); i++) {
            lessons.go(i);
            manual.runAll();
            assertEquals(i, lessons.indexProperty().get());
            assertEquals("Scene " + (i + 1) + " of " + lesson.scenes().size() + ": " + lesson.scenes().get(i).name()
                    + ".",
                    model.messageProperty().get());
            assertFalse(lesson.scenes().get(i).caption().isBlank());
        }
        lessons.go(3);
        assertTrue(model.view().splitProperty().get(), "PF-ODE vs SDE is the split view");
        assertEquals(Objective.EDM, model.training().objectiveProperty().get());
        lessons.go(5);
        assertEquals(Objective.FLOW_MATCHING, model.training().objectiveProperty().get());
        assertFalse(model.view().splitProperty().get());
        assertEquals(0.5, model.view().timeProperty().get());
        for (int i = 5; i <= lesson.scenes().size(); i++) {
            lessons.next(); // past the end
        }
        assertEquals(lesson.scenes().size() - 1, lessons.indexProperty().get(), "the last scene stays the last");
        // the Forward SDE scene puts the data on Brownian paths, out of the Langevin view of the scene before
        assertEquals(org.scorefield.app.settings.ForwardPaths.BROWNIAN, model.view().forwardPathsProperty().get());
        assertFalse(model.view().langevinProperty().get());
        lessons.go(names.indexOf("Langevin and score ascent"));
        assertTrue(model.view().langevinProperty().get(), "Langevin and score ascent is the Langevin view");
        assertEquals(org.scorefield.core.data.DatasetPreset.GMM_LABELLED, model.data().presetProperty().get());
        assertEquals(org.scorefield.core.sample.LangevinStart.UNIFORM, model.langevin().startProperty().get());
        assertEquals(org.scorefield.app.settings.Driver.EXACT, model.sampling().driverProperty().get());
        // "Denoising lands early" is denoising vs sampling, without the mean shift of the one before
        lessons.go(names.indexOf("Denoising lands early"));
        assertTrue(model.denoising().onProperty().get());
        assertFalse(model.meanShift().onProperty().get());
        assertEquals(org.scorefield.app.settings.CanvasTool.LOOK, model.view().toolProperty().get());
        lessons.go(names.indexOf("Mean shift"));
        // the mean-shift scene chooses its tool through its setting, and puts the probe where it says
        assertTrue(model.meanShift().onProperty().get());
        assertEquals(org.scorefield.app.settings.CanvasTool.MEAN_SHIFT, model.view().toolProperty().get());
        assertEquals(1.05, model.meanShift().xProperty().get());
        assertFalse(model.denoising().onProperty().get());
        lessons.go(names.indexOf("Score-difference flow"));
        assertFalse(model.meanShift().onProperty().get());
        // the SDF scene shows score-difference flow; its running flow is the view's own job
        assertTrue(model.view().sdfProperty().get());
        assertFalse(model.view().likelihoodProperty().get());
        manual.runAll();
        assertTrue(model.sdf().snapshotProperty().get().done(), "the scene's view runs the flow");
        lessons.go(names.indexOf("Memorisation"));
        assertFalse(model.view().sdfProperty().get(), "the scene before turns the SDF view off");
        // "Another schedule" samples a model of moons under VP, in the single view
        lessons.go(names.indexOf("Another schedule"));
        assertEquals(org.scorefield.core.schedule.ScheduleKind.VP, model.process().kindProperty().get());
        assertFalse(model.view().likelihoodProperty().get());
        assertTrue(model.view().showSamplesProperty().get());
        lessons.go(names.indexOf("Density flows"));
        lessons.go(names.indexOf("Likelihood"));
        // the log p₀ scene shows the model, unguided, without the swirl or the cells of the one before
        assertTrue(model.view().likelihoodProperty().get());
        assertEquals(org.scorefield.app.settings.Settings.NO_CLASS, model.sampling().guidedClassProperty().get());
        assertEquals(org.scorefield.app.settings.Driver.MODEL, model.sampling().driverProperty().get());
        assertEquals(0.0, model.sampling().swirlProperty().get());
        assertFalse(model.view().continuityProperty().get());
        lessons.go(names.indexOf("Density flows"));
        assertFalse(model.view().likelihoodProperty().get(), "the scene before turns the log p\u2080 view off");
        // the scene before swirls the samples over the continuity cells; going back to the first turns both off
        assertEquals(1.5, model.sampling().swirlProperty().get());
        assertTrue(model.view().continuityProperty().get());
        // the guidance scene guides class 2 of gmm-labelled; going back to the first leaves guidance off again
        lessons.go(8);
        assertEquals(2, model.sampling().guidedClassProperty().get());
        lessons.go(0);
        assertEquals(org.scorefield.app.settings.Settings.NO_CLASS, model.sampling().guidedClassProperty().get());
        assertEquals(org.scorefield.app.settings.ForwardPaths.FIXED_EPSILON, model.view().forwardPathsProperty().get(),
                "the first scene puts the data back on fixed-\u03b5 paths");
        assertEquals(0, model.sampling().swirlProperty().get());
        assertFalse(model.view().continuityProperty().get());
        lessons.go(-5);
        assertEquals(0, lessons.indexProperty().get());
        lessons.close();
        assertEquals(-1, lessons.indexProperty().get());
    }

    @Test
    void aSceneChangesDataAndProcessOnlyWhenItsDiffer() {
        Session.Settings settings = Session.Settings.builder().put("data.preset", "8gaussians")
                .put("process.kind", "ve").put("process.sigma_max", 8.0).build();
        lessons.open(new Lesson("t", List.of(new Lesson.Scene("s", "", List.of(), settings))));
        assertEquals(DatasetPreset.EIGHT_GAUSSIANS, model.data().data().preset().orElseThrow());
        assertEquals(ScheduleKind.VE, model.process().schedule().kind());
        assertEquals(8.0, model.process().value("sigma_max"));
        var before = model.data().data();
        lessons.go(0);
        assertTrue(before == model.data().data(), "the same data is not drawn again");
    }

    @Test
    void aLessonWithABadSceneIsRefusedWholeAndNothingChanges() {
        double t = model.view().timeProperty().get();
        Session.Settings good = Session.Settings.builder().put("view.time", 0.7).build();
        for (Session.Settings bad : List.of(
                Session.Settings.builder().put("view.nonsense", true).build(),
                Session.Settings.builder().put("view.time", 3.0).build(),
                Session.Settings.builder().put("sampling.solver", "magic").build(),
                Session.Settings.builder().put("process.beta_max", 1e9).build(),
                Session.Settings.builder().put("training.source", "points").build(),
                Session.Settings.builder().put("process.kind", "vp").put("process.beta_min", 5.0)
                        .put("process.beta_max", 1.0).build(),
                Session.Settings.builder().put("view.speed", 2.0).build())) {
            Lesson lesson = new Lesson("t", List.of(new Lesson.Scene("fine", "", List.of(), good),
                    new Lesson.Scene("broken", "", List.of(), bad)));
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> lessons.open(lesson));
            assertTrue(e.getMessage().startsWith("Scene 2 (broken): "), e.getMessage());
            assertEquals(t, model.view().timeProperty().get(), "nothing changed: " + e.getMessage());
            assertEquals(null, lessons.lessonProperty().get());
        }
    }

    /** The placeholders are doubled braces: LaTeX's own groups, x_{t} or \\frac{t}{2}, are left alone. */
    @Test
    void placeholdersLeaveLatexGroupsAlone() {
        model.view().timeProperty().set(0.15);
        assertEquals("x_{t} = \\frac{t}{2}, \\quad t = 0.150, \\quad \\alpha = 1",
                lessons.fill("x_{t} = \\frac{t}{2}, \\quad t = {{t}}, \\quad \\alpha = {{alpha}}")
                        .replaceAll("\\\\alpha = 0\\.[0-9]+", "\\\\alpha = 1"));
        // alpha under VP at t = 0.15: exp(-B/2) with B = 0.1 t + 9.95 t^2
        double b = 0.1 * 0.15 + 9.95 * 0.15 * 0.15;
        assertEquals(String.format(java.util.Locale.ROOT, "%.3f", Math.exp(-b / 2)), lessons.fill("{{alpha}}"));
    }

    /**
     * A scene shows the settings of the scenes before it too, so it looks the same however it is
     * reached; a scene's constants are checked against the kind the scenes before it leave.
     */
    @Test
    void aSceneLooksTheSameHoweverItIsReached() {
        lessons.open(LessonState.defaultLesson());
        model.process().kindProperty().set(ScheduleKind.VE); // the user wanders off
        model.view().splitProperty().set(true);
        lessons.go(2); // picked from the list: scene 1's VP and its own single view come back
        assertEquals(ScheduleKind.VP, model.process().schedule().kind());
        assertEquals(20.0, model.process().value("beta_max"));
        assertFalse(model.view().splitProperty().get());
        Lesson mixed = new Lesson("t", List.of(
                new Lesson.Scene("ve", "", List.of(), Session.Settings.builder().put("process.kind", "ve").build()),
                new Lesson.Scene("vp constant", "", List.of(),
                        Session.Settings.builder().put("process.beta_max", 10.0).build())));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> lessons.open(mixed));
        assertTrue(e.getMessage().startsWith("Scene 2 (vp constant): "), e.getMessage());
    }

    @Test
    void aSceneIsOneUndoStep() {
        lessons.open(LessonState.defaultLesson());
        lessons.go(5); // flow matching, t = 0.5
        assertEquals(Objective.FLOW_MATCHING, model.training().objectiveProperty().get());
        assertTrue(model.undo().undo());
        assertEquals(Objective.EDM, model.training().objectiveProperty().get(), "one undo takes the scene back");
    }

    /** Every value a scene takes from the window, read off the window itself, not through capture(). */
    private java.util.Map<String, Object> window() {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("data.preset", model.data().presetProperty().get());
        out.put("data.points", model.data().pointCountProperty().get());
        out.put("data.seed", model.data().seedProperty().get());
        out.put("process", model.process().schedule());
        out.put("objective", model.training().objectiveProperty().get());
        out.put("solver", model.sampling().solverProperty().get());
        out.put("steps", model.sampling().stepsProperty().get());
        out.put("eta", model.sampling().etaProperty().get());
        out.put("t", model.view().timeProperty().get());
        out.put("split", model.view().splitProperty().get());
        out.put("density", model.view().showDensityProperty().get());
        out.put("field", model.view().showFieldProperty().get());
        out.put("samples", model.view().showSamplesProperty().get());
        return out;
    }

    /**
     * A scene added after scene 2 of the default lesson shows exactly what the window showed when it
     * was added, after stepping away and back; the scenes after it look as they did.
     */
    @Test
    void anAddedSceneShowsTheCapturedWindowWhenSteppedBackTo() {
        Lesson before = LessonState.defaultLesson();
        lessons.open(before);
        java.util.List<java.util.Map<String, Object>> looks = new java.util.ArrayList<>();
        for (int i = 0; i < before.scenes().size(); i++) {
            lessons.go(i);
            looks.add(window());
        }
        lessons.go(1);
        model.process().kindProperty().set(ScheduleKind.VE);
        model.process().set("sigma_max", 30.0);
        model.data().presetProperty().set(DatasetPreset.EIGHT_GAUSSIANS);
        model.sampling().stepsProperty().set(7);
        model.sampling().etaProperty().set(0.5);
        model.view().timeProperty().set(0.42);
        model.view().showFieldProperty().set(true);
        model.view().splitProperty().set(true);
        var captured = window();
        lessons.add("  Mine ", "What I set.", List.of("x_t = {{t}}"));
        assertEquals(2, lessons.indexProperty().get());
        Lesson after = lessons.lessonProperty().get();
        assertEquals(before.scenes().size() + 1, after.scenes().size());
        assertEquals("Mine", after.scenes().get(2).name());
        assertEquals(List.of("x_t = {{t}}"), after.scenes().get(2).equations());
        assertTrue(model.messageProperty().get().startsWith("Added scene 3 of " + after.scenes().size() + ", \"Mine\""),
                model.messageProperty().get());
        lessons.go(0);
        lessons.go(5);
        lessons.go(2);
        manual.runAll();
        assertEquals(captured, window(), "stepping back shows what was captured");
        for (int i = 0; i < before.scenes().size(); i++) {
            lessons.go(i < 2 ? i : i + 1);
            // η is set by no scene of the default lesson: it shows what the window has, before and after
            var now = window();
            now.remove("eta");
            looks.get(i).remove("eta");
            assertEquals(looks.get(i), now, "scene " + before.scenes().get(i).name() + " looks as it did");
        }
    }

    @Test
    void editMoveAndDeleteKeepTheDeckAndTheSceneOnScreen() {
        lessons.open(LessonState.defaultLesson());
        lessons.go(3);
        lessons.change("Renamed deck", "Two samplers", "Same noise.", List.of("a", "b"), false);
        Lesson l = lessons.lessonProperty().get();
        assertEquals("Renamed deck", l.title());
        assertEquals(new Lesson.Scene("Two samplers", "Same noise.", List.of("a", "b"),
                LessonState.defaultLesson().scenes().get(3).settings()), l.scenes().get(3));
        assertEquals(3, lessons.indexProperty().get());
        model.view().timeProperty().set(0.61);
        lessons.change("Renamed deck", "Two samplers", "Same noise.", List.of(), true);
        lessons.go(0);
        lessons.go(3);
        assertEquals(0.61, model.view().timeProperty().get(), "the scene took the window's t");

        lessons.move(-1);
        assertEquals(2, lessons.indexProperty().get(), "the scene moved and stays on screen");
        assertEquals(List.of("The data", "Forward noising", "Two samplers", "Score and Tweedie"),
                lessons.lessonProperty().get().scenes().stream().limit(4).map(Lesson.Scene::name).toList());
        lessons.go(0);
        lessons.move(-1);
        assertEquals("Scene 1 is already the first.", model.messageProperty().get());

        lessons.go(1);
        lessons.delete();
        assertEquals(List.of("The data", "Two samplers", "Score and Tweedie"),
                lessons.lessonProperty().get().scenes().stream().limit(3).map(Lesson.Scene::name).toList());
        assertEquals(1, lessons.indexProperty().get(), "the scene after the deleted one is on screen");
        assertEquals("Two samplers", lessons.scene().orElseThrow().name());
        assertEquals(0.61, model.view().timeProperty().get());

        InvalidInputException bad = assertThrows(InvalidInputException.class,
                () -> lessons.add("x", "", List.of("\\def\\a{b}")));
        assertTrue(bad.getMessage().startsWith("Equation 1 uses \\def"), bad.getMessage());
        assertEquals(LessonState.defaultLesson().scenes().size() - 1, lessons.lessonProperty().get().scenes().size(),
                "a refused scene changes nothing");
    }

    @Test
    void aNewLessonIsOneSceneOfTheWindowAndSavesAsALessonFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        model.view().timeProperty().set(0.3);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> lessons.add("s", "", List.of()));
        assertTrue(e.getMessage().startsWith("No lesson is open"), e.getMessage());
        lessons.start("My lesson", "Start", "", List.of());
        Lesson l = lessons.lessonProperty().get();
        assertEquals(1, l.scenes().size());
        assertEquals(0, lessons.indexProperty().get());
        Session.Settings settings = l.scenes().get(0).settings();
        assertEquals(0.3, settings.number("view.time").orElseThrow());
        assertEquals("vp", settings.text("process.kind").orElseThrow());
        assertTrue(settings.number("process.beta_max").isPresent(), "with its constants");
        assertFalse(settings.values().containsKey("view.dark"), "the lecturer's look is not a scene's");
        assertFalse(settings.values().containsKey("training.width"), "nor is the network");
        assertThrows(InvalidInputException.class, () -> lessons.delete(), "a deck keeps one scene");
        java.nio.file.Path file = dir.resolve("mine.json");
        lessons.saveAs(file);
        manual.runAll();
        assertEquals(l, org.scorefield.core.session.LessonFile.read(file));
        assertEquals("Saved the lesson \"My lesson\" (1 scene) to mine.json.", model.messageProperty().get());
    }

    /**
     * The settings a scene records: what it shows (data, process, objective and source, the sampler, t,
     * the views and their layers, and what the compare view's B differs in), listed here by hand from
     * the lesson's design; not the network, the optimiser, Reflow, exports or the lecturer's look.
     */
    @Test
    void aSceneRecordsWhatItShowsTheCompareViewIncluded() {
        assertEquals(java.util.Set.of("data.preset", "data.points", "data.seed", "process.kind",
                "training.objective", "training.source", "training.coupling", "training.sinkhorn_epsilon",
                "compare.varies", "compare.objective", "compare.schedule", "compare.width", "compare.coupling",
                "sampling.driver", "sampling.solver", "sampling.steps", "sampling.grid", "sampling.eta",
                "sampling.seed", "sampling.count", "sampling.paths", "sampling.show_denoised", "view.time",
                "view.time_scale", "view.split", "view.rounds", "view.compare", "view.data", "view.density",
                "view.samples", "view.field", "view.field_kind", "view.field_source", "view.streamlines",
                "view.field_resolution", "view.arrow_scale", "view.pairs", "sampling.class", "sampling.guidance",
                "sampling.omega", "sampling.omega_b", "view.heatmap", "view.omega_split", "sampling.swirl",
                "view.continuity", "view.cells_x", "view.cells_y", "view.likelihood", "data.train_size", "view.sdf", "sdf.source",
                "sdf.sigma", "sdf.anneal", "sdf.sigma_end", "sdf.eta", "sdf.iterations", "sdf.seed", "sdf.fields", "view.mean_shift",
                "view.mean_shift_x", "view.mean_shift_y", "view.denoising", "view.langevin",
                "langevin.step", "langevin.steps", "langevin.sigma", "langevin.seed", "langevin.start",
                "view.forward_paths"),
                LessonState.CAPTURED.stream().map(org.scorefield.app.settings.Setting::key)
                        .collect(java.util.stream.Collectors.toSet()));
    }

    /** A scene taken in the A vs B view shows that view again, with B differing as it did. */
    @Test
    void aSceneTakenInTheCompareViewShowsItAgain() {
        var compare = model.compare();
        compare.variesProperty().set(org.scorefield.app.settings.ComparedSetting.SCHEDULE);
        compare.scheduleProperty().set(ScheduleKind.VE);
        model.view().compareProperty().set(true);
        lessons.start("A vs B", "Two schedules", "", List.of());
        Session.Settings recorded = lessons.lessonProperty().get().scenes().get(0).settings();
        assertEquals(java.util.Optional.of(true), recorded.bool("view.compare"));
        assertEquals(java.util.Optional.of("schedule"), recorded.text("compare.varies"));
        assertEquals(java.util.Optional.of("ve"), recorded.text("compare.schedule"));

        model.view().compareProperty().set(false);
        compare.variesProperty().set(org.scorefield.app.settings.ComparedSetting.WIDTH);
        lessons.add("One model", "", List.of());
        lessons.go(0);
        manual.runAll();
        assertTrue(model.view().compareProperty().get(), "scene 1 is the A vs B view");
        assertEquals(org.scorefield.app.settings.ComparedSetting.SCHEDULE, compare.variesProperty().get());
        assertEquals(ScheduleKind.VE, compare.scheduleProperty().get());
        lessons.go(1);
        assertFalse(model.view().compareProperty().get(), "scene 2 is not");
    }

    /**
     * The deck counts as edited from an edit until it is saved as a lesson file or another deck is
     * opened; the menu asks before replacing an edited deck, since Undo does not bring it back.
     */
    @Test
    void aDeckIsEditedFromAnEditUntilSavedOrReplaced(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertFalse(lessons.editedProperty().get(), "no deck");
        lessons.open(LessonState.defaultLesson());
        assertFalse(lessons.editedProperty().get(), "as shipped");
        lessons.go(3);
        assertFalse(lessons.editedProperty().get(), "stepping is not editing");
        lessons.change("Mine", "Two samplers", "", List.of(), false);
        assertTrue(lessons.editedProperty().get(), "changed");
        lessons.saveAs(dir.resolve("mine.json"));
        manual.runAll();
        assertFalse(lessons.editedProperty().get(), "saved");
        lessons.move(1);
        assertTrue(lessons.editedProperty().get(), "moved");
        lessons.saveAs(dir.resolve("mine.json"));
        lessons.add("Late", "", List.of()); // edited while the file is being written
        manual.runAll();
        assertTrue(lessons.editedProperty().get(), "the file holds the deck without the scene added since");
        lessons.delete();
        lessons.open(LessonState.defaultLesson());
        assertFalse(lessons.editedProperty().get(), "another deck opened");
        lessons.start("New", "First", "", List.of());
        assertTrue(lessons.editedProperty().get(), "a new deck is saved nowhere");
        lessons.close();
        assertFalse(lessons.editedProperty().get());
        lessons.open(LessonState.defaultLesson());
        assertThrows(InvalidInputException.class, () -> lessons.change("", "x", "", List.of(), false));
        assertFalse(lessons.editedProperty().get(), "a refused edit edits nothing");
    }

    /**
     * The menu saves "mine" as mine.json, a name the file chooser did not ask about replacing: an
     * existing mine.json is then left alone, in one sentence; the name the chooser asked about is
     * replaced.
     */
    @Test
    void aNameTheChooserDidNotAskAboutDoesNotReplaceAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path mine = dir.resolve("mine.json");
        java.nio.file.Files.writeString(mine, "someone's notes");
        lessons.open(LessonState.defaultLesson());
        lessons.saveAs(mine, false);
        manual.runAll();
        assertEquals("someone's notes", java.nio.file.Files.readString(mine));
        assertEquals("The lesson is not saved: mine.json already exists; choose it by that name to replace it.",
                model.messageProperty().get());
        lessons.saveAs(dir.resolve("other.json"), false); // a new file needs no question
        manual.runAll();
        lessons.saveAs(mine, true);
        manual.runAll();
        assertEquals(LessonState.defaultLesson(), org.scorefield.core.session.LessonFile.read(mine));
        assertEquals(LessonState.defaultLesson(), org.scorefield.core.session.LessonFile.read(dir.resolve("other.json")));
    }

    /** A scene names a preset, never drawn points: adding one from drawn points says what it keeps. */
    @Test
    void aSceneFromDrawnPointsSaysItKeepsThePreset() {
        lessons.start("Drawn", "First", "", List.of());
        model.data().clear();
        assertTrue(model.data().data().preset().isEmpty(), "the points are edited");
        lessons.add("Second", "", List.of());
        assertTrue(model.messageProperty().get().endsWith("The drawn points are not kept: the scene draws the "
                + "preset Two moons again."), model.messageProperty().get());
        assertEquals("moons", lessons.lessonProperty().get().scenes().get(0).settings().text("data.preset")
                .orElseThrow());
    }
}
