package org.scorefield.app.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.scorefield.app.view.FxWait.fx;
import static org.scorefield.app.view.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scorefield.app.ScorefieldApp;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.model.SourceOption;
import org.scorefield.app.theme.Look;
import org.scorefield.app.view.ExplorerView;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.schedule.ScheduleKind;
import org.scorefield.core.session.SessionFile;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Sessions from the window: save, change everything, open again; bad files; autosave and crash restore. */
@ExtendWith(ApplicationExtension.class)
class SessionWindowTest {

    private Stage stage;
    private ExplorerView view;
    private ExplorerModel model;
    private SessionState session;

    @Start
    void start(Stage primary) {
        // a window of its own: the primary stage is left to the other window tests, at their size
        this.stage = new Stage();
        this.view = ScorefieldApp.show(stage, 1280, 800);
        this.model = view.model();
        this.session = view.session();
    }

    @AfterEach
    void closeWindow() {
        fx(() -> {
            stage.close();
            return null;
        });
    }

    /** Drawn points, a changed process, a trained model, sampler, seeds and view that differ from the defaults. */
    private void makeWorkspace() {
        fx(() -> {
            model.data().presetProperty().set(DatasetPreset.EIGHT_GAUSSIANS);
            model.data().erase(0, 0, 1.0);
            model.data().brush(0.5, 0.5, 0.4, 60, 0);
            model.process().kindProperty().set(ScheduleKind.VE);
            model.process().set("sigma_max", 30);
            model.training().widthProperty().set(32);
            model.training().depthProperty().set(2);
            model.sampling().solverProperty().set(SamplerKind.HEUN);
            model.sampling().stepsProperty().set(24);
            // the far ends of the controls: what the window can set it must open again
            model.sampling().etaProperty().set(org.scorefield.app.settings.Settings.ETA.max());
            model.view().fieldResolutionProperty().set(40);
            model.view().arrowScaleProperty().set(4);
            model.export().secondsProperty().set(60);
            model.sampling().seedProperty().set(4242);
            model.view().timeProperty().set(0.35);
            model.view().splitProperty().set(true);
            model.view().lookProperty().set(new Look(true, false));
            model.export().fpsProperty().set(24);
            for (int i = 0; i < 40; i++) {
                model.training().step();
            }
            return null;
        });
        waitUntil(90, () -> model.training().stepsProperty().get() >= 40 && model.training().model().isPresent());
        fx(() -> {
            model.sampling().startAt(1.5, -0.5);
            model.sampling().startAt(-2.0, 2.25);
            return null;
        });
        waitUntil(60, () -> model.jobs().idle());
        assertEquals(2, fx(() -> model.sampling().clicksProperty().get().size()), fx(() -> model.messageProperty().get()));
    }

    /** Saves the workspace from the window and waits until it is written. */
    private Path savedAs(Path file) {
        fx(() -> {
            session.save(file);
            return null;
        });
        waitUntil(30, () -> session.statusProperty().get().startsWith("Saved"));
        return file;
    }

