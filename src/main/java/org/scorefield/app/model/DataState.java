package org.scorefield.app.model;

import java.util.Arrays;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.data.PointCsv;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.data.PresetDraw;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.schedule.ForwardNoising;

/**
 * The data the lab works on: drawn from a preset with a point count and a seed, drawn by hand with
 * a brush, or imported from a CSV file. Each point carries its own fixed noise ε (from the same
 * seed), so that the forward process moves every particle along one smooth path.
 *
 * <p>A preset stays a preset (with its exact mixture, where it has one) until the user edits its
 * points; from then on the data is the edited point set, whose exact oracle memorises the points.
 * Lives on the FX thread.
 */
public final class DataState {

    static final int MIN_POINTS = Settings.DATA_POINTS.min();
    static final int MAX_POINTS = Settings.DATA_POINTS.max();

    /**
     * The data as it stands: the points, where they came from, and their fixed noise.
     *
     * @param points  the data x0
     * @param preset  the preset they were drawn from, while unedited
     * @param name    how the data is named on screen and in model files
     * @param noising the forward process with one fixed ε per point
     * @param fixed   whether the points are the whole training set (a dataset size was chosen, see
     *                {@link Settings#DATA_TRAIN_SIZE}) rather than a picture of the preset
     */
    public record Data(PointSet points, Optional<DatasetPreset> preset, String name, ForwardNoising noising,
                       boolean fixed) {

        /**
         * What the trainer draws from: the preset itself, or the points (edited ones, or a fixed draw
         * of the preset, named so that a model file can draw it again: {@link PresetDraw}).
         */
        public DataDistribution distribution() {
            return preset.filter(p -> !fixed).<DataDistribution>map(p -> p)
                    .orElseGet(() -> new EmpiricalDistribution(name, points));
        }

        /** The exact Gaussian mixture, for an unedited mixture preset drawn afresh (a fixed draw is memorised). */
        public Optional<GaussianMixture> mixture() {
            return fixed ? Optional.empty() : preset.flatMap(DatasetPreset::mixture);
        }
    }

    /** What made the data what it is: the last edit, as Undo names it. */
    public enum Edit {
        /** Another preset chosen in the box. */
        PRESET,
        /** Another point count. */
        POINTS,
        /** Another data seed. */
        SEED,
        /** The chosen preset drawn again ({@link #reloadPreset}). */
        RESTORE_PRESET,
        /** Points sprayed with the brush. */
        BRUSH,
        /** Points removed with the eraser. */
        ERASE,
        /** Every point removed. */
        CLEAR,
        /** Points read from a file. */
        IMPORT,
        /** A session's data. */
        SESSION
    }

    /**
     * The data and the data box as they stand, to be put back exactly ({@link #restore(Snapshot)}):
     * everything in it is immutable, so a snapshot costs four references.
     *
     * @param data   the data (its points, name and noise)
     * @param preset the preset in the box
     * @param count  the point count in the box
     * @param seed   the data seed
     */
    public record Snapshot(Data data, DatasetPreset preset, int count, long seed) {
    }

    private final ObjectProperty<DatasetPreset> preset;
    private final IntegerProperty pointCount;
    private final LongProperty seed;
    private final IntegerProperty trainSize;
    private final ReadOnlyObjectWrapper<Data> data = new ReadOnlyObjectWrapper<>();
    private long brushStrokes;
    private Edit lastEdit = Edit.PRESET;
    /** Set while a session or a snapshot is restored: its points come with it, nothing is redrawn meanwhile. */
    private boolean restoring;

    /** The data alone, its settings owned by nobody else (for tests). */
    public DataState() {
        this(new SettingValues());
    }

