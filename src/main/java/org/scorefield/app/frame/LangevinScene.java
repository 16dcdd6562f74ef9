package org.scorefield.app.frame;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.scorefield.app.canvas.CanvasFrame;
import org.scorefield.app.canvas.HeatmapStyle;
import org.scorefield.app.canvas.TrajectoryRole;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.model.LangevinView;
import org.scorefield.core.sample.LangevinDynamics;
import org.scorefield.core.sample.Trajectories;
import org.scorefield.core.schedule.TimeWarp;

/**
 * The "Langevin" view as panes (docs/math.md §5.13): Langevin at one σ, score ascent and annealed
 * Langevin from the same start, each titled with its update rule over its figures (the particles' share
 * of each mode beside the true weights, the error, the modes hit, SW2/floor to p_σ) and, at the
 * scrubber's t, its step and level; under the particles the data's exact log p_σ. The scrubber replays
 * the runs: its slider position u (t = 1 at the start, 0 at the end, whatever its time axis) is the
 * share of the steps still to go, so playing moves through the steps at an even pace.
 */
final class LangevinScene {

    private LangevinScene() {
    }

    static FrameComposer.Scene of(ExplorerModel model) {
        LangevinView view = model.langevin();
        Optional<String> problem = view.problem();
        if (problem.isPresent()) {
            String says = problem.get();
            return new FrameComposer.Scene(List.of(new FrameComposer.Pane("Langevin", -1,
                    t -> new FrameComposer.Frame(CanvasFrame.EMPTY, List.of(says)))), 1);
        }
        LangevinView.Runs runs = view.runsProperty().get();
        String failure = view.failureProperty().get();
        TimeWarp warp = TimeWarp.of(model.view().timeScaleProperty().get(), model.exactPath().schedule());
        int drawn = model.sampling().pathsProperty().get();
        List<FrameComposer.Pane> panes = new ArrayList<>();
        LangevinDynamics.Rule[] rules = LangevinDynamics.Rule.values();
        for (int k = 0; k < rules.length; k++) {
            LangevinDynamics.Rule rule = rules[k];
            LangevinView.Pane pane = runs == null ? null : runs.panes().get(k);
            List<String> fixed = new ArrayList<>();
            fixed.add(rule.update());
            if (!failure.isEmpty()) {
                fixed.add(failure); // a run that failed or was cancelled: what is shown is older, or nothing
            } else if (pane == null) {
                fixed.add("running\u2026");
            }
            if (pane != null) {
                pane.weightsLine().ifPresent(fixed::add);
                fixed.add(pane.figuresLine());
            }
            if (k == 0 && runs != null) {
                fixed.add(runs.scoreName() + (Math.abs(runs.level() / runs.settings().sigma() - 1) > 1e-6
                        ? String.format(java.util.Locale.ROOT, ", read at \u03c3 = %.3g", runs.level()) : "")
                        + "  \u00b7  " + LangevinView.PARTICLES + " from " + runs.start());
            }
            Trajectories paths = pane == null ? null : retimed(pane.run().paths(), warp);
            TrajectoryRole role = rule == LangevinDynamics.Rule.SCORE_ASCENT ? TrajectoryRole.ODE : TrajectoryRole.SDE;
            CanvasFrame under = runs != null && runs.density() != null
                    ? CanvasFrame.EMPTY.withHeatmap(runs.density(), HeatmapStyle.LOG_P_SIGMA) : CanvasFrame.EMPTY;
            panes.add(new FrameComposer.Pane(rule.label(), pane == null ? -1 : runs.settings().steps(), t -> {
                List<String> notes = new ArrayList<>(fixed);
                CanvasFrame frame = under;
                if (paths != null) {
                    // annealed Langevin's paths cross the whole plane at its first levels and would hide the rest
                    frame = frame.withTrajectories(paths, t, rule == LangevinDynamics.Rule.ANNEALED ? 0 : drawn, role);
                    notes.add(1, pane.run().progressAt(warp.position(t)));
                }
                return new FrameComposer.Frame(frame, notes);
            }));
        }
        return new FrameComposer.Scene(panes, 0);
    }

    /** The run's rows at the times whose slider positions are the rows' own times (1 − step/K). */
    static Trajectories retimed(Trajectories paths, TimeWarp warp) {
        double[] times = paths.times();
        double[] out = new double[times.length];
        for (int r = 0; r < times.length; r++) {
            out[r] = warp.time(times[r]);
        }
        return new Trajectories(out, paths.positions(), paths.denoised());
    }
}
