package org.scorefield.app.headless;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.scorefield.app.fx.HeadlessFx;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.settings.AnimationFormat;
import org.scorefield.app.settings.AnimationSubject;
import org.scorefield.app.settings.Settings;
import org.scorefield.app.view.ExplorerView;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.nn.TrainingWorker;

/**
 * A long run of the real window without a display (Monocle), to see whether memory stays flat:
 * each cycle trains, samples, makes a Reflow round, exports an animation and a figure, saves the
 * session and opens it again, as the window's controls do; then it logs the heap in use after a
 * collection and the resident memory of the process (ND4J's native memory is part of it). Not part of
 * {@code verify}: {@code scripts/soak.sh} runs it (thirty minutes by default).
 *
 * <p>Usage: {@code Soak MINUTES FOLDER}; the log is {@code FOLDER/soak.csv}, one row per cycle.
 */
public final class Soak {

    private static final DatasetPreset[] PRESETS = {DatasetPreset.MOONS, DatasetPreset.EIGHT_GAUSSIANS};

    private Soak() {
    }

    public static void main(String[] args) throws IOException {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 30;
        Path folder = Path.of(args.length > 1 ? args[1] : "target/soak");
        Files.createDirectories(folder);
        HeadlessWindow window = HeadlessWindow.open(1440, 900);
        ExplorerView view = window.view();
        ExplorerModel model = view.model();
        long end = System.nanoTime() + (long) (minutes * 60e9);
        List<double[]> rows = new ArrayList<>();
        try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(folder.resolve("soak.csv")), true)) {
            log.println("cycle,seconds,heap_mb,rss_mb,train_steps,reflow_rounds,message");
            long started = System.nanoTime();
            for (int cycle = 1; System.nanoTime() < end; cycle++) {
                cycle(view, model, folder, PRESETS[cycle % PRESETS.length]);
                double[] row = {cycle, (System.nanoTime() - started) / 1e9, heapMb(), rssMb()};
                rows.add(row);
                long steps = HeadlessFx.call(() -> model.training().stepsProperty().get());
                int rounds = HeadlessFx.call(() -> model.reflow().rounds().size());
                String message = HeadlessFx.call(() -> model.messageProperty().get()).replace(',', ';');
                log.printf(Locale.ROOT, "%d,%.1f,%.1f,%.1f,%d,%d,%s%n", cycle, row[1], row[2], row[3], steps, rounds,
                        message);
                System.out.printf(Locale.ROOT, "cycle %d at %.0f s: heap %.1f MB, resident %.1f MB (%d steps, %d "
                        + "Reflow rounds; %s)%n", cycle, row[1], row[2], row[3], steps, rounds, message);
            }
        } finally {
            window.close();
        }
        if (rows.size() >= 6) {
            double[] fifth = rows.get(4);
            double[] last = rows.get(rows.size() - 1);
            System.out.printf(Locale.ROOT, "%d cycles; from cycle 5 to %d: heap %+.1f %%, resident %+.1f %%%n",
                    rows.size(), rows.size(), growth(fifth[2], last[2]), growth(fifth[3], last[3]));
        }
        System.exit(0);
    }

    private static double growth(double from, double to) {
        return from == 0 ? 0 : 100 * (to - from) / from;
    }

    /** One round of what a lecturer does: train, sample, Reflow, export, save, reopen. */
    private static void cycle(ExplorerView view, ExplorerModel model, Path folder, DatasetPreset preset) {
        HeadlessFx.run(() -> {
            model.data().presetProperty().set(preset);
            model.training().objectiveProperty().set(Objective.FLOW_MATCHING);
            // the smallest values the controls offer, so that a cycle takes about half a minute
            model.reflow().pairsProperty().set(Settings.REFLOW_PAIRS.choices().get(0));
            model.reflow().trainStepsProperty().set(Settings.REFLOW_TRAIN_STEPS.choices().get(0));
            model.training().reset();
            model.training().train();
        });
        long target = 400;
        waitFor(() -> HeadlessFx.call(() -> model.training().stepsProperty().get() >= target
                || model.training().stateProperty().get() == TrainingWorker.State.FAILED), 300);
        HeadlessFx.run(() -> model.training().pause());
        waitFor(() -> HeadlessFx.call(() -> model.training().stateProperty().get() != TrainingWorker.State.RUNNING),
                60);
        HeadlessFx.run(() -> model.sampling().resample());
        waitFor(() -> HeadlessFx.call(() -> model.jobs().idle()), 300);
        HeadlessFx.run(model::reflowNextRound);
        waitFor(() -> HeadlessFx.call(() -> !model.reflow().runningProperty().get() && model.jobs().idle()), 600);
        HeadlessFx.run(() -> {
            model.export().whatProperty().set(AnimationSubject.SAMPLING);
            model.export().formatProperty().set(AnimationFormat.GIF);
            model.export().fpsProperty().set(Settings.FPS.choices().get(0));
            model.export().secondsProperty().set(Settings.SECONDS.min());
            view.export().exportAnimation(folder.resolve("soak.gif"));
            view.export().saveFigure(folder.resolve("soak.png"));
        });
        waitFor(() -> HeadlessFx.call(() -> !view.export().runningProperty().get() && model.jobs().idle()), 300);
        Path session = folder.resolve("soak.scorefield");
        HeadlessFx.run(() -> view.session().save(session));
        waitFor(() -> HeadlessFx.call(() -> !view.session().busyProperty().get() && model.jobs().idle()), 300);
        HeadlessFx.run(() -> view.session().open(session));
        waitFor(() -> HeadlessFx.call(() -> !view.session().busyProperty().get() && model.jobs().idle()), 300);
    }

    /**
     * The heap in use after full collections, at rest: the least of three readings a second apart,
     * so that a job still finishing (an autosave, a frame being drawn) is not counted as kept.
     */
    private static double heapMb() {
        double least = Double.MAX_VALUE;
        for (int reading = 0; reading < 3; reading++) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            System.gc();
            System.gc();
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
        }
        return least;
    }

    /** VmRSS of /proc/self/status (Linux); 0 elsewhere. */
    private static double rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static void waitFor(BooleanSupplier condition, int seconds) {
        HeadlessFx.waitUntil("a soak step", seconds, condition);
    }
}
