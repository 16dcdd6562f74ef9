package org.scorefield.app.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.flow.FlowSource;

/**
 * A source flow matching can start from, as the Source box lists it: N(0, I), a preset, or a copy
 * of points drawn on the canvas.
 *
 * @param label  its name in the box
 * @param source the source
 */
public record SourceOption(String label, FlowSource source) {
    public static final SourceOption GAUSSIAN = new SourceOption("N(0, I)", FlowSource.gaussian());

    /** A copy of these points (without their labels) as the source. */
    public static SourceOption snapshot(PointSet points) {
        String name = String.format(Locale.ROOT, "drawn (%,d points)", points.size());
        return new SourceOption(name, FlowSource.of(new EmpiricalDistribution(name,
                PointSet.of(points.xy()))));
    }

    /** How a session names it: N(0, I)'s or a preset's id, or "points" for drawn points. */
    String id() {
        return source.isGaussian() || source.distribution().get() instanceof DatasetPreset ? source.id()
                : Settings.SOURCE_POINTS;
    }

    /** N(0, I) or the preset of this id (as {@link FlowSource#fromPresetId} reads it); empty for any other id. */
    public static Optional<SourceOption> named(String id) {
        FlowSource wanted;
        try {
            wanted = FlowSource.fromPresetId(id);
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
        return all().stream().filter(o -> o.source().equals(wanted)).findFirst();
    }

    /** N(0, I), then every preset. */
    public static List<SourceOption> all() {
        List<SourceOption> options = new ArrayList<>();
        options.add(GAUSSIAN);
        for (DatasetPreset p : DatasetPreset.values()) {
            options.add(new SourceOption(p.displayName(), FlowSource.of(p)));
        }
        return options;
    }

    @Override
    public String toString() {
        return label;
    }
}
