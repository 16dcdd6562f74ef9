package org.scorefield.app.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.scorefield.app.view.FxWait.fx;
import static org.scorefield.app.view.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scorefield.app.ScorefieldApp;
import org.scorefield.app.model.DataState;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.model.ProbeState;
import org.scorefield.app.model.SamplingState;
import org.scorefield.app.model.SolverComparison;
import org.scorefield.app.model.SourceOption;
import org.scorefield.app.panel.ProcessSection;
import org.scorefield.app.settings.Settings;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scorefield.app.settings.AnimationSubject;
import org.scorefield.app.settings.CanvasTool;
import org.scorefield.app.settings.FieldSource;
import org.scorefield.app.settings.FrameSize;
import org.scorefield.app.workspace.ExportState;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.flow.ExactPath;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.Trajectories;
import org.scorefield.core.schedule.ScheduleKind;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real explorer window, driven headless through TestFX on Monocle (see the surefire argLine). */
@ExtendWith(ApplicationExtension.class)
class ExplorerWindowTest {

    /**
     * A pulse gap this long means the FX thread was blocked: heavy work ran on it. The gaps are
     * printed; their typical size (30–90 ms here) is a speed figure, measured on a quiet machine
     * and reported, not asserted, since CI machines are shared and a loaded one stretches them.
     */
    private static final double FROZEN_MS = 1000;

