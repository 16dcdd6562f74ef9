package org.scorefield.app.headless;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.TitledPane;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.scorefield.app.fx.HeadlessFx;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.model.SourceOption;
import org.scorefield.app.settings.CanvasTool;
import org.scorefield.app.settings.FieldSource;
import org.scorefield.app.theme.Look;
import org.scorefield.app.view.ExplorerView;
import org.scorefield.core.Identified;
import org.scorefield.core.flow.CouplingKind;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.field.FieldKind;
import org.scorefield.core.io.AtomicFiles;
import org.scorefield.core.nn.TrainingWorker;

/**
 * Builds the real explorer window without a display (Monocle), runs a short scripted session — load
 * a preset, train a few hundred steps, sample — puts it in one of its {@link View}s and writes the
 * window to a PNG. What the {@code screenshot} command and the README's pictures use.
 */
public final class Screenshot {

    /** The views a screenshot can show. */
    public enum View implements Identified {
        /** The single canvas: the data noised to t, the samples' trajectories, the density. */
        MAIN,
        /** PF-ODE and reverse SDE side by side. */
        SPLIT,
        /** The learned score field over the exact density. */
        FIELDS,
        /** Streamlines of the learned PF-ODE velocity over the data. */
        STREAMLINES,
        /** The size of the learned score's error, |learned − exact|, as a heatmap. */
        DIFFERENCE,
        /** Trajectories at t = 0.35 with the denoiser's x̂0 beside each, and paths from a click. */
        DENOISED,
        /** The solvers' error against NFE, computed. */
        ERRORS,
        /** A flow-matching model and two Reflow rounds side by side, with the Reflow charts. */
        REFLOW,
        /** One batch's training pairs under minibatch OT, drawn as straight lines. */
        PAIRS,
        /** The velocity probe of a flow-matching model: conditional targets, marginal and learned velocity. */
        PROBE,
        /** Model A (EDM) beside model B (flow matching), trained from the same seed. */
        COMPARE,
        /** Samples guided to class 2 (or 0) at the script's ω over the tilted density, from the Sampling section. */
        GUIDANCE,
        /** The Draw tool with its class swatches, and strokes of classes 2 and 5 drawn over the data at t = 0. */
        BRUSH,
        /** "\u03c9 a vs b": class 2 (or 0) at ω = 1 beside the script's ω, from the same noise, each over its tilted density. */
        GUIDANCE_SPLIT,
        /** The exact log-density along the sampling paths and two clicked paths, in the charts (docs/math.md §7.6). */
        PATH_LIKELIHOOD,
        /**
         * Density evolution on 8 Gaussians with the exact oracle: the flux p_t·û with a swirl, the continuity
         * cells, and swirling samples over the unchanged density (docs/math.md §8.10, §8.11).
         */
        SWIRL,
        /**
         * "log p\u2080" on 8gaussians: the model's log p\u2080 from its PF-ODE, the exact one and their
         * difference, with a clicked point's climb to the prior half way up (t = 0.5).
         */
        LIKELIHOOD,
        /**
         * A model trained under VP, sampled after the process was switched to linear: read through the change
         * of time and scale (docs/math.md §2.10), with the Model &amp; training section's note open.
         */
        RESCHEDULE,
        /**
         * A model trained on 16 points of the data (Data ▸ Dataset size), its samples over those points at
         * t = 0, and the Memorisation chart: the model's distances to the nearest training point beside the
         * memorising oracle's (docs/math.md §11.7).
         */
        MEMORISATION,
        /**
         * Score-difference flow from N(0, I) to the data after its default iterations, with the two
         * denoisers and their difference as arrows, beside flow matching from the same particles, and
         * the SW2 chart of both (docs/math.md §10.3).
         */
        SDF,
        /**
         * The Mean shift tool at a probe between the data's clusters (docs/math.md §6.4): each point a disc by its
         * weight, the kernel, x̂0 and the DDIM step along the chord; with a model, its x̂0 beside the oracle's.
         */
        MEAN_SHIFT,
        /**
         * Denoising vs sampling with the exact oracle (docs/math.md §6.2): five paths, their guesses x̂0 and
         * where each lands, and the exact log-densities along both in the charts.
         */
        DENOISING_TRAJECTORY,
        /**

         * "Langevin" on gmm-labelled with the exact score: Langevin at one σ, score ascent and annealed Langevin
         * from the same uniform start, at their last step (docs/math.md §5.13).
         */
        LANGEVIN,
        /** 400 points on Brownian paths of the forward SDE at t = 0.3, the first 40 paths drawn (docs/math.md §1.4). */
        FORWARD_SDE;