    @Test
    void aSavedSessionOpensAsItWasAndTrainingGoesOnFromItsModel(@TempDir Path dir) {
        makeWorkspace();
        PointSet points = fx(() -> model.data().data().points());
        TrainedModel trained = fx(() -> model.training().model().orElseThrow());
        Path file = dir.resolve("lecture" + SessionFile.EXTENSION);
        fx(() -> {
            model.sampling().startAt(0.25, 0.75); // saved in the same pulse: still being computed
            session.save(file);
            return null;
        });
        waitUntil(30, () -> session.statusProperty().get().startsWith("Saved"));
        assertEquals("lecture.scorefield \u2014 Scorefield", fx(stage::getTitle));
        assertTrue(Files.isRegularFile(file));

        // change everything
        fx(() -> {
            model.training().reset();
            model.data().presetProperty().set(DatasetPreset.MOONS);
            model.process().kindProperty().set(ScheduleKind.VP);
            model.sampling().solverProperty().set(SamplerKind.EULER);
            model.sampling().seedProperty().set(1);
            model.view().timeProperty().set(0.9);
            model.view().splitProperty().set(false);
            model.view().lookProperty().set(Look.DEFAULT);
            model.export().fpsProperty().set(60);
            return null;
        });

        fx(() -> {
            session.open(file);
            return null;
        });
        waitUntil(30, () -> session.statusProperty().get().startsWith("Opened"));
        assertArrayEquals(points.xy(), fx(() -> model.data().data().points().xy()), 0.0);
        assertEquals(ScheduleKind.VE, fx(() -> model.process().schedule().kind()));
        assertEquals(30.0, fx(() -> model.process().value("sigma_max")));
        TrainedModel restored = fx(() -> model.training().model().orElseThrow());
        assertArrayEquals(trained.weights(), restored.weights(), 0f);
        assertEquals(trained.steps(), fx(() -> model.training().stepsProperty().get()));
        assertFalse(fx(() -> model.training().outOfDateProperty().get()), "the restored model fits the restored data");
        assertEquals(SamplerKind.HEUN, fx(() -> model.sampling().solverProperty().get()));
        assertEquals(24, fx(() -> model.sampling().stepsProperty().get()));
        assertEquals(4242L, fx(() -> model.sampling().seedProperty().get()));
        assertEquals(0.35, fx(() -> model.view().timeProperty().get()), 1e-12);
        waitUntil(60, () -> model.sampling().clicksProperty().get().size() == 3);
        var clicks = fx(() -> model.sampling().clicksProperty().get());
        assertEquals(0.75, clicks.get(2).y(), 0.0, "a click still being computed is saved too");
        assertEquals(1.5, clicks.get(0).x(), 0.0, "the clicked trajectories start where they did");
        assertEquals(-0.5, clicks.get(0).y(), 0.0);
        assertEquals(-2.0, clicks.get(1).x(), 0.0);
        assertEquals(2.25, clicks.get(1).y(), 0.0);
        assertTrue(fx(() -> model.view().splitProperty().get()));
        assertEquals(new Look(true, false), fx(() -> model.view().lookProperty().get()));
        assertEquals(24, fx(() -> model.export().fpsProperty().get()));
        assertEquals(32, fx(() -> model.training().widthProperty().get()));
        assertEquals(org.scorefield.app.settings.Settings.ETA.max(), fx(() -> model.sampling().etaProperty().get()), 0.0);
        assertEquals(40, fx(() -> model.view().fieldResolutionProperty().get()));
        assertEquals(4.0, fx(() -> model.view().arrowScaleProperty().get()), 1e-12);
        // the controls show the opened values, not the ones they had
        assertEquals(32, fx(() -> ((javafx.scene.control.ComboBox<?>) stage.getScene().lookup("#widthBox")).getValue()));
        assertEquals(2, fx(() -> ((javafx.scene.control.Spinner<?>) stage.getScene().lookup("#depthSpinner")).getValue()));
        assertEquals(24, fx(() -> ((javafx.scene.control.Spinner<?>) stage.getScene().lookup("#stepsSpinner")).getValue()));
        assertEquals(24, fx(() -> ((javafx.scene.control.ComboBox<?>) stage.getScene().lookup("#exportFps")).getValue()));
        assertEquals(60.0, fx(() -> ((javafx.scene.control.Spinner<?>) stage.getScene().lookup("#exportSeconds")).getValue()));
        assertFalse(fx(() -> model.training().outOfDateProperty().get()), "the model fits its restored settings");
        assertEquals(file.toAbsolutePath().normalize(), fx(() -> session.recent().get(0)));

        // one more step goes on from the saved weights and step count
        long saved = trained.steps();
        fx(() -> {
            model.training().step();
            return null;
        });
        waitUntil(90, () -> model.training().stepsProperty().get() == saved + 1);
        float[] after = fx(() -> model.training().model().orElseThrow().weights());
        double moved = 0;
        for (int i = 0; i < after.length; i++) {
            moved = Math.max(moved, Math.abs(after[i] - trained.weights()[i]));
        }
        assertTrue(moved > 0 && moved < 0.05, "one step from the saved weights moves them a little: " + moved);

        // a setting changed after opening marks the restored model out of date; Train still goes on from it
        fx(() -> {
            model.training().widthProperty().set(64);
            return null;
        });
        assertTrue(fx(() -> model.training().outOfDateProperty().get()), "width 64 is not the model's 32");
    }

