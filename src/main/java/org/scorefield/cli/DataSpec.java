package org.scorefield.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.data.PointCsv;
import org.scorefield.core.io.InputFiles;
import org.scorefield.core.io.IoReasons;
import org.scorefield.core.io.JsonFields;

/** Resolves a {@code --data} or {@code --oracle} argument: a preset name or a CSV file. */
final class DataSpec {

    private DataSpec() {
    }

    /** True if the text names a preset. */
    static boolean isPreset(String spec) {
        return Arrays.stream(DatasetPreset.values()).anyMatch(p -> p.id().equals(spec));
    }

    /**
     * The preset of that name, or the points of that CSV file (resampled with replacement).
     *
     * @param option the option that gave it, for messages ("--data")
     */
    static DataDistribution parse(String spec, String option) {
        if (isPreset(spec)) {
            return DatasetPreset.fromId(spec);
        }
        Path file = InputFiles.argument(spec, option);
        if (Files.exists(file) || spec.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return points(file);
        }
        throw new InvalidInputException(option + " " + JsonFields.quote(InputFiles.printable(spec))
                + " is neither a preset nor a CSV file; presets are "
                + Arrays.stream(DatasetPreset.values()).map(DatasetPreset::id).collect(Collectors.joining(", "))
                + ".");
    }

    /**
     * The data a model file names in {@code "data"}: a preset, a fixed draw of one ({@link
     * org.scorefield.core.data.PresetDraw}), or a CSV file, its path taken from
     * the model's folder (see {@link InputFiles#named}). The points are named by their absolute
     * path, which a model made from them (a Reflow round) writes again from its own folder.
     */
    static DataDistribution named(Path model, String spec) {
        if (isPreset(spec)) {
            return DatasetPreset.fromId(spec);
        }
        var drawn = org.scorefield.core.data.PresetDraw.parse(spec);
        if (drawn.isPresent()) {
            return drawn.get(); // a fixed draw of a preset (train --data-n, the window's dataset size), drawn again
        }
        Path file = InputFiles.named(model, spec, "data", ".csv");
        return new EmpiricalDistribution(file.toAbsolutePath().normalize().toString(), PointCsv.read(file));
    }

    private static DataDistribution points(Path file) {
        return new EmpiricalDistribution(IoReasons.fileName(file), PointCsv.read(file));
    }
}