    /** @param values where the data's settings are owned */
    public DataState(SettingValues values) {
        preset = values.object(Settings.DATA_PRESET);
        pointCount = values.integer(Settings.DATA_POINTS);
        seed = values.whole(Settings.DATA_SEED);
        trainSize = values.integer(Settings.DATA_TRAIN_SIZE);
        drawPreset();
        trainSize.addListener((obs, old, n) -> {
            if (!restoring && data.get().preset().isPresent()) {
                lastEdit = Edit.POINTS;
                drawPreset();
            }
        });
        preset.addListener((obs, old, p) -> {
            if (p != null && !restoring) {
                lastEdit = Edit.PRESET;
                drawPreset();
            }
        });
        pointCount.addListener((obs, old, n) -> {
            if (!restoring) {
                lastEdit = Edit.POINTS;
                if (data.get().preset().isPresent()) {
                    drawPreset();
                }
            }
        });
        seed.addListener((obs, old, s) -> {
            if (restoring) {
                return;
            }
            lastEdit = Edit.SEED;
            if (data.get().preset().isPresent()) {
                drawPreset();
            } else {
                set(data.get().points(), Optional.empty(), data.get().name());
            }
        });
    }

    /** The preset chosen in the data box (kept when the points are edited, to show where they came from). */
    public ObjectProperty<DatasetPreset> presetProperty() {
        return preset;
    }

    public IntegerProperty pointCountProperty() {
        return pointCount;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    /** The dataset size: {@link Settings#WHOLE_PRESET}, or the number of points drawn once to train on. */
    public IntegerProperty trainSizeProperty() {
        return trainSize;
    }

    public ReadOnlyObjectProperty<Data> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public Data data() {
        return data.get();
    }

    /** What made the data what it is now. */
    public Edit lastEdit() {
        return lastEdit;
    }

    /** The data and the data box now. */
    public Snapshot snapshot() {
        return new Snapshot(data.get(), preset.get(), pointCount.get(), seed.get());
    }

    /** Puts a snapshot back: the data box as it was, and the very same data (nothing is drawn anew). */
    public void restore(Snapshot saved) {
        restoring = true;
        try {
            preset.set(saved.preset());
            pointCount.set(saved.count());
            seed.set(saved.seed());
        } finally {
            restoring = false;
        }
        data.set(saved.data());
    }

    /** Draws the chosen preset again (also after editing). */
    public void reloadPreset() {
        lastEdit = Edit.RESTORE_PRESET;
        drawPreset();
    }

    /** The preset's points: as many as the dataset size when one is chosen, otherwise as many as the Points box says. */
    private void drawPreset() {
        DatasetPreset p = preset.get();
        int fixed = trainSize.get();
        if (fixed != Settings.WHOLE_PRESET) {
            set(PresetDraw.of(p, fixed, seed.get()).points(), Optional.of(p), PresetDraw.id(p, fixed, seed.get()));
            return;
        }
        set(p.sample(Math.max(MIN_POINTS, Math.min(MAX_POINTS, pointCount.get())), seed.get()), Optional.of(p),
                p.displayName());
    }

    /**
     * Adds {@code count} points scattered (Gaussian, spread {@code radius}) around a brush position,
     * of class {@code label}. Labelled data keeps its labels. Unlabelled data stays unlabelled under
     * class 0, which is what its points are drawn and guided as; another class makes it labelled, its
     * points so far class 0 ({@link #classesOnBrushing}).
     */
    public void brush(double x, double y, double radius, int count, int label) {
        PointSet old = data.get().points();
        if (old.size() + count > MAX_POINTS) {
            count = MAX_POINTS - old.size();
            if (count <= 0) {
                return;
            }
        }
        SeededRandom random = new SeededRandom(SeededRandom.derive(seed.get(), "brush-" + brushStrokes++));
        double[] xy = Arrays.copyOf(old.xy(), 2 * (old.size() + count));
        double[] pair = new double[2];
        for (int i = old.size(); i < old.size() + count; i++) {
            random.nextGaussianPair(pair, 0);
            xy[2 * i] = x + radius * 0.5 * pair[0];
            xy[2 * i + 1] = y + radius * 0.5 * pair[1];
        }
        int[] labels = null;
        if (old.hasLabels() || label > 0) {
            // an unlabelled set's points are class 0 (PointSet.label), as they are drawn
            labels = old.hasLabels() ? Arrays.copyOf(old.labels(), old.size() + count) : new int[old.size() + count];
            Arrays.fill(labels, old.size(), labels.length, Math.max(0, label));
        }
        lastEdit = Edit.BRUSH;
        set(PointSet.of(xy, labels), Optional.empty(), editedName());
    }

    /**
     * What brushing class {@code label} does to the classes of the data now, in a sentence for the
     * brush's caption, or "" when the data keeps its classes as they are.
     */
    public String classesOnBrushing(int label) {
        PointSet points = data.get().points();
        if (points.hasLabels() || label <= 0 || points.size() == 0) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, "These %,d points have no classes: drawing class %d makes "
                + "them class 0.", points.size(), label);
    }