        /** The lower-case name the command line uses: "guidance-split". */
        @Override
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * What to show.
     *
     * @param view   which view
     * @param width  window width in pixels
     * @param height window height in pixels
     * @param look   theme and presenter mode
     * @param preset the data
     * @param steps  training steps before sampling
     * @param source flow matching from this preset (null: the view's own objective and N(0, I))
     */
    public record Script(View view, int width, int height, Look look, DatasetPreset preset, int steps,
                         DatasetPreset source, org.scorefield.core.session.Lesson lesson, int scene, double omega) {

        public Script(View view, int width, int height, Look look, DatasetPreset preset, int steps,
                      DatasetPreset source, org.scorefield.core.session.Lesson lesson, int scene) {
            this(view, width, height, look, preset, steps, source, lesson, scene, 1);
        }

        /** The same script with the guidance scale of {@link View#GUIDANCE}. */
        public Script withOmega(double w) {
            return new Script(view, width, height, look, preset, steps, source, lesson, scene, w);
        }

        public Script(View view, int width, int height, Look look, DatasetPreset preset, int steps) {
            this(view, width, height, look, preset, steps, null);
        }

        public Script(View view, int width, int height, Look look, DatasetPreset preset, int steps,
                      DatasetPreset source) {
            this(view, width, height, look, preset, steps, source, null, 0);
        }

        /** Scene {@code scene} (from 1) of a lesson, as the window shows it after {@code steps} of training. */
        public static Script scene(org.scorefield.core.session.Lesson lesson, int scene, int width, int height,
                                   Look look, int steps) {
            return new Script(View.MAIN, width, height, look, DatasetPreset.MOONS, steps, null, lesson, scene);
        }
    }

    /** What the script did. */
    public record Result(long steps, double seconds) {
    }

    private Screenshot() {
    }

    /** Runs the script and writes the PNG atomically. */
    public static Result write(Script script, Path out) throws IOException {
        long started = System.nanoTime();
        try (HeadlessWindow window = HeadlessWindow.open(script.width(), script.height())) {
            ExplorerView view = window.view();
            ExplorerModel model = view.model();
            HeadlessFx.run(() -> {
                model.view().lookProperty().set(script.look());
                model.data().presetProperty().set(script.view() == View.SWIRL && script.scene() == 0
                        ? DatasetPreset.EIGHT_GAUSSIANS : script.view() == View.LANGEVIN && script.scene() == 0
                        ? DatasetPreset.GMM_LABELLED : script.preset());
                if (script.view() == View.REFLOW || script.view() == View.PAIRS || script.view() == View.PROBE) {
                    model.training().objectiveProperty().set(Objective.FLOW_MATCHING);
                }
                if (script.source() != null) {
                    model.training().objectiveProperty().set(Objective.FLOW_MATCHING);
                    model.training().sourceProperty().set(SourceOption.all().stream()
                            .filter(o -> o.source().equals(org.scorefield.core.flow.FlowSource.of(script.source())))
                            .findFirst().orElseThrow());
                }
                if (script.view() == View.PAIRS) {
                    model.training().couplingProperty().set(CouplingKind.OT);
                }
                if (script.view() == View.GUIDANCE) {
                    model.training().conditionalProperty().set(true); // a model trained for it can be guided
                }
                if (script.view() == View.COMPARE) {
                    model.view().compareProperty().set(true); // before training, so that B trains beside A
                }
                if (script.view() == View.MEMORISATION) {
                    model.data().trainSizeProperty().set(MEMORISATION_POINTS); // before training: the model learns these
                }
            });
            if (script.steps() > 0) {
                HeadlessFx.run(() -> model.compare().train());
                waitFor(() -> HeadlessFx.call(() -> trained(model.training(), script.steps())
                        && (script.view() != View.COMPARE || trained(model.compare().b(), script.steps()))), 300);
                HeadlessFx.run(() -> model.compare().pause());
                waitFor(() -> HeadlessFx.call(() -> model.training().stateProperty().get()
                        != TrainingWorker.State.RUNNING && model.compare().b().stateProperty().get()
                        != TrainingWorker.State.RUNNING), 30);
            }
            if (script.view() == View.REFLOW) {
                for (int round = 1; round <= 2; round++) {
                    HeadlessFx.run(model::reflowNextRound);
                    waitFor(() -> HeadlessFx.call(() -> !model.reflow().runningProperty().get()), 600);
                }
            }
            if (script.scene() > 0) {
                HeadlessFx.run(() -> {
                    view.lessons().open(script.lesson());
                    view.lessons().go(script.scene() - 1);
                    view.scrubber().stop();
                    model.sampling().resample();
                });
            } else {
                HeadlessFx.run(() -> {
                    if (script.view() == View.GUIDANCE || script.view() == View.GUIDANCE_SPLIT) {
                        int classes = model.data().data().points().labelCount();
                        model.sampling().guidedClassProperty().set(Math.min(2, Math.max(0, classes - 1)));
                        if (script.view() == View.GUIDANCE) {
                            model.sampling().omegaProperty().set(script.omega());
                        } else {
                            model.sampling().omegaProperty().set(1);
                            model.sampling().omegaBProperty().set(script.omega());
                        }
                    }
                    arrange(view, script.view());
                });
            }
            waitFor(() -> HeadlessFx.call(() -> model.jobs().idle()), 120);
            settle();
            WritableImage image = HeadlessFx.call(() -> {
                view.canvasArea().redraw();
                return window.stage().getScene().snapshot(null);
            });
            BufferedImage png = SwingFXUtils.fromFXImage(image, null);
            AtomicFiles.writeBytes(out, stream -> {
                if (!ImageIO.write(png, "png", stream)) {
                    throw new IOException("no PNG writer");
                }
            });
            return new Result(HeadlessFx.call(() -> model.training().stepsProperty().get()),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /** Whether a model has trained this many steps, or has stopped for good. */
    private static boolean trained(org.scorefield.app.model.TrainingState training, int steps) {
        return training.stepsProperty().get() >= steps
                || training.stateProperty().get() == TrainingWorker.State.FAILED;
    }

    /** Puts the window in the view: which layers, which t. */
    static void arrange(ExplorerView view, View which) {
        ExplorerModel model = view.model();
        switch (which) {
            case MAIN -> {
                model.view().splitProperty().set(false);
                model.view().showDataProperty().set(false);
                model.view().showDensityProperty().set(true);
                model.view().showSamplesProperty().set(true);
                model.view().showFieldProperty().set(false);
                model.view().timeProperty().set(0.08);
            }
            case SPLIT -> {
                model.view().splitProperty().set(true);
                model.view().showDataProperty().set(false);
                model.view().showDensityProperty().set(false);
                model.view().showSamplesProperty().set(true);
                model.view().timeProperty().set(0.0);
            }
            case COMPARE -> {
                model.view().compareProperty().set(true);
                model.view().showDataProperty().set(false);
                model.view().showDensityProperty().set(false);
                model.view().showFieldProperty().set(false);
                model.view().showSamplesProperty().set(true);
                view.scrubber().stop();
                model.view().timeProperty().set(0.0);
            }
            case FIELDS, STREAMLINES, DIFFERENCE -> {
                boolean learned = model.training().model().isPresent();
                model.view().splitProperty().set(false);
                model.view().showSamplesProperty().set(false);
                model.view().showDataProperty().set(which != View.DIFFERENCE);
                model.view().showDensityProperty().set(which == View.FIELDS);
                model.view().showFieldProperty().set(true);
                model.view().streamlinesProperty().set(which == View.STREAMLINES);
                model.view().fieldKindProperty().set(which == View.STREAMLINES || model.exactPath().isFlow()
                        ? FieldKind.VELOCITY : FieldKind.SCORE);
                model.view().fieldSourceProperty().set(!learned ? FieldSource.EXACT
                        : which == View.DIFFERENCE ? FieldSource.DIFFERENCE
                        : FieldSource.LEARNED);
                model.view().timeProperty().set(0.3);
                // The settings of what is shown, open in the side panel.
                if (view.lookup("#fieldSection") instanceof TitledPane fields) {
                    fields.setExpanded(true);
                }
            }
            case DENOISED -> {
                model.view().splitProperty().set(false);
                model.view().showDataProperty().set(false);
                model.view().showDensityProperty().set(true);
                model.view().showSamplesProperty().set(true);
                model.view().showFieldProperty().set(false);
                model.sampling().showDenoisedProperty().set(true);
                model.sampling().startAt(2.2, 2.0);
                view.scrubber().stop();
                model.view().timeProperty().set(0.35);
            }
            case ERRORS -> {
                arrange(view, View.MAIN);
                view.charts().computeErrors();
                return;
            }
            case REFLOW -> {
                model.view().roundsViewProperty().set(true);
                model.view().showDataProperty().set(false);
                view.scrubber().stop();
                model.view().timeProperty().set(0.0);
                if (view.lookup("#reflowSection") instanceof TitledPane section) {
                    section.setExpanded(true);
                }
                return;
            }
            case PROBE -> {
                model.view().splitProperty().set(false);
                model.view().showDataProperty().set(true);
                model.view().showDensityProperty().set(false);
                model.view().showFieldProperty().set(false);
                model.view().showSamplesProperty().set(false);
                model.view().toolProperty().set(CanvasTool.PROBE);
                view.scrubber().stop();
                model.view().timeProperty().set(0.5);
                model.probe().pointProperty().set(new double[] {0.4, 0.9});
                return;
            }
            case GUIDANCE, GUIDANCE_SPLIT -> {
                model.view().splitProperty().set(false);
                model.view().omegaSplitProperty().set(which == View.GUIDANCE_SPLIT);
                model.view().showDataProperty().set(false);
                model.view().showDensityProperty().set(true);
                model.view().heatmapProperty().set(org.scorefield.app.settings.HeatmapLayer.TILTED);
                model.view().showSamplesProperty().set(true);
                model.view().showFieldProperty().set(false);
                view.scrubber().stop();
                model.view().timeProperty().set(0.0);
                // the guidance controls in sight: the sections above them folded
                for (String id : new String[] {"#dataSection", "#processSection", "#trainingSection",
                    "#reflowSection"}) {
                    if (view.lookup(id) instanceof TitledPane section) {
                        section.setExpanded(false);
                    }
                }
                if (view.lookup("#samplingSection") instanceof TitledPane sampling
                        && view.lookup(".side-scroll") instanceof javafx.scene.control.ScrollPane side) {
                    sampling.setExpanded(true);
                    side.setVvalue(1); // to the end of the Sampling section, where guidance is
                }
            }
            case BRUSH -> {
                model.view().splitProperty().set(false);
                model.view().showDataProperty().set(true);
                model.view().showDensityProperty().set(false);
                model.view().showSamplesProperty().set(false);
                model.view().showFieldProperty().set(false);
                view.scrubber().stop();
                model.view().timeProperty().set(0.0);
                model.view().toolProperty().set(org.scorefield.app.settings.CanvasTool.BRUSH);
                // two strokes, as a drag sprays them: an arc of class 2 and a line of class 5
                for (int k = 0; k <= 24; k++) {
                    double a = Math.PI * k / 24;
                    model.data().brush(0.5 + 1.6 * Math.cos(a), -1.8 + 0.9 * Math.sin(a), 0.18, 3, 2);
                    model.data().brush(-2.6 + 0.2 * k, 2.2, 0.18, 3, 5);
                }
                model.view().brushClassProperty().set(5);
            }
            case PATH_LIKELIHOOD -> {
                arrange(view, View.MAIN);
                model.sampling().startAt(2.4, 2.2);
                model.sampling().startAt(-2.0, -0.6);
                if (view.lookup("#pathDensityTab") instanceof javafx.scene.control.ToggleButton tab) {
                    tab.setSelected(true);
                }
                return;
            }
            case SWIRL -> {
                model.sampling().driverProperty().set(org.scorefield.app.settings.Driver.EXACT);
                model.view().splitProperty().set(false);
                model.view().showDataProperty().set(false);
                model.view().showDensityProperty().set(true);
                model.view().heatmapProperty().set(org.scorefield.app.settings.HeatmapLayer.DENSITY);
                model.view().showSamplesProperty().set(true);
                model.view().showFieldProperty().set(true);
                model.view().fieldKindProperty().set(FieldKind.FLUX);
                model.view().fieldSourceProperty().set(FieldSource.EXACT);
                model.view().streamlinesProperty().set(false);
                model.view().continuityProperty().set(true);
                model.view().cellsXProperty().set(SWIRL_CELLS[0]);
                model.view().cellsYProperty().set(SWIRL_CELLS[1]);
                model.sampling().swirlProperty().set(SWIRL_STRENGTH);
                view.scrubber().stop();
                model.view().timeProperty().set(SWIRL_TIME);
                // the swirl slider and the field's controls in sight: the sections above them folded
                for (String id : new String[] {"#dataSection", "#processSection", "#trainingSection",
                    "#reflowSection"}) {
                    if (view.lookup(id) instanceof TitledPane section) {
                        section.setExpanded(false);
                    }
                }
                if (view.lookup("#fieldSection") instanceof TitledPane fields) {
                    fields.setExpanded(true);
                }
                if (view.lookup(".side-scroll") instanceof javafx.scene.control.ScrollPane side) {
                    side.setVvalue(0.45);
                }
            }
            case RESCHEDULE -> {
                model.process().kindProperty().set(org.scorefield.core.schedule.ScheduleKind.LINEAR);
                arrange(view, View.MAIN);
                model.view().timeProperty().set(0.0);
                if (view.lookup("#trainingSection") instanceof TitledPane section) {
                    section.setExpanded(true);
                }
                return;
            }
            case LIKELIHOOD -> {
                model.view().likelihoodProperty().set(true);
                view.scrubber().stop();
                model.view().timeProperty().set(0.5);
                model.likelihood().climbFrom(0.9, 1.6);
                return;
            }
            case MEMORISATION -> {
                model.view().splitProperty().set(false);
                model.view().showDataProperty().set(true);
                model.view().showDensityProperty().set(false);
                model.view().showSamplesProperty().set(true);
                model.view().showFieldProperty().set(false);
                model.sampling().pathsProperty().set(0);
                view.scrubber().stop();
                model.view().timeProperty().set(0.0);
                view.charts().showMemorisationTab();
                if (view.lookup("#dataSection") instanceof TitledPane data) {
                    data.setExpanded(true);
                }
            }
            case SDF -> {
                model.sdf().fieldsProperty().set(true);
                model.view().sdfProperty().set(true); // the view coming on runs the flow
                view.scrubber().stop();
                // the flow's controls in sight: the sections above them folded
                for (String id : new String[] {"#dataSection", "#processSection", "#trainingSection",
                    "#reflowSection"}) {
                    if (view.lookup(id) instanceof TitledPane section) {
                        section.setExpanded(false);
                    }
                }
                return;
            }
            case MEAN_SHIFT -> {
                model.view().splitProperty().set(false);
                model.view().showDataProperty().set(false);
                model.view().showDensityProperty().set(false);
                model.view().showFieldProperty().set(false);
                model.view().showSamplesProperty().set(false);
                view.scrubber().stop();
                model.view().timeProperty().set(MEAN_SHIFT_TIME);
                model.meanShift().place(MEAN_SHIFT_PROBE[0], MEAN_SHIFT_PROBE[1]);
                return;
            }
            case DENOISING_TRAJECTORY -> {
                model.sampling().driverProperty().set(org.scorefield.app.settings.Driver.EXACT);
                model.sampling().solverProperty().set(org.scorefield.core.sample.SamplerKind.HEUN);
                model.sampling().stepsProperty().set(32);
                model.view().splitProperty().set(false);
                model.view().showDataProperty().set(false);
                model.view().showDensityProperty().set(true);
                model.view().heatmapProperty().set(org.scorefield.app.settings.HeatmapLayer.DENSITY);
                model.view().showSamplesProperty().set(true);
                model.view().showFieldProperty().set(false);
                model.denoising().onProperty().set(true);
                view.scrubber().stop();
                model.view().timeProperty().set(DENOISING_TIME);
            }
            case LANGEVIN -> {
                model.sampling().driverProperty().set(org.scorefield.app.settings.Driver.EXACT);
                model.view().langevinProperty().set(true);
                view.scrubber().stop();
                model.view().timeProperty().set(0.0);
                return;
            }
            case FORWARD_SDE -> {
                model.view().splitProperty().set(false);
                model.view().showDataProperty().set(true);
                model.view().showDensityProperty().set(false);
                model.view().showFieldProperty().set(false);
                model.view().showSamplesProperty().set(false);
                model.data().pointCountProperty().set(400); // a sparser cloud, so that the paths under it show
                model.view().forwardPathsProperty().set(org.scorefield.app.settings.ForwardPaths.BROWNIAN);
                view.scrubber().stop();
                model.view().timeProperty().set(0.3);
                return;
            }
            case PAIRS -> {
                model.view().splitProperty().set(false);
                model.view().showDataProperty().set(false);
                model.view().showDensityProperty().set(false);
                model.view().showFieldProperty().set(false);
                model.view().showPairsProperty().set(true);
                view.scrubber().stop();
                model.view().timeProperty().set(0.0);
            }
        }
        model.sampling().resample();
    }

    /** The dataset size of the memorisation view: a small network copies this few points. */
    static final int MEMORISATION_POINTS = 16;
    /** The mean-shift view's probe and time, and the denoising view's time. */
    static final double[] MEAN_SHIFT_PROBE = {1.05, 0.4};
    static final double MEAN_SHIFT_TIME = 0.12;
    static final double DENOISING_TIME = 0.1;

    /** The swirl view's strength, time and block of cells. */
    static final double SWIRL_STRENGTH = 1.5;
    static final double SWIRL_TIME = 0.05;
    static final double[] SWIRL_CELLS = {1.2, 0.3};

    /** A few pulses, so that layout and CSS are done. */
    static void settle() {
        for (int i = 0; i < 5; i++) {
            HeadlessFx.run(() -> { });
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void waitFor(BooleanSupplier condition, int seconds) {
        HeadlessFx.waitUntil("the scripted session", seconds, condition);
    }
}