    /** The canvas's points chosen as flow matching's source, saved before any training, come back as the source. */
    @Test
    void drawnSourcePointsSavedBeforeTrainingComeBack(@TempDir Path dir) {
        Path file = dir.resolve("source" + SessionFile.EXTENSION);
        double[] drawn = fx(() -> {
            model.data().presetProperty().set(DatasetPreset.SPIRALS);
            model.training().objectiveProperty().set(org.scorefield.core.nn.Objective.FLOW_MATCHING);
            model.training().sourceProperty().set(SourceOption.snapshot(model.data().data().points()));
            // the combo box keeps a source it had not listed (it used to slip to "the points on the canvas")
            assertEquals("drawn (1,000 points)", model.training().sourceProperty().get().label());
            model.data().presetProperty().set(DatasetPreset.MOONS);
            session.save(file);
            return model.training().sourceProperty().get().source().sample(5, 1);
        });
        waitUntil(30, () -> session.statusProperty().get().startsWith("Saved"));
        String text = org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> Files.readString(file));
        assertTrue(text.contains("\"source\" : \"points\""), "the setting names drawn points");
        assertTrue(text.contains("\"name\" : \"drawn (1,000 points)\""), "and the points are in the file");
        fx(() -> {
            model.training().sourceProperty().set(SourceOption.GAUSSIAN);
            session.open(file);
            return null;
        });
        waitUntil(30, () -> session.statusProperty().get().startsWith("Opened"));
        SourceOption back = fx(() -> model.training().sourceProperty().get());
        assertEquals("drawn (1,000 points)", back.label());
        assertArrayEquals(drawn, back.source().sample(5, 1), 0.0, "the same points, drawn the same way");
        assertEquals(DatasetPreset.MOONS, fx(() -> model.data().presetProperty().get()), "the data is the moons");
    }

    /** Reflow rounds are saved with their models and figures and come back with the same paths. */
    @Test
    void reflowRoundsComeBackFromASession(@TempDir Path dir) {
        fx(() -> {
            model.training().objectiveProperty().set(org.scorefield.core.nn.Objective.FLOW_MATCHING);
            model.training().widthProperty().set(32);
            model.training().depthProperty().set(2);
            model.reflow().pairsProperty().set(2000);
            model.reflow().trainStepsProperty().set(1000); // the fewest the Reflow section offers
            for (int i = 0; i < 100; i++) {
                model.training().step();
            }
            return null;
        });
        waitUntil(90, () -> model.training().stepsProperty().get() >= 100 && model.training().model().isPresent());
        fx(() -> {
            model.reflowNextRound();
            return null;
        });
        waitUntil(120, () -> !model.reflow().runningProperty().get() && model.reflow().rounds().size() == 2);
        var made = fx(() -> model.reflow().rounds());
        Path file = dir.resolve("rounds" + SessionFile.EXTENSION);
        fx(() -> {
            session.save(file);
            return null;
        });
        waitUntil(30, () -> session.statusProperty().get().startsWith("Saved"));
        fx(() -> {
            model.training().reset();
            return null;
        });
        assertTrue(fx(() -> model.reflow().rounds().isEmpty()), "a reset drops the rounds");
        fx(() -> {
            session.open(file);
            return null;
        });
        waitUntil(60, () -> session.statusProperty().get().startsWith("Opened") && model.reflow().rounds().size() == 2);
        var back = fx(() -> model.reflow().rounds());
        for (int k = 0; k < 2; k++) {
            assertArrayEquals(made.get(k).model().weights(), back.get(k).model().weights(), 0f);
            assertEquals(made.get(k).metrics().normalizedStraightness(), back.get(k).metrics().normalizedStraightness(), 0);
            assertArrayEquals(made.get(k).metrics().sw2ByNfe(), back.get(k).metrics().sw2ByNfe(), 0);
            var before = made.get(k).paths().positions();
            var after = back.get(k).paths().positions();
            assertEquals(before.length, after.length);
            for (int row = 0; row < before.length; row++) {
                assertArrayEquals(before[row], after[row], 0, "round " + k + ", the same paths, row " + row);
            }
        }
        // the next round goes on from the restored ones, on the same evaluation sources
        fx(() -> {
            model.training().seedProperty().set(99);
            model.reflowNextRound();
            return null;
        });
        waitUntil(120, () -> !model.reflow().runningProperty().get() && model.reflow().rounds().size() == 3);
        var third = fx(() -> model.reflow().rounds().get(2));
        assertArrayEquals(made.get(0).paths().positions()[0], third.paths().positions()[0], 0,
                "round 2 starts from the sources rounds 0 and 1 did");
    }

    @Test
    void aDamagedOrNewerFileIsRefusedAndTheWorkIsUntouched(@TempDir Path dir) throws Exception {
        makeWorkspace();
        Path good = savedAs(dir.resolve("good.scorefield"));
        String text = Files.readString(good);
        PointSet before = fx(() -> model.data().data().points());
        long steps = fx(() -> model.training().stepsProperty().get());

        Path cut = dir.resolve("cut.scorefield");
        Files.writeString(cut, text.substring(0, text.length() / 3));
        Path newer = dir.resolve("newer.scorefield");
        Files.writeString(newer, text.replace("\"version\" : 1", "\"version\" : 9"));
        Path unknown = dir.resolve("unknown.scorefield");
        Files.writeString(unknown, text.replace("\"solver\" : \"heun\"", "\"solver\" : \"warp-drive\""));
        for (Path bad : new Path[] {cut, newer, unknown}) {
            fx(() -> {
                session.open(bad);
                return null;
            });
            waitUntil(30, () -> !session.busyProperty().get());
            String status = fx(() -> session.statusProperty().get());
            assertTrue(status.startsWith("Cannot open " + bad.getFileName() + ": "), status);
            assertEquals(status, fx(() -> model.messageProperty().get()), "the status bar says it too");
            assertArrayEquals(before.xy(), fx(() -> model.data().data().points().xy()), 0.0);
            assertEquals(steps, fx(() -> model.training().stepsProperty().get()));
            assertEquals(SamplerKind.HEUN, fx(() -> model.sampling().solverProperty().get()));
        }
        assertTrue(fx(() -> session.statusProperty().get()).contains("warp-drive"));
        assertTrue(Files.readString(newer).contains("\"version\" : 9"));
        assertEquals(good, fx(() -> session.fileProperty().get()), "the current file is still the good one");
    }

    /**
     * Mutated sessions, opened as Open… opens them and dropped on the window: each is opened, or
     * refused in one sentence that leaves the work (data, model, sampler) and the file as they were.
     */
    @Test
    void mutatedSessionsOpenOrAreRefusedInOneSentenceKeepingTheWork(@TempDir Path dir) throws Exception {
        makeWorkspace();
        Path good = savedAs(dir.resolve("good.scorefield"));
        byte[] valid = Files.readAllBytes(good);
        org.scorefield.fuzz.Mutator mutator = new org.scorefield.fuzz.Mutator(15);
        int opened = 0;
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            PointSet before = fx(() -> model.data().data().points());
            long steps = fx(() -> model.training().stepsProperty().get());
            SamplerKind solver = fx(() -> model.sampling().solverProperty().get());
            org.scorefield.fuzz.Mutator.Mutant m = mutator.json(valid);
            Path file = dir.resolve("m" + i + SessionFile.EXTENSION);
            Files.write(file, m.bytes());
            boolean dropped = i % 2 == 1;
            fx(() -> {
                if (dropped) {
                    session.openDropped(file);
                } else {
                    session.open(file);
                }
                return null;
            });
            waitUntil(60, () -> !session.busyProperty().get() && model.jobs().idle());
            String status = fx(() -> session.statusProperty().get());
            String context = "mutation " + i + " " + m.kinds() + ": " + status;
            assertArrayEquals(m.bytes(), Files.readAllBytes(file), context);
            assertEquals(1, status.lines().count(), context);
            assertFalse(status.matches("(?s).*\\b\\w+(Exception|Error)\\b.*"), context);
            if (status.startsWith("Opened")) {
                opened++;
                fx(() -> {
                    session.open(good); // back to the work of the next round
                    return null;
                });
                waitUntil(60, () -> !session.busyProperty().get() && model.jobs().idle());
                assertTrue(fx(() -> session.statusProperty().get()).startsWith("Opened good"));
            } else {
                refused++;
                assertTrue(status.startsWith("Cannot open m" + i + SessionFile.EXTENSION + ": "), context);
                assertTrue(status.length() < 400, context);
                assertArrayEquals(before.xy(), fx(() -> model.data().data().points().xy()), 0.0, context);
                assertEquals(steps, fx(() -> model.training().stepsProperty().get()), context);
                assertEquals(solver, fx(() -> model.sampling().solverProperty().get()), context);
            }
        }
        assertTrue(refused > 30, "most mutations break a session: " + refused + " refused, " + opened + " opened");

        fx(() -> {
            session.openDropped(dir.resolve("notes.txt"));
            return null;
        });
        assertEquals("notes.txt is neither a session (.scorefield) nor points (.csv), the files the window opens; "
                + "the work is unchanged.", fx(() -> model.messageProperty().get()));
    }

    @Test
    void theAutosaveOfACrashedRunIsOfferedAndRestores(@TempDir Path dir) throws Exception {
        makeWorkspace();
        PointSet drawn = fx(() -> model.data().data().points());
        fx(() -> {
            session.autosave();
            return null;
        });
        Path mine = session.autosaveFile();
        waitUntil(30, () -> Files.isRegularFile(mine));
        java.util.concurrent.atomic.AtomicReference<SessionState.Crashed> found = new java.util.concurrent.atomic.AtomicReference<>();
        fx(() -> {
            session.findCrashed(found::set);
            return null;
        });
        waitUntil(30, () -> model.jobs().idle());
        assertEquals(null, found.get(), "this process's own autosave is not a crash");
        // The same file left by a process that has ended: a crash.
        long dead = ProcessHandle.current().pid() + 1_000_000_000L;
        Path left = mine.resolveSibling("autosave-" + dead + SessionFile.EXTENSION);
        Files.copy(mine, left);
        fx(() -> {
            model.training().reset();
            model.data().presetProperty().set(DatasetPreset.MOONS);
            model.data().reloadPreset();
            return null;
        });
        fx(() -> {
            session.findCrashed(found::set);
            return null;
        });
        waitUntil(30, () -> found.get() != null);
        SessionState.Crashed crashed = found.get();
        assertEquals(left, crashed.file());
        fx(() -> {
            session.restore(crashed);
            return null;
        });
        waitUntil(30, () -> session.statusProperty().get().startsWith("Restored"));
        assertTrue(fx(() -> session.statusProperty().get()).contains(crashed.when()),
                "the time the work was autosaved: " + fx(() -> session.statusProperty().get()));
        assertArrayEquals(drawn.xy(), fx(() -> model.data().data().points().xy()), 0.0);
        assertTrue(fx(() -> model.training().model()).isPresent());
        assertEquals(null, fx(() -> session.fileProperty().get()), "a restored autosave is not a saved file");
        waitUntil(10, () -> !Files.exists(left));
        // a clean close deletes the autosave
        fx(() -> {
            stage.close();
            return null;
        });
        waitUntil(10, () -> !Files.exists(mine));
    }

}