    /** Removes every point within {@code radius} of (x, y); returns how many went. */
    public int erase(double x, double y, double radius) {
        PointSet old = data.get().points();
        double r2 = radius * radius;
        double[] xy = new double[old.size() * 2];
        int[] labels = old.hasLabels() ? new int[old.size()] : null;
        int kept = 0;
        for (int i = 0; i < old.size(); i++) {
            double dx = old.x(i) - x;
            double dy = old.y(i) - y;
            if (dx * dx + dy * dy > r2) {
                xy[2 * kept] = old.x(i);
                xy[2 * kept + 1] = old.y(i);
                if (labels != null) {
                    labels[kept] = old.label(i);
                }
                kept++;
            }
        }
        int removed = old.size() - kept;
        if (removed > 0) {
            lastEdit = Edit.ERASE;
            set(PointSet.of(Arrays.copyOf(xy, 2 * kept), labels == null ? null : Arrays.copyOf(labels, kept)),
                    Optional.empty(), editedName());
        }
        return removed;
    }

    /**
     * Makes a session's data the data: its points exactly (drawn or edited ones too), with the
     * preset, point count and seed the data box shows.
     */
    public void restore(org.scorefield.core.session.Session.Data saved) {
        restoring = true;
        try {
            saved.preset().ifPresent(preset::set);
            pointCount.set(Math.max(MIN_POINTS, Math.min(MAX_POINTS, saved.count())));
            seed.set(saved.seed());
        } finally {
            restoring = false;
        }
        // as many points as the window holds, like an imported file
        PointSet points = saved.points().size() > MAX_POINTS ? firstPoints(saved.points(), MAX_POINTS) : saved.points();
        lastEdit = Edit.SESSION;
        set(points, saved.preset(), saved.preset().map(DatasetPreset::displayName).orElse(saved.name()));
    }

    /** Removes every point, to draw from scratch. */
    public void clear() {
        lastEdit = Edit.CLEAR;
        set(PointSet.of(new double[0]), Optional.empty(), "drawn points");
    }

    /**
     * Makes points read from a file (x,y[,label], see {@link PointCsv}) the data, as many as the
     * window holds.
     *
     * @param name the file's name, shown as the data's
     */
    public void importPoints(PointSet points, String name) {
        lastEdit = Edit.IMPORT;
        set(points.size() > MAX_POINTS ? firstPoints(points, MAX_POINTS) : points, Optional.empty(), name);
    }

    private static PointSet firstPoints(PointSet points, int n) {
        return PointSet.of(Arrays.copyOf(points.xy(), 2 * n),
                points.hasLabels() ? Arrays.copyOf(points.labels(), n) : null);
    }

    private String editedName() {
        Data d = data.get();
        if (d.points().size() == 0 || d.name().equals("drawn points")) {
            return "drawn points";
        }
        return d.name().endsWith(", edited") ? d.name() : d.name() + ", edited";
    }

    private void set(PointSet points, Optional<DatasetPreset> from, String name) {
        boolean fixed = from.isPresent() && trainSize.get() != Settings.WHOLE_PRESET;
        String named = fixed ? PresetDraw.id(from.get(), points.size(), seed.get()) : name;
        data.set(new Data(points, from, named, FlowSource.gaussian().forwardNoising(points, seed.get()), fixed));
    }
}