    private Stage stage;
    private ExplorerView view;
    private ExplorerModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        this.view = ScorefieldApp.show(stage, 1440, 900);
        this.model = view.model();
    }

    @AfterEach
    void closeWindow() {
        fx(() -> {
            stage.close();
            return null;
        });
    }

    @Test
    void windowOpensWithTitleSectionsAndCharts(FxRobot robot) {
        assertTrue(stage.isShowing());
        assertEquals("Scorefield", stage.getTitle());
        for (String id : List.of("#dataSection", "#processSection", "#trainingSection", "#samplingSection",
                "#fieldSection", "#timeSlider", "#fieldCanvas", "#scheduleChart", "#lossChart", "#statusBar",
                "#playButton", "#resampleButton", "#trainButton")) {
            assertTrue(robot.lookup(id).tryQuery().isPresent(), id + " is missing");
        }
        assertEquals("t = 0.00", robot.lookup("#timeLabel").queryAs(Label.class).getText());
    }

    /** What a control offers and what a session file may hold are one declaration: they cannot differ. */
    @Test
    void everyControlOffersExactlyWhatItsSettingAllows(FxRobot robot) {
        Map<org.scorefield.app.settings.Setting<?>, String> boxes = new java.util.LinkedHashMap<>();
        boxes.put(Settings.DATA_PRESET, "#dataBox");
        boxes.put(Settings.PROCESS_KIND, "#scheduleBox");
        boxes.put(Settings.OBJECTIVE, "#objectiveBox");
        boxes.put(Settings.COUPLING, "#couplingBox");
        boxes.put(Settings.WIDTH, "#widthBox");
        boxes.put(Settings.LEARNING_RATE, "#learningRateBox");
        boxes.put(Settings.BATCH, "#batchBox");
        boxes.put(Settings.REFLOW_PAIRS, "#reflowPairs");
        boxes.put(Settings.REFLOW_TRAIN_STEPS, "#reflowSteps");
        boxes.put(Settings.DRIVER, "#driverBox");
        boxes.put(Settings.SOLVER, "#solverBox");
        boxes.put(Settings.GRID, "#gridBox");
        boxes.put(Settings.GUIDED_CLASS, "#classBox");
        boxes.put(Settings.GUIDANCE, "#guidanceBox");
        boxes.put(Settings.HEATMAP, "#heatmapBox");
        boxes.put(Settings.FIELD_KIND, "#fieldKindBox");
        boxes.put(Settings.FIELD_SOURCE, "#fieldSourceBox");
        boxes.put(Settings.ANIMATION, "#exportWhat");
        boxes.put(Settings.FORMAT, "#exportFormat");
        boxes.put(Settings.FRAME_SIZE, "#exportSize");
        boxes.put(Settings.FPS, "#exportFps");
        boxes.put(Settings.SPEED, "#speedBox");
        boxes.put(Settings.TIME_SCALE, "#timeAxisBox");
        boxes.forEach((setting, id) -> assertEquals(setting.choices(),
                fx(() -> List.copyOf(robot.lookup(id).queryAs(ComboBox.class).getItems())), setting.key()));
        Map<org.scorefield.app.settings.Setting<?>, String> spinners = new java.util.LinkedHashMap<>();
        spinners.put(Settings.DATA_POINTS, "#pointsSpinner");
        spinners.put(Settings.DEPTH, "#depthSpinner");
        spinners.put(Settings.REFRESH_EVERY, "#refreshEvery");
        spinners.put(Settings.STEPS, "#stepsSpinner");
        spinners.put(Settings.SECONDS, "#exportSeconds");
        spinners.forEach((setting, id) -> {
            var factory = fx(() -> robot.lookup(id).queryAs(javafx.scene.control.Spinner.class).getValueFactory());
            Object[] range = factory instanceof javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory i
                    ? new Object[] {i.getMin(), i.getMax()}
                    : new Object[] {((javafx.scene.control.SpinnerValueFactory.DoubleSpinnerValueFactory) factory)
                    .getMin(), ((javafx.scene.control.SpinnerValueFactory.DoubleSpinnerValueFactory) factory).getMax()};
            assertEquals(List.of(setting.min(), setting.max()), List.of(range), setting.key());
        });
        Map<org.scorefield.app.settings.Setting<?>, String> sliders = new java.util.LinkedHashMap<>();
        sliders.put(Settings.SINKHORN_EPSILON, "#sinkhornEpsilonSlider");
        sliders.put(Settings.ETA, "#etaSlider");
        sliders.put(Settings.FIELD_RESOLUTION, "#fieldDensitySlider");
        sliders.put(Settings.ARROW_SCALE, "#arrowScaleSlider");
        sliders.put(Settings.TIME, "#timeSlider");
        sliders.forEach((setting, id) -> {
            Slider slider = robot.lookup(id).queryAs(Slider.class);
            double low = ((Number) setting.min()).doubleValue();
            double high = ((Number) setting.max()).doubleValue();
            assertEquals(setting.logScale() ? Math.log10(low) : low, fx(slider::getMin), 1e-12, setting.key());
            assertEquals(setting.logScale() ? Math.log10(high) : high, fx(slider::getMax), 1e-12, setting.key());
        });
    }

    /** A slider keeps the value it reads: η on "1.00" is the reverse SDE's η = 1, and titled so. */
    @Test
    void theEtaSliderKeepsEtaAsItReads(FxRobot robot) {
        Slider eta = robot.lookup("#etaSlider").queryAs(Slider.class);
        fx(() -> {
            eta.setValue(0.9996);
            return null;
        });
        assertEquals(1.0, fx(() -> model.sampling().etaProperty().get()));
        assertEquals("reverse SDE  (η = 1)", fx(() -> SamplerKind.SDE.settings(64,
                org.scorefield.core.schedule.GridKind.LOG_SNR, model.sampling().etaProperty().get()).title()));
    }

    /** What a session sets is kept exactly: only a value the user moves a slider to is rounded. */
    @Test
    void aSliderDoesNotRoundAValueSetByASession(FxRobot robot) {
        Slider eta = robot.lookup("#etaSlider").queryAs(Slider.class);
        Slider epsilon = robot.lookup("#sinkhornEpsilonSlider").queryAs(Slider.class);
        fx(() -> {
            model.sampling().etaProperty().set(0.125);
            model.training().sinkhornEpsilonProperty().set(0.125);
            return null;
        });
        assertEquals(0.125, fx(() -> model.sampling().etaProperty().get()));
        assertEquals(0.125, fx(() -> model.training().sinkhornEpsilonProperty().get()));
        assertEquals(0.125, fx(eta::getValue), 1e-12, "the slider shows it");
        assertEquals(Math.log10(0.125), fx(epsilon::getValue), 1e-12);
    }

    /** The weight count follows the width and depth before any training. */
    @Test
    void theWeightCountFollowsTheNetworksSize(FxRobot robot) {
        fx(() -> {
            model.training().widthProperty().set(64);
            model.training().depthProperty().set(2);
            return null;
        });
        // 2 coordinates + 2·8 Fourier features in, 64 units, 2 hidden layers, 2 out: (18+1)·64 + (64+1)·64 + (64+1)·2
        assertEquals("5,506 weights.", robot.lookup("#trainingNotice").queryAs(Label.class).getText());
    }

    @Test
    void everyControlOfTheSidePanelHasATooltip(FxRobot robot) {
        List<String> missing = new ArrayList<>();
        for (Node node : robot.lookup("#sidePanel .combo-box, #sidePanel .button, #sidePanel .slider, "
                + "#sidePanel .spinner, #sidePanel .toggle-switch, #sidePanel .text-field").queryAll()) {
            if (node instanceof javafx.scene.control.Control c && c.getTooltip() == null
                    && !(node.getParent() instanceof javafx.scene.control.Spinner)
                    && !(node.getParent() instanceof ComboBox)) {
                missing.add(node.getId() + " " + node.getClass().getSimpleName());
            }
        }
        assertTrue(missing.isEmpty(), "controls without a tooltip: " + missing);
    }

    @Test
    void choosingAPresetChangesTheData(FxRobot robot) {
        Canvas canvas = robot.lookup("#fieldCanvas").queryAs(Canvas.class);
        double[] before = fx(() -> model.data().data().points().xy());
        int[] pixelsBefore = pixels(canvas);

        robot.clickOn("#dataBox");
        robot.clickOn(DatasetPreset.EIGHT_GAUSSIANS.displayName());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(DatasetPreset.EIGHT_GAUSSIANS, fx(() -> model.data().data().preset().orElseThrow()));
        assertFalse(java.util.Arrays.equals(before, fx(() -> model.data().data().points().xy())));
        assertClearlyDifferent(pixelsBefore, pixels(canvas));
    }

    @Test
    void movingAScheduleSliderMovesTheParticles(FxRobot robot) {
        fx(() -> {
            model.view().timeProperty().set(0.3);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Canvas canvas = robot.lookup("#fieldCanvas").queryAs(Canvas.class);
        double[] before = particles();
        int[] pixelsBefore = pixels(canvas);

        reveal(robot, "#param-beta_max"); // below the fold once the Data section's rows are taller than the view
        Slider betaMax = robot.lookup("#param-beta_max").queryAs(Slider.class);
        robot.drag("#param-beta_max .thumb").moveBy(-betaMax.getWidth() / 2, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();

        double value = fx(() -> model.process().value("beta_max"));
        assertTrue(value < 10, "dragging left should lower β_max from 20, got " + value);
        assertEquals(ScheduleKind.VP, fx(() -> model.process().schedule().kind()));
        double[] after = particles();
        double moved = 0;
        for (int i = 0; i < before.length; i++) {
            moved = Math.max(moved, Math.abs(after[i] - before[i]));
        }
        assertTrue(moved > 0.05, "less noise at t = 0.3 should move the particles, moved " + moved);
        assertClearlyDifferent(pixelsBefore, pixels(canvas));
        assertEquals(ProcessSection.format(value), robot.lookup("#value-beta_max").queryAs(Label.class).getText());
    }

    @Test
    void trainingGrowsTheLossChartAndKeepsTheWindowResponsive(FxRobot robot) {
        robot.clickOn("#trainButton");
        // Measured from the first hand-over on: building the session (loading ND4J) runs in the background.
        waitUntil(60, () -> model.training().stepsProperty().get() > 0);
        PulseGaps gaps = fx(PulseGaps::new);
        waitUntil(60, () -> model.training().stepsProperty().get() >= 400);
        long plotted = fx(() -> view.charts().lossChart().lossCount());
        robot.clickOn("#trainButton"); // pause
        waitUntil(10, () -> model.training().stateProperty().get() != org.scorefield.core.nn.TrainingWorker.State.RUNNING);
        double worst = fx(gaps::stopAndReport);

        assertTrue(plotted >= 250, "the loss chart should hold the losses of the steps taken, has " + plotted);
        assertTrue(fx(() -> model.training().model().isPresent()));
        assertEquals("Train", robot.lookup("#trainButton").queryAs(Button.class).getText());
        assertTrue(gaps.pulses > 20, "pulses should keep coming while training, saw " + gaps.pulses);
        // The target: no gap over 100 ms. Measured 34–48 ms alone and 43–65 ms with a second process
        // keeping one of the two cores busy (the loss chart's redraw is the largest recurring frame).
        System.out.printf("longest FX pulse gap while training: %.1f ms over %d pulses%n", worst, gaps.pulses);
        assertTrue(worst < FROZEN_MS, "longest gap between two FX pulses while training: " + worst + " ms");
    }

    @Test
    void trainingSamplingClicksAndFieldsChangeNothingOffTheFxThread(FxRobot robot) {
        FxThreadWatch watch = fx(() -> new FxThreadWatch().state(model).state(model.data()).state(model.process())
                .state(model.training()).state(model.sampling()).state(view.layers())
                .scene(stage.getScene().getRoot()));
        assertTrue(watch.watched() > 200, "watched " + watch.watched());
        fx(() -> {
            model.view().showFieldProperty().set(true);
            model.view().fieldSourceProperty().set(FieldSource.LEARNED);
            model.view().timeProperty().set(0.4);
            model.training().train();
            return null;
        });
        waitUntil(60, () -> model.training().stepsProperty().get() >= 150);
        // Learned field, streamlines, the difference heatmap, a click, a resample and the split view, all while training.
        fx(() -> {
            model.view().streamlinesProperty().set(true);
            return null;
        });
        // Not "until idle": every model update while training asks for the field again.
        waitUntil(30, () -> view.layers().layersProperty().get().lines() != null);
        fx(() -> {
            model.view().fieldSourceProperty().set(FieldSource.DIFFERENCE);
            model.sampling().startAt(1, 1);
            model.sampling().resample();
            model.view().splitProperty().set(true);
            return null;
        });
        waitUntil(90, () -> view.layers().layersProperty().get().difference() != null
                && !model.sampling().clicksProperty().get().isEmpty()
                && model.sampling().runsProperty().get().sde() != null);
        // The split view's canvases joined the scene: watch them too, and resample once more.
        fx(() -> {
            watch.scene(stage.getScene().getRoot());
            model.sampling().newSeed();
            return null;
        });
        long reseeded = fx(() -> model.sampling().seedProperty().get());
        waitUntil(30, () -> model.sampling().runsProperty().get().sde() != null
                && model.sampling().runsProperty().get().sde().seed() == reseeded);
        fx(() -> {
            model.training().pause();
            return null;
        });
        waitUntil(10, () -> model.training().stateProperty().get() != org.scorefield.core.nn.TrainingWorker.State.RUNNING);
        fx(() -> {
            watch.stop();
            return null;
        });
        assertTrue(watch.violations().isEmpty(), "changed off the FX thread: " + watch.violations());
    }

    @Test
    void clickingTheCanvasStartsATrajectory(FxRobot robot) {
        Canvas canvas = robot.lookup("#fieldCanvas").queryAs(Canvas.class);
        fx(() -> {
            model.view().showDataProperty().set(false);
            model.view().showSamplesProperty().set(false);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        int[] before = pixels(canvas);
        Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
        robot.clickOn(b.getMinX() + b.getWidth() * 0.7, b.getMinY() + b.getHeight() * 0.3);
        waitUntil(30, () -> !model.sampling().clicksProperty().get().isEmpty());
        fx(() -> {
            view.scrubber().stop();
            model.view().timeProperty().set(0);
            view.canvasArea().redraw();
            return null;
        });
        SamplingState.Click click = fx(() -> model.sampling().clicksProperty().get().get(0));
        assertTrue(click.x() > 0 && click.y() > 0, "the click was right of and above the centre");
        Trajectories path = click.single();
        assertEquals(click.x(), path.positions()[0][0], 1e-12, "the path starts where the user clicked");
        assertEquals(click.y(), path.positions()[0][1], 1e-12);
        assertClearlyDifferent(before, pixels(canvas));
    }

    @Test
    void resamplingWithTheSameSeedGivesIdenticalTrajectories(FxRobot robot) {
        waitUntil(30, () -> model.sampling().runsProperty().get().single() != null && model.jobs().idle());
        Trajectories first = fx(() -> model.sampling().runsProperty().get().single().trajectories());
        robot.clickOn("#resampleButton");
        waitUntil(30, () -> model.jobs().idle() && model.sampling().runsProperty().get().single() != null
                && model.sampling().runsProperty().get().single().trajectories() != first);
        long newSeed = fx(() -> model.sampling().seedProperty().get());
        Trajectories other = fx(() -> model.sampling().runsProperty().get().single().trajectories());
        assertFalse(java.util.Arrays.equals(first.positions()[0], other.positions()[0]), "a new seed, new noise");

        // Type the first seed back: the very same trajectories come back, twice.
        reveal(robot, "#sampleSeed");
        for (int k = 0; k < 2; k++) {
            robot.doubleClickOn("#sampleSeed").eraseText(12).write("1").type(javafx.scene.input.KeyCode.ENTER);
            waitUntil(30, () -> model.jobs().idle() && model.sampling().seedProperty().get() == 1
                    && model.sampling().runsProperty().get().single() != null
                    && model.sampling().runsProperty().get().single().seed() == 1);
            Trajectories again = fx(() -> model.sampling().runsProperty().get().single().trajectories());
            for (int r = 0; r < first.length(); r++) {
                assertArrayEquals(first.positions()[r], again.positions()[r], "row " + r);
            }
            fx(() -> {
                model.sampling().seedProperty().set(newSeed);
                return null;
            });
        }
    }

    @Test
    void splitViewShowsOdeAndSdeFromTheSameStart(FxRobot robot) {
        robot.clickOn("#splitView");
        waitUntil(30, () -> model.jobs().idle() && model.sampling().runsProperty().get().sde() != null);
        assertTrue(robot.lookup("#odeCanvas").query().isVisible());
        assertTrue(robot.lookup("#sdeCanvas").query().isVisible());
        assertFalse(robot.lookup("#fieldCanvas").tryQuery().map(Node::isVisible).orElse(false)
                && robot.lookup("#fieldCanvas").query().getScene() != null);
        SamplingState.Runs runs = fx(() -> model.sampling().runsProperty().get());
        assertNotNull(runs.ode());
        assertEquals(0, runs.ode().settings().eta());
        assertTrue(runs.sde().settings().eta() > 0);
        assertArrayEquals(runs.ode().trajectories().positions()[0], runs.sde().trajectories().positions()[0],
                "both start from the same prior noise");
        int last = runs.ode().trajectories().length() - 1;
        assertFalse(java.util.Arrays.equals(runs.ode().trajectories().positions()[last],
                runs.sde().trajectories().positions()[last]), "and end in different places");
        assertTrue(pixelsDiffer(robot.lookup("#odeCanvas").queryAs(Canvas.class),
                robot.lookup("#sdeCanvas").queryAs(Canvas.class)));
    }

    @Test
    void eachRunIsJudgedAgainstTheFloorOfItsOwnDataAndSeed() {
        waitUntil(30, () -> model.jobs().idle() && model.sampling().runsProperty().get().single() != null);
        assertFloorIsItsOwn(model.sampling().runsProperty().get().single());
        // A new seed, then new data: the floor shared by earlier runs must not follow them.
        fx(() -> {
            model.sampling().seedProperty().set(424_242);
            return null;
        });
        waitUntil(30, () -> model.jobs().idle() && model.sampling().runsProperty().get().single() != null
                && model.sampling().runsProperty().get().single().seed() == 424_242);
        assertFloorIsItsOwn(model.sampling().runsProperty().get().single());
        fx(() -> {
            model.data().presetProperty().set(DatasetPreset.EIGHT_GAUSSIANS);
            model.view().splitProperty().set(true);
            return null;
        });
        waitUntil(30, () -> model.jobs().idle() && model.sampling().runsProperty().get().sde() != null);
        SamplingState.Runs runs = fx(() -> model.sampling().runsProperty().get());
        assertFloorIsItsOwn(runs.ode());
        assertFloorIsItsOwn(runs.sde());
    }

    /** The run's SW2 floor is the floor of the reference that drives sampling now, at the run's size and seed. */
    private void assertFloorIsItsOwn(SamplingState.Run run) {
        double expected = fx(() -> org.scorefield.core.metric.SampleQuality.floor(model.samplingChoice().reference(),
                run.trajectories().particles(), run.seed()));
        assertEquals(expected, run.quality().orElseThrow().sw2().floor(), 0, run.title() + " seed " + run.seed());
    }

    @Test
    void aBadCsvFileIsReportedAndTheDataKept(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x,y\n1,2\nnot,a number\n");
        double[] before = fx(() -> model.data().data().points().xy());
        fx(() -> {
            model.importCsv(bad);
            return null;
        });
        waitUntil(10, () -> model.jobs().idle()); // read on the files' lane
        assertArrayEquals(before, fx(() -> model.data().data().points().xy()));
        String message = fx(() -> model.messageProperty().get());
        assertTrue(message.contains("bad.csv") && message.endsWith("The data is unchanged."), message);
    }

    @Test
    void computeDrawsErrorAgainstNfeForEverySolver(FxRobot robot) {
        robot.clickOn("#errorTab");
        WaitForAsyncUtils.waitForFxEvents();
        Canvas chart = fx(() -> view.charts().errorChart().getCanvas());
        int[] empty = pixels(chart);
        robot.clickOn("#computeErrors");
        waitUntil(120, () -> view.charts().errorChart().result() != null);
        var result = fx(() -> view.charts().errorChart().result());
        assertEquals(SolverComparison.SOLVERS.size() * SolverComparison.STEPS.length, result.rows().size());
        for (org.scorefield.core.sample.SamplerKind solver : SolverComparison.SOLVERS) {
            double[] errors = result.rows().stream().filter(r -> r.solver() == solver)
                    .mapToDouble(org.scorefield.core.metric.ErrorVersusNfe.Row::error).toArray();
            assertEquals(SolverComparison.STEPS.length, errors.length);
            assertTrue(errors[errors.length - 1] < errors[0] / 4, solver + ": 64 steps against 4: "
                    + java.util.Arrays.toString(errors));
            for (double e : errors) {
                assertTrue(result.referenceError() < e, solver + " error " + e + " below the reference's own "
                        + result.referenceError());
            }
        }
        assertEquals("", fx(() -> view.charts().errorChart().status()), "no busy caption once done");
        assertClearlyDifferent(empty, pixels(chart));
    }

    @Test
    void aCsvFileDroppedOnTheCanvasIsImported(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("triangle.csv");
        Files.writeString(good, "x,y\n0,0\n1,0\n0,1\n");
        drop(good);
        waitUntil(10, () -> model.data().data().points().size() == 3); // read on the files' lane
        assertArrayEquals(new double[] {0, 0, 1, 0, 0, 1}, fx(() -> model.data().data().points().xy()));

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x,y\n1,2\noops\n");
        drop(bad);
        waitUntil(10, () -> model.jobs().idle() && model.messageProperty().get().contains("bad.csv"));
        assertEquals(3, fx(() -> model.data().data().points().size()), "a bad file changes nothing");
        String message = fx(() -> model.messageProperty().get());
        assertTrue(message.contains("bad.csv") && message.endsWith("The data is unchanged."), message);
    }

    /**
     * Drops a file on the canvas area as a desktop would: DRAG_OVER (which must accept a copy), then
     * DRAG_DROPPED, with a dragboard holding the file. Monocle has no native drag source, so the
     * dragboard stands on a minimal peer (a file list offered for copying), made through JavaFX's
     * package-private factory.
     */
    private void drop(Path file) throws Exception {
        java.lang.reflect.Method create = javafx.scene.input.Dragboard.class.getDeclaredMethod("createDragboard",
                com.sun.javafx.tk.TKClipboard.class);
        create.setAccessible(true);
        Object peer = java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {com.sun.javafx.tk.TKClipboard.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getContentTypes" -> java.util.Set.of(javafx.scene.input.DataFormat.FILES);
                    case "hasContent" -> javafx.scene.input.DataFormat.FILES.equals(args[0]);
                    case "getContent" -> javafx.scene.input.DataFormat.FILES.equals(args[0]) ? List.of(file.toFile()) : null;
                    case "getTransferModes" -> java.util.Set.of(javafx.scene.input.TransferMode.COPY);
                    case "getDragViewOffsetX", "getDragViewOffsetY" -> 0.0;
                    case "putContent" -> false;
                    default -> null;
                });
        fx(() -> {
            javafx.scene.input.Dragboard board = (javafx.scene.input.Dragboard) create.invoke(null, peer);
            Node target = view.canvasArea();
            javafx.scene.input.DragEvent over = new javafx.scene.input.DragEvent(javafx.scene.input.DragEvent.DRAG_OVER,
                    board, 100, 100, 100, 100, javafx.scene.input.TransferMode.COPY, null, target, null);
            javafx.event.Event.fireEvent(target, over);
            assertTrue(over.isAccepted(), "the canvas area accepts a drag of files");
            javafx.scene.input.DragEvent dropped = new javafx.scene.input.DragEvent(
                    javafx.scene.input.DragEvent.DRAG_DROPPED, board, 100, 100, 100, 100,
                    javafx.scene.input.TransferMode.COPY, null, target, null);
            javafx.event.Event.fireEvent(target, dropped);
            assertTrue(dropped.isDropCompleted(), "and says the drop is done");
            return null;
        });
        waitUntil(30, () -> model.jobs().idle());
    }

    // ---- flow matching, couplings, Reflow ------------------------------------------------------

    /** Flow matching chosen, with small Reflow rounds so that a test makes one in seconds. */
    private void flowMatching(org.scorefield.core.flow.CouplingKind coupling) {
        fx(() -> {
            model.training().objectiveProperty().set(org.scorefield.core.nn.Objective.FLOW_MATCHING);
            model.training().couplingProperty().set(coupling);
            model.reflow().pairsProperty().set(2000);
            model.reflow().trainStepsProperty().set(300);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void trainSteps(long steps) {
        fx(() -> {
            model.training().train();
            return null;
        });
        waitUntil(90, () -> model.training().stepsProperty().get() >= steps);
        fx(() -> {
            model.training().pause();
            return null;
        });
        waitUntil(10, () -> model.training().stateProperty().get() != org.scorefield.core.nn.TrainingWorker.State.RUNNING);
    }

    @Test
    void flowMatchingShowsItsSourceAndCouplingAndTrainsWithThem(FxRobot robot) {
        Node rows = robot.lookup("#flowRows").query();
        assertFalse(fx(rows::isVisible), "no coupling for a diffusion objective");
        flowMatching(org.scorefield.core.flow.CouplingKind.INDEPENDENT);
        assertTrue(fx(rows::isVisible));
        Slider epsilon = robot.lookup("#sinkhornEpsilonSlider").queryAs(Slider.class);
        assertTrue(fx(() -> epsilon.getParent().getParent().isDisabled()), "ε only means something for Sinkhorn");
        reveal(robot, "#couplingBox");
        robot.clickOn("#couplingBox");
        robot.clickOn(org.scorefield.core.flow.CouplingKind.SINKHORN.displayName());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> epsilon.getParent().getParent().isDisabled()));
        fx(() -> {
            epsilon.setValue(-1.5); // log10 ε
            return null;
        });
        assertEquals(0.032, fx(() -> model.training().sinkhornEpsilonProperty().get()), 1e-12);
        fx(() -> {
            model.training().sourceProperty().set(SourceOption.all().stream()
                    .filter(o -> o.label().equals(DatasetPreset.EIGHT_GAUSSIANS.displayName())).findFirst().orElseThrow());
            return null;
        });
        trainSteps(20);
        var flow = fx(() -> model.training().model().orElseThrow().flow());
        assertEquals(org.scorefield.core.flow.CouplingKind.SINKHORN, flow.coupling().kind());
        assertEquals(0.032, flow.coupling().epsilon(), 1e-12);
        assertEquals(DatasetPreset.EIGHT_GAUSSIANS, flow.source().distribution().orElseThrow());
        // the model's samples start from the 8 Gaussians (radius 1.35), not from N(0, I) (mean radius 1.25)
        fx(() -> {
            model.sampling().resample();
            return null;
        });
        waitUntil(60, () -> model.jobs().idle() && model.sampling().runsProperty().get().single() != null);
        assertTrue(fx(() -> model.sampling().runsProperty().get().single().source()).startsWith("trained model"));
        double[] starts = fx(() -> model.sampling().runsProperty().get().single().trajectories().positions()[0]);
        double mean = 0;
        for (int i = 0; i < starts.length; i += 2) {
            mean += Math.hypot(starts[i], starts[i + 1]) / (starts.length / 2);
        }
        assertEquals(DatasetPreset.EIGHT_GAUSSIANS_RADIUS, mean, 0.1);
    }

    /**
     * Flow matching from 8 Gaussians: the density, the data layer, the exact oracle's samples, the
     * split view and the probe all follow the linear path from that source, not the process from N(0, I).
     */
    @Test
    void aFlowFromAnotherSourceIsShownOnItsOwnPath(FxRobot robot) {
        flowMatching(org.scorefield.core.flow.CouplingKind.INDEPENDENT);
        fx(() -> {
            model.training().sourceProperty().set(SourceOption.all().stream()
                    .filter(o -> o.label().equals(DatasetPreset.EIGHT_GAUSSIANS.displayName())).findFirst().orElseThrow());
            model.view().showDensityProperty().set(true);
            view.scrubber().stop();
            model.view().timeProperty().set(0.5);
            model.sampling().resample();
            return null;
        });
        waitUntil(120, () -> model.jobs().idle() && view.layers().layersProperty().get().density() != null
                && model.sampling().runsProperty().get().single() != null);
        ExactPath path = fx(model::exactPath);
        assertEquals(org.scorefield.core.schedule.ScheduleKind.LINEAR, path.schedule().kind());
        assertTrue(path.isFlow());
        DataState.Data data = fx(() -> model.data().data());
        var oracle = org.scorefield.core.flow.FlowOracle.of(data.mixture(), data.points(), path.source());
        var shown = fx(() -> view.layers().layersProperty().get().density());
        assertArrayEquals(org.scorefield.core.field.ExactDensity.logDensityGrid(oracle, shown.spec(), 0.5).values(),
                shown.values(), 1e-12, "log p_t of the linear path from 8 Gaussians");
        // the data layer: each point halfway to its own point of the 8 Gaussians
        double[] x0 = data.points().xy();
        double[] half = fx(() -> model.noising().at(path.schedule(), 0.5));
        double[] ends = fx(() -> model.noising().at(path.schedule(), 1.0));
        double radius = 0;
        for (int i = 0; i < x0.length; i += 2) {
            assertEquals(0.5 * x0[i] + 0.5 * ends[i], half[i], 1e-12);
            radius += Math.hypot(ends[i], ends[i + 1]) / (x0.length / 2);
        }
        assertEquals(DatasetPreset.EIGHT_GAUSSIANS_RADIUS, radius, 0.05, "the ends are the 8 Gaussians' points");
        // no model yet: the exact oracle samples, from the source
        var run = fx(() -> model.sampling().runsProperty().get().single());
        assertTrue(run.source().startsWith("exact oracle") && run.source().endsWith("from 8 Gaussians"), run.source());
        double[] starts = run.trajectories().positions()[0];
        double mean = 0;
        for (int i = 0; i < starts.length; i += 2) {
            mean += Math.hypot(starts[i], starts[i + 1]) / (starts.length / 2);
        }
        assertEquals(DatasetPreset.EIGHT_GAUSSIANS_RADIUS, mean, 0.1);
        // the split view runs the ODE only: this flow has no reverse SDE
        fx(() -> {
            model.view().splitProperty().set(true);
            return null;
        });
        waitUntil(120, () -> model.jobs().idle() && model.sampling().runsProperty().get().ode() != null);
        assertNull(fx(() -> model.sampling().runsProperty().get().sde()));
        assertFalse(fx(() -> model.sampling().busyProperty().get()));
        fx(() -> {
            model.view().splitProperty().set(false);
            model.probe().pointProperty().set(new double[] {0.6, 0.4});
            return null;
        });
        waitUntil(30, () -> model.jobs().idle() && model.probe().probeProperty().get() != null);
        var probe = fx(() -> model.probe().probeProperty().get());
        var exact = org.scorefield.core.flow.ConditionalVelocity.at(data.points(), oracle::sourceLogDensity, 0.6, 0.4,
                0.5);
        assertArrayEquals(exact.marginal(), probe.marginal(), 1e-12);
        assertArrayEquals(oracle.velocity(new double[] {0.6, 0.4}, 0.5), probe.marginal(), 1e-8,
                "the probe's mean of the targets is the oracle's velocity");
    }

    /**
     * The canvas follows the path of what samples: a diffusion model keeps its process after flow
     * matching is chosen; without a model the oracle's path follows the settings and samples again.
     */
    @Test
    void theCanvasFollowsThePathOfWhatSamples(FxRobot robot) {
        trainSteps(20);
        fx(() -> {
            model.training().objectiveProperty().set(org.scorefield.core.nn.Objective.FLOW_MATCHING);
            return null;
        });
        assertEquals(org.scorefield.core.schedule.ScheduleKind.VP, fx(() -> model.exactPath().schedule().kind()),
                "the diffusion model's samples, fields and data layer stay on its process");
        fx(() -> {
            model.training().reset();
            return null;
        });
        assertEquals(org.scorefield.core.schedule.ScheduleKind.LINEAR, fx(() -> model.exactPath().schedule().kind()));
        waitUntil(60, () -> model.jobs().idle() && model.sampling().runsProperty().get().single() != null);
        fx(() -> {
            model.training().sourceProperty().set(SourceOption.all().stream()
                    .filter(o -> o.label().equals(DatasetPreset.EIGHT_GAUSSIANS.displayName())).findFirst().orElseThrow());
            return null;
        });
        waitUntil(120, () -> model.jobs().idle() && model.sampling().runsProperty().get().single() != null
                && model.sampling().runsProperty().get().single().source().endsWith("from 8 Gaussians"));
        // a stochastic sampler of this flow is refused with a message, and sampling is not left busy
        fx(() -> {
            model.sampling().solverProperty().set(org.scorefield.core.sample.SamplerKind.EDM_CHURN);
            return null;
        });
        waitUntil(60, () -> model.jobs().idle());
        assertFalse(fx(() -> model.sampling().busyProperty().get()));
        assertTrue(fx(() -> model.messageProperty().get()).contains("deterministic solver"),
                fx(() -> model.messageProperty().get()));
        Label note = robot.lookup("#samplingNote").queryAs(Label.class);
        assertTrue(fx(note::getText).contains("no reverse SDE") && fx(note::getText).contains("will be refused"),
                "the Sampling section says so before it happens: " + fx(note::getText));
    }

    @Test
    void theCanvasPointsCanBecomeTheSourceAndStayWhenTheDataChanges(FxRobot robot) {
        flowMatching(org.scorefield.core.flow.CouplingKind.INDEPENDENT);
        @SuppressWarnings("unchecked")
        ComboBox<SourceOption> box = robot.lookup("#sourceBox").queryAs(ComboBox.class);
        double[] drawn = fx(() -> model.data().data().points().xy());
        reveal(robot, "#useCanvasSource");
        robot.clickOn("#useCanvasSource");
        WaitForAsyncUtils.waitForFxEvents();
        SourceOption chosen = fx(() -> model.training().sourceProperty().get());
        assertEquals("drawn (1,000 points)", chosen.label());
        assertEquals(chosen, fx(box::getValue));
        fx(() -> {
            model.data().presetProperty().set(DatasetPreset.EIGHT_GAUSSIANS);
            return null;
        });
        var source = (org.scorefield.core.data.EmpiricalDistribution) chosen.source().distribution().orElseThrow();
        assertArrayEquals(drawn, source.points().xy(), "a copy of the points as they were");
        assertEquals(chosen, fx(() -> model.training().sourceProperty().get()));
    }

    @Test
    void reflowMakesARoundShowsTheRoundsSideBySideAndChartsThem(FxRobot robot) {
        flowMatching(org.scorefield.core.flow.CouplingKind.INDEPENDENT);
        trainSteps(300);
        reveal(robot, "#reflowButton");
        assertEquals("Make round 1", robot.lookup("#reflowButton").queryAs(Button.class).getText());
        PulseGaps gaps = fx(PulseGaps::new);
        fx(() -> {
            model.reflow().phaseProperty().addListener((obs, old, p) -> PHASE.set(p));
            return null;
        });
        robot.clickOn("#reflowButton");
        waitUntil(5, () -> model.reflow().runningProperty().get());
        waitUntil(180, () -> !model.reflow().runningProperty().get());
        double worst = fx(gaps::stopAndReport);
        assertEquals("", fx(() -> model.reflow().failureProperty().get()));
        List<org.scorefield.core.flow.Reflow.Round> rounds = fx(() -> model.reflow().rounds());
        assertEquals(2, rounds.size());
        var zero = rounds.get(0).metrics();
        var one = rounds.get(1).metrics();
        assertEquals(1, rounds.get(1).model().flow().round());
        assertTrue(one.normalizedStraightness() < zero.normalizedStraightness() / 2,
                "round 1 is straighter: " + zero.normalizedStraightness() + " → " + one.normalizedStraightness());
        assertTrue(fx(() -> model.view().roundsViewProperty().get()), "the rounds are shown");
        assertFalse(fx(() -> model.view().splitProperty().get()));
        Canvas first = robot.lookup("#roundCanvas0").queryAs(Canvas.class);
        Canvas second = robot.lookup("#roundCanvas1").queryAs(Canvas.class);
        assertTrue(fx(() -> first.getScene() != null && second.getScene() != null), "two canvases side by side");
        fx(() -> {
            view.scrubber().stop();
            model.view().timeProperty().set(0);
            view.canvasArea().redraw();
            return null;
        });
        assertTrue(pixelsDiffer(first, second), "the two rounds' paths differ");
        assertEquals("Make round 2", robot.lookup("#reflowButton").queryAs(Button.class).getText());
        assertEquals(2, fx(() -> view.charts().reflowChart().dataset().getSeries(0).getItemCount()));
        assertEquals(2, fx(() -> view.charts().reflowNfeChart().dataset().getSeriesCount()));
        // one round at a time
        fx(() -> {
            model.reflow().sideBySideProperty().set(false);
            model.reflow().shownRoundProperty().set(0);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> first.getScene() != null && second.getScene() == null));
        // Reset throws the rounds away with the model
        fx(() -> {
            model.training().reset();
            return null;
        });
        assertTrue(fx(() -> model.reflow().rounds().isEmpty()));
        System.out.printf("longest FX pulse gap while making a Reflow round: %.1f ms over %d pulses%n", worst,
                gaps.pulses);
        assertTrue(worst < FROZEN_MS, "longest gap between two FX pulses during Reflow: " + worst + " ms");
    }

    @Test
    void cancellingAReflowRoundKeepsTheRoundsBeforeIt(FxRobot robot) {
        flowMatching(org.scorefield.core.flow.CouplingKind.INDEPENDENT);
        fx(() -> {
            model.reflow().trainStepsProperty().set(1_000_000);
            return null;
        });
        trainSteps(50);
        reveal(robot, "#reflowButton");
        robot.clickOn("#reflowButton");
        waitUntil(60, () -> model.reflow().phaseProperty().get().startsWith("Training round 1"));
        robot.clickOn("#reflowCancel");
        waitUntil(5, () -> !model.reflow().runningProperty().get()); // between two training steps
        assertEquals(1, fx(() -> model.reflow().rounds().size()), "round 0 is kept");
        assertTrue(fx(() -> model.reflow().phaseProperty().get()).startsWith("Cancelled"));
        assertEquals("Make round 1", robot.lookup("#reflowButton").queryAs(Button.class).getText());
        assertFalse(robot.lookup("#reflowButton").queryAs(Button.class).isDisabled());
    }

    @Test
    void reflowOfADiffusionModelSaysWhatToDo(FxRobot robot) {
        trainSteps(5);
        reveal(robot, "#reflowButton");
        robot.clickOn("#reflowButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> model.reflow().runningProperty().get()));
        assertTrue(fx(() -> model.reflow().failureProperty().get()).contains("flow-matching model"));
        assertTrue(fx(() -> model.messageProperty().get()).contains("flow-matching model"));
    }

    @Test
    void showPairsDrawsOneBatchAndOtPairsItWithShorterLines(FxRobot robot) {
        Canvas canvas = robot.lookup("#fieldCanvas").queryAs(Canvas.class);
        fx(() -> {
            model.view().showSamplesProperty().set(false);
            view.scrubber().stop();
            model.view().timeProperty().set(0);
            return null;
        });
        waitUntil(30, () -> model.jobs().idle());
        int[] before = pixels(canvas);
        reveal(robot, "#showPairs");
        robot.clickOn("#showPairs .thumb-area");
        waitUntil(30, () -> model.pairs().pairsProperty().get() != null);
        Trajectories independent = fx(() -> model.pairs().pairsProperty().get());
        assertEquals(org.scorefield.core.flow.Coupling.CHUNK, independent.particles());
        fx(() -> {
            view.canvasArea().redraw();
            return null;
        });
        assertClearlyDifferent(before, pixels(canvas));
        fx(() -> {
            model.training().couplingProperty().set(org.scorefield.core.flow.CouplingKind.OT);
            return null;
        });
        waitUntil(30, () -> model.pairs().pairsProperty().get() != independent && model.pairs().pairsProperty().get() != null);
        Trajectories ot = fx(() -> model.pairs().pairsProperty().get());
        assertArrayEquals(independent.positions()[1], ot.positions()[1], "the same data batch");
        assertTrue(org.scorefield.core.metric.PathStraightness.transportCost(ot)
                < 0.7 * org.scorefield.core.metric.PathStraightness.transportCost(independent));
    }

    @Test
    void theVelocityProbeShowsTheExactMarginalAtTheClickedPoint(FxRobot robot) {
        Canvas canvas = robot.lookup("#fieldCanvas").queryAs(Canvas.class);
        fx(() -> {
            model.view().showSamplesProperty().set(false);
            view.scrubber().stop();
            model.view().timeProperty().set(0.5);
            return null;
        });
        waitUntil(30, () -> model.jobs().idle());
        int[] before = pixels(canvas);
        reveal(robot, "#toolProbe");
        robot.clickOn("#toolProbe");
        assertEquals(CanvasTool.PROBE, fx(() -> model.view().toolProperty().get()));
        Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
        robot.clickOn(b.getMinX() + b.getWidth() * 0.6, b.getMinY() + b.getHeight() * 0.4);
        waitUntil(30, () -> model.probe().probeProperty().get() != null);
        var probe = fx(() -> model.probe().probeProperty().get());
        var exact = org.scorefield.core.flow.ConditionalVelocity.at(fx(() -> model.data().data().points()),
                probe.x(), probe.y(), 0.5);
        assertArrayEquals(exact.marginal(), probe.marginal(), 1e-12);
        assertTrue(probe.x() > 0 && probe.y() > 0, "right of and above the centre");
        assertEquals(ProbeState.PROBE_TARGETS, probe.weights().length);
        assertEquals(1, probe.weights()[0], 1e-12, "the strongest pair first");
        fx(() -> {
            view.canvasArea().redraw();
            return null;
        });
        assertClearlyDifferent(before, pixels(canvas));
    }

    // ---- export ---------------------------------------------------------------------------------

    @Test
    void exportingAnAnimationFromTheWindowWritesEveryFrameAndKeepsTheWindowLive(FxRobot robot, @TempDir Path dir)
            throws Exception {
        waitUntil(60, () -> model.jobs().idle() && model.sampling().runsProperty().get().single() != null);
        ExportState export = view.export();
        fx(() -> {
            model.export().formatProperty().set(org.scorefield.app.settings.AnimationFormat.GIF);
            model.export().sizeProperty().set(FrameSize.CANVAS);
            model.export().fpsProperty().set(24);
            model.export().secondsProperty().set(1);
            return null;
        });
        reveal(robot, "#exportAnimation");
        Path out = dir.resolve("window.gif");
        PulseGaps gaps = fx(PulseGaps::new);
        fx(() -> {
            export.exportAnimation(out);
            return null;
        });
        assertTrue(fx(() -> export.runningProperty().get()));
        waitUntil(60, () -> !export.runningProperty().get());
        double worst = fx(gaps::stopAndReport);
        assertTrue(fx(() -> export.statusProperty().get()).startsWith("Wrote window.gif: 24 frames"),
                fx(() -> export.statusProperty().get()));
        double[] size = fx(() -> new double[] {view.canvasArea().primaryCanvas().canvas().getWidth(),
            view.canvasArea().primaryCanvas().canvas().getHeight()});
        try (var in = javax.imageio.ImageIO.createImageInputStream(out.toFile())) {
            var reader = javax.imageio.ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            int images = reader.getNumImages(true);
            assertTrue(images <= 24 && images >= 18, "24 frames, the held ones written once: " + images);
            assertEquals(2 * (int) (size[0] / 2), reader.getWidth(0), "the canvas's size, even");
            assertEquals(2 * (int) (size[1] / 2), reader.getHeight(0));
        }
        System.out.printf("longest FX pulse gap while exporting: %.1f ms%n", worst);
        assertTrue(worst < FROZEN_MS, "the window keeps drawing during an export: " + worst + " ms");
    }

    /**
     * The default animation (sampling, 720p, 30 fps, 6 s) as a GIF, a size a lecturer can mail: at
     * most 4.5 MB (measured 3.69 MB; 9.93 MB with whole frames, before GifEncoder's differencing).
     */
    @Test
    void theDefaultSamplingGifIsSmallEnoughToMail(@TempDir Path dir) throws Exception {
        waitUntil(60, () -> model.jobs().idle() && model.sampling().runsProperty().get().single() != null
                && model.layers().layersProperty().get() != null);
        ExportState export = view.export();
        Path out = dir.resolve("sampling.gif");
        fx(() -> {
            model.export().formatProperty().set(org.scorefield.app.settings.AnimationFormat.GIF);
            export.exportAnimation(out);
            return null;
        });
        waitUntil(120, () -> !export.runningProperty().get());
        assertTrue(fx(() -> export.statusProperty().get()).startsWith("Wrote sampling.gif: 180 frames"),
                fx(() -> export.statusProperty().get()));
        long bytes = Files.size(out);
        System.out.printf("default 6-s 720p sampling GIF: %.2f MB%n", bytes / 1e6);
        assertTrue(bytes <= 4_500_000, bytes + " bytes");
    }

    /**
     * The default animation as MP4 and as WebM: FFmpeg's encoders, named in the status, and files far smaller
     * than the GIF: 2,000 moving dots, the hardest content measured (0.76 MB as MP4, 0.79 MB as WebM; 4.1 MB
     * as GIF), under the 1.5 MB the bench's 10-s animation must stay under.
     */
    @Test
    void theDefaultSamplingVideosSayWhichEncoderWroteThem(@TempDir Path dir) throws Exception {
        waitUntil(60, () -> model.jobs().idle() && model.sampling().runsProperty().get().single() != null
                && model.layers().layersProperty().get() != null);
        ExportState export = view.export();
        for (var format : List.of(org.scorefield.app.settings.AnimationFormat.MP4,
                org.scorefield.app.settings.AnimationFormat.WEBM)) {
            Path out = dir.resolve("sampling" + format.extension());
            fx(() -> {
                model.export().formatProperty().set(format);
                export.exportAnimation(out);
                return null;
            });
            waitUntil(120, () -> !export.runningProperty().get());
            String status = fx(() -> export.statusProperty().get());
            String encoder = format == org.scorefield.app.settings.AnimationFormat.WEBM ? "libvpx-vp9"
                    : "lib(openh264|x264)";
            assertTrue(status.matches("Wrote sampling" + java.util.regex.Pattern.quote(format.extension())
                    + ": 180 frames, .* Encoded by " + encoder + " \\(FFmpeg [^)]+\\)\\."), status);
            long bytes = Files.size(out);
            System.out.printf("default 6-s 720p sampling %s: %.2f MB%n", format.id(), bytes / 1e6);
            assertTrue(bytes <= 1_500_000, bytes + " bytes");
        }
    }

    @Test
    void theSplitViewExportsBothRunsAndReflowNeedsRounds(@TempDir Path dir) throws Exception {
        ExportState export = view.export();
        fx(() -> {
            model.export().whatProperty().set(org.scorefield.app.settings.AnimationSubject.REFLOW);
            export.exportAnimation(dir.resolve("rounds.gif"));
            return null;
        });
        assertTrue(fx(() -> export.statusProperty().get()).contains("no Reflow rounds"),
                fx(() -> export.statusProperty().get()));
        fx(() -> {
            model.view().splitProperty().set(true);
            return null;
        });
        waitUntil(60, () -> model.jobs().idle() && model.sampling().runsProperty().get().sde() != null);
        Path out = dir.resolve("split");
        fx(() -> {
            model.export().whatProperty().set(org.scorefield.app.settings.AnimationSubject.SPLIT);
            model.export().formatProperty().set(org.scorefield.app.settings.AnimationFormat.PNG);
            model.export().sizeProperty().set(FrameSize.HD720);
            model.export().fpsProperty().set(4);
            model.export().secondsProperty().set(2);
            export.exportAnimation(out);
            return null;
        });
        waitUntil(60, () -> !export.runningProperty().get());
        assertTrue(fx(() -> export.statusProperty().get()).startsWith("Wrote split: 8 frames"),
                fx(() -> export.statusProperty().get()));
        var last = javax.imageio.ImageIO.read(out.resolve("frame_00007.png").toFile());
        assertEquals(1280, last.getWidth());
        // two panels: a hairline of one colour runs down the middle, unlike the columns beside it
        java.util.Map<Integer, Integer> middle = new java.util.HashMap<>();
        for (int y = 0; y < 720; y++) {
            middle.merge(last.getRGB(640, y), 1, Integer::sum);
        }
        var line = middle.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow();
        assertTrue(line.getValue() > 0.8 * 720, "one colour down x = 640: " + line.getValue() + " of 720 rows");
        int same = 0;
        for (int y = 0; y < 720; y++) {
            same += last.getRGB(600, y) == line.getKey() ? 1 : 0;
        }
        assertTrue(same < 0.5 * 720, "x = 600 is not a divider: " + same + " rows of its colour");
    }

    @Test
    void anExportedFrameHasTheScreensDensityAndFieldAtItsTime() {
        fx(() -> {
            model.view().showDensityProperty().set(true);
            model.view().showFieldProperty().set(true);
            model.view().timeProperty().set(0.4);
            return null;
        });
        waitUntil(60, () -> model.jobs().idle() && view.layers().layersProperty().get().density() != null
                && view.layers().layersProperty().get().field() != null
                && model.sampling().runsProperty().get().single() != null);
        var shown = fx(() -> view.layers().layersProperty().get());
        var animation = fx(() -> view.export().animation());
        var frame = animation.frame(0.4);
        // the export's own grid: a 1280×720 frame shows x −64/9…64/9 and y −4…4 (more than the screen's canvas)
        var spec = frame.heatmap().spec();
        assertEquals(-64.0 / 9, spec.xMin(), 1e-9);
        assertEquals(64.0 / 9, spec.xMax(), 1e-9);
        assertEquals(4, spec.yMax(), 1e-9);
        assertEquals(shown.density().spec().ny(), spec.ny(), "cells as fine as the screen's");
        // the exact log p_t of the moons' points at t = 0.4, computed here: (1/N) Σ N(x; α·x_i, σ²·I)
        double[] xy = fx(() -> model.data().data().points().xy());
        var schedule = fx(() -> model.process().schedule());
        double a = schedule.alpha(0.4);
        double s2 = schedule.sigma(0.4) * schedule.sigma(0.4);
        int n = xy.length / 2;
        for (int j = 0; j < spec.ny(); j += 17) {
            for (int i = 0; i < spec.nx(); i += 23) {
                double max = Double.NEGATIVE_INFINITY;
                double[] e = new double[n];
                for (int k = 0; k < n; k++) {
                    double dx = spec.x(i) - a * xy[2 * k];
                    double dy = spec.y(j) - a * xy[2 * k + 1];
                    e[k] = -(dx * dx + dy * dy) / (2 * s2);
                    max = Math.max(max, e[k]);
                }
                double sum = 0;
                for (double v : e) {
                    sum += Math.exp(v - max);
                }
                double logp = max + Math.log(sum / n) - Math.log(2 * Math.PI * s2);
                assertEquals(logp, frame.heatmap().values()[j * spec.nx() + i], 1e-9, "log p at cell " + i + ", " + j);
            }
        }
        assertEquals(-64.0 / 9, frame.field().spec().xMin(), 1e-9, "the arrows reach the frame's edges too");
        assertEquals(shown.field().spec().ny(), frame.field().spec().ny());
        // and another t has its own layers
        var later = animation.frame(0.8);
        assertFalse(java.util.Arrays.equals(frame.heatmap().values(), later.heatmap().values()));
        assertFalse(java.util.Arrays.equals(frame.field().values(), later.field().values()));
    }

    @Test
    void theTrainingIsReplayedIntoAnAnimation(@TempDir Path dir) throws Exception {
        trainSteps(60);
        ExportState export = view.export();
        Path out = dir.resolve("training");
        fx(() -> {
            model.export().whatProperty().set(org.scorefield.app.settings.AnimationSubject.TRAINING);
            model.export().formatProperty().set(org.scorefield.app.settings.AnimationFormat.PNG);
            model.export().sizeProperty().set(FrameSize.HD720);
            model.export().fpsProperty().set(5);
            model.export().secondsProperty().set(2);
            export.exportAnimation(out);
            return null;
        });
        assertTrue(fx(() -> export.statusProperty().get()).startsWith("Training a fresh copy"));
        waitUntil(120, () -> !export.runningProperty().get());
        assertTrue(fx(() -> export.statusProperty().get()).startsWith("Wrote training: 10 frames"),
                fx(() -> export.statusProperty().get()));
        // the first frame samples an early snapshot, the last one the model as far as the window trained it
        var first = javax.imageio.ImageIO.read(out.resolve("frame_00000.png").toFile());
        var last = javax.imageio.ImageIO.read(out.resolve("frame_00009.png").toFile());
        assertFalse(java.util.Arrays.equals(first.getRGB(0, 0, 1280, 720, null, 0, 1280),
                last.getRGB(0, 0, 1280, 720, null, 0, 1280)), "the samples change as the model learns");
    }

    @Test
    void cancellingAnExportWritesNothing(@TempDir Path dir) {
        waitUntil(60, () -> model.jobs().idle() && model.sampling().runsProperty().get().single() != null);
        ExportState export = view.export();
        Path out = dir.resolve("long.mp4");
        fx(() -> {
            model.export().formatProperty().set(org.scorefield.app.settings.AnimationFormat.MP4);
            model.export().secondsProperty().set(60);
            export.exportAnimation(out);
            return null;
        });
        waitUntil(30, () -> export.progressProperty().get() > 0);
        fx(() -> {
            export.cancel();
            return null;
        });
        waitUntil(30, () -> !export.runningProperty().get());
        assertEquals("Export cancelled; nothing was written.", fx(() -> export.statusProperty().get()));
        assertFalse(Files.exists(out));
    }

    @Test
    void theFigureIsTheCanvasAtTwiceItsSizeAndTheSamplesAreSavedAsCsv(@TempDir Path dir) throws Exception {
        waitUntil(60, () -> model.jobs().idle() && model.sampling().runsProperty().get().single() != null);
        ExportState export = view.export();
        Path png = dir.resolve("figure.png");
        Path samples = dir.resolve("samples.csv");
        Path paths = dir.resolve("paths.csv");
        fx(() -> {
            export.saveFigure(png);
            export.saveSamples(samples);
            export.saveTrajectories(paths);
            return null;
        });
        waitUntil(30, () -> model.jobs().idle()); // the files are written on the files' lane
        Canvas canvas = fx(() -> view.canvasArea().primaryCanvas().canvas());
        var image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(2 * Math.round(canvas.getWidth()), image.getWidth());
        assertEquals(2 * Math.round(canvas.getHeight()), image.getHeight());
        // downsampled 2×, the figure looks like the canvas: the same pixels within anti-aliasing
        int[] shown = pixels(canvas);
        int w = (int) canvas.getWidth();
        int close = 0;
        int compared = 0;
        for (int y = 0; y < (int) canvas.getHeight(); y += 7) {
            for (int x = 0; x < w; x += 7) {
                int a = shown[y * w + x];
                int b = image.getRGB(2 * x, 2 * y);
                compared++;
                if (Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff)) < 40) {
                    close++;
                }
            }
        }
        assertTrue(close > 0.97 * compared, close + " of " + compared + " pixels agree");
        int n = fx(() -> model.sampling().runsProperty().get().single().trajectories().particles());
        assertEquals(n + 1, Files.readAllLines(samples).size(), "a header and one row per sample");
        assertTrue(Files.readAllLines(paths).size() > n, "one row per particle and step");
        assertTrue(fx(() -> export.statusProperty().get()).startsWith("Wrote paths.csv"));
    }

    @Test
    void theCanvasAndTheChartsAreSavedAsVectorFiguresToo() throws Exception {
        // kept under target/ to be looked at
        Path dir = Path.of("target", "test-figures");
        Files.createDirectories(dir);
        fx(() -> {
            model.view().showDensityProperty().set(true);
            model.view().showFieldProperty().set(true);
            model.view().timeProperty().set(0.3);
            return null;
        });
        waitUntil(60, () -> model.jobs().idle() && model.sampling().runsProperty().get().single() != null
                && view.layers().layersProperty().get().field() != null
                && view.layers().layersProperty().get().density() != null);
        ExportState export = view.export();
        for (String name : new String[] {"canvas.svg", "canvas.pdf", "charts.png", "charts.svg", "charts.pdf"}) {
            Path out = dir.resolve(name);
            Files.deleteIfExists(out);
            fx(() -> {
                if (name.startsWith("canvas")) {
                    export.saveFigure(out);
                } else {
                    export.saveCharts(out, view.charts().draw(org.scorefield.app.export.Figure.Format.of(out)));
                }
                return null;
            });
            waitUntil(30, () -> model.jobs().idle());
            String status = fx(() -> export.statusProperty().get());
            assertTrue(status.startsWith("Wrote " + name), status);
            assertTrue(Files.size(out) > 1000, name + " has " + Files.size(out) + " bytes");
        }
        String svg = Files.readString(dir.resolve("canvas.svg"));
        assertTrue(svg.contains("<image"), "the density heatmap is embedded as a raster");
        int circles = svg.split("<circle|<ellipse", -1).length - 1;
        int points = fx(() -> model.data().data().points().size());
        assertTrue(circles >= points, circles + " vector dots for " + points + " data points and the sample heads");
        var charts = javax.imageio.ImageIO.read(dir.resolve("charts.png").toFile());
        double[] shown = fx(() -> {
            var list = view.charts().shown();
            return new double[] {list.get(0).getWidth(), list.get(0).getHeight() + list.get(1).getHeight()};
        });
        assertEquals(Math.round(2 * shown[0]), charts.getWidth(), "twice the width on screen");
        assertEquals(Math.round(2 * shown[1]), charts.getHeight(), "both charts, stacked");
    }

    @Test
    void theLossHistoryAndTheFieldAreSavedAsCsv(@TempDir Path dir) throws Exception {
        ExportState export = view.export();
        Path loss = dir.resolve("loss.csv");
        fx(() -> {
            export.saveLoss(loss);
            return null;
        });
        assertEquals("There is no training loss to save yet: train first.", fx(() -> export.statusProperty().get()));
        assertFalse(Files.exists(loss));
        trainSteps(60);
        waitUntil(10, () -> model.training().losses().total() >= 60);
        long steps = fx(() -> model.training().losses().total());
        fx(() -> {
            export.saveLoss(loss);
            return null;
        });
        waitUntil(30, () -> model.jobs().idle());
        List<String> rows = Files.readAllLines(loss);
        assertEquals("step,loss,steps", rows.get(0));
        assertEquals(steps + 1, rows.size(), "one row per step while the run is short");
        assertEquals(1.0, Double.parseDouble(rows.get(1).split(",")[0]), "steps count from 1");

        fx(() -> {
            model.view().showFieldProperty().set(true);
            return null;
        });
        waitUntil(30, () -> view.layers().layersProperty().get().field() != null);
        Path field = dir.resolve("field.csv");
        fx(() -> {
            export.saveField(field);
            return null;
        });
        waitUntil(30, () -> model.jobs().idle());
        var grid = fx(() -> view.layers().layersProperty().get().field());
        List<String> vectors = Files.readAllLines(field);
        assertEquals("x,y,u,v", vectors.get(0));
        assertEquals(grid.spec().nx() * grid.spec().ny() + 1, vectors.size());
        String[] first = vectors.get(1).split(",");
        assertEquals(grid.spec().x(0), Double.parseDouble(first[0]));
        assertEquals(grid.vx(0, 0), Double.parseDouble(first[2]));
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The longest time between two FX pulses from its creation until {@link #stop()}. */
    /** What the window was doing, for the pulse log (SF_PULSE_LOG set). */
    static final java.util.concurrent.atomic.AtomicReference<String> PHASE = new java.util.concurrent.atomic.AtomicReference<>("");

    private static final class PulseGaps extends AnimationTimer {
        long last;
        long worst;
        int pulses;

        PulseGaps() {
            start();
        }

        @Override
        public void handle(long now) {
            if (last != 0) {
                worst = Math.max(worst, now - last);
                if (now - last > 40_000_000L && System.getenv("SF_PULSE_LOG") != null) {
                    System.err.printf("PULSE gap %.1f ms at pulse %d (%s)%n", (now - last) / 1e6, pulses, PHASE.get());
                }
            }
            last = now;
            pulses++;
        }

        double stopAndReport() {
            super.stop();
            return worst / 1e6;
        }
    }

    /** Scrolls the side panel so that the node is in view, as a person would. */
    private static void reveal(FxRobot robot, String query) {
        javafx.scene.control.ScrollPane panel = robot.lookup("#sidePanel").queryAs(javafx.scene.control.ScrollPane.class);
        Node node = robot.lookup(query).query();
        fx(() -> { // open the collapsed groups it lies in, as a user would
            for (Node p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.TitledPane pane && !pane.isExpanded()) {
                    pane.setAnimated(false);
                    pane.setExpanded(true);
                }
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            Node content = panel.getContent();
            double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
            double free = content.getBoundsInLocal().getHeight() - panel.getViewportBounds().getHeight();
            panel.setVvalue(free <= 0 ? 0 : Math.min(1, Math.max(0, (y - 40) / free)));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private double[] particles() {
        return fx(() -> model.data().data().noising().at(model.process().schedule(), model.view().timeProperty().get()));
    }

    private static int[] pixels(Canvas canvas) {
        return fx(() -> {
            WritableImage image = canvas.snapshot(null, null);
            PixelReader reader = image.getPixelReader();
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            int[] argb = new int[w * h];
            reader.getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
            return argb;
        });
    }

    private static boolean pixelsDiffer(Canvas a, Canvas b) {
        int[] pa = pixels(a);
        int[] pb = pixels(b);
        if (pa.length != pb.length) {
            return true;
        }
        int differing = 0;
        for (int i = 0; i < pa.length; i++) {
            if (pa[i] != pb[i]) {
                differing++;
            }
        }
        return differing > 500;
    }

    private static void assertClearlyDifferent(int[] before, int[] after) {
        assertEquals(before.length, after.length, "the canvas kept its size");
        int differing = 0;
        for (int i = 0; i < before.length; i++) {
            if (before[i] != after[i]) {
                differing++;
            }
        }
        assertTrue(differing > 500, "the canvas should change visibly, " + differing + " pixels differ");
    }
}
