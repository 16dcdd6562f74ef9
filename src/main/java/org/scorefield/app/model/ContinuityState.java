package org.scorefield.app.model;

import java.util.Locale;
import java.util.function.DoubleFunction;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.scorefield.app.jobs.Lane;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.SwirledDenoiser;
import org.scorefield.core.field.ContinuityCells;
import org.scorefield.core.schedule.Schedule;

/**
 * The block of continuity cells at the scrubber's t (docs/math.md §8.10): for each of {@value #CELLS}
 * × {@value #CELLS} cells of side {@value #SIDE}, the rate of change of its exact mass and the net
 * inward flux of p_t·û through its edges, with the exact oracle's density and velocity (and the swirl
 * of the Sampling section, which changes no cell's figures). Recomputed on the quick lane when t, the
 * data, the path, the block or the swirl change. Lives on the FX thread.
 */
public final class ContinuityState {

    /** Cells per side of the block. */
    public static final int CELLS = 3;
    /** The side of one cell, in world units. */
    public static final double SIDE = 0.5;
    private static final String KEY = "continuity";

    private final ExplorerModel model;
    private final ReadOnlyObjectWrapper<ContinuityCells> cells = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();

    ContinuityState(ExplorerModel model) {
        this.model = model;
        ViewState view = model.view();
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {view.timeProperty(), view.continuityProperty(),
                view.cellsXProperty(), view.cellsYProperty(), model.data().dataProperty(), model.exactPathProperty(),
                model.sampling().swirlProperty()}) {
            o.addListener(obs -> refresh());
        }
        refresh();
    }

    /** The block at the last t computed, or null (off, no data, or refused: see {@link #problemProperty()}). */
    public ReadOnlyObjectProperty<ContinuityCells> cellsProperty() {
        return cells.getReadOnlyProperty();
    }

    /** Why the block is not shown although it is on, in one sentence, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /**
     * The block at any t, computed on the thread that asks (an export's frames), or null while it is
     * off or cannot be computed; captured now, on the FX thread.
     */
    public DoubleFunction<ContinuityCells> recipe() {
        if (!model.view().continuityProperty().get() || model.data().data().points().size() == 0) {
            return t -> null;
        }
        DenoiserChoice exact = DenoiserChoice.exact(model.data().data(), model.exactPath());
        if (!exact.source().isGaussian()) {
            return t -> null;
        }
        double cx = model.view().cellsXProperty().get();
        double cy = model.view().cellsYProperty().get();
        double swirl = model.sampling().swirlProperty().get();
        return t -> {
            Denoiser oracle = exact.create();
            return ContinuityCells.compute(SwirledDenoiser.of(oracle, swirl), oracle, cx, cy, SIDE, CELLS,
                    time(exact.schedule(), t));
        };
    }

    /**
     * t moved where the cells are defined, [tMin(), min(1, tMax())], where σ(t) &gt; 0 (the cells take
     * a one-sided difference at either end).
     */
    public static double time(Schedule schedule, double t) {
        return Math.max(schedule.tMin(), Math.min(Math.min(schedule.tMax(), 1), t));
    }

    private void refresh() {
        if (!model.view().continuityProperty().get() || model.data().data().points().size() == 0) {
            model.jobs().drop(KEY);
            cells.set(null);
            problem.set(null);
            return;
        }
        DenoiserChoice exact = DenoiserChoice.exact(model.data().data(), model.exactPath());
        if (!exact.source().isGaussian()) {
            model.jobs().drop(KEY);
            cells.set(null);
            problem.set("The continuity cells need a diffusion from N(0, I): this flow starts from "
                    + exact.source().displayName() + ".");
            return;
        }
        DoubleFunction<ContinuityCells> recipe = recipe();
        double t = model.view().timeProperty().get();
        model.jobs().<ContinuityCells>job(KEY, Lane.QUICK).title("Computing the continuity cells")
                .onFailure(why -> {
                    cells.set(null);
                    problem.set(why);
                })
                .start(job -> recipe.apply(t), result -> {
                    problem.set(null);
                    cells.set(result);
                });
    }

    /** "cells at (1.10, 0.60), t = 0.30" for a caption. */
    static String describe(ContinuityCells c) {
        return String.format(Locale.ROOT, "continuity cells at (%.2f, %.2f), t = %.3f", c.cx(), c.cy(), c.t());
    }
}
