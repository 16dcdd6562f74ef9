package org.scorefield.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.data.PointCsv;

/** Resolves a {@code --data} or {@code --oracle} argument: a preset name or a CSV file. */
final class DataSpec {

    private DataSpec() {
    }

    /** True if the text names a preset. */
    static boolean isPreset(String spec) {
        return Arrays.stream(DatasetPreset.values()).anyMatch(p -> p.id().equals(spec));
    }

    /** The preset of that name, or the points of that CSV file (resampled with replacement). */
    static DataDistribution parse(String spec) {
        if (isPreset(spec)) {
            return DatasetPreset.fromId(spec);
        }
        Path file = Path.of(spec);
        if (Files.exists(file) || spec.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            return new EmpiricalDistribution(file.getFileName().toString(), PointCsv.read(file));
        }
        throw new InvalidInputException("'" + spec + "' is neither a preset nor a CSV file; presets are "
                + Arrays.stream(DatasetPreset.values()).map(DatasetPreset::id).collect(Collectors.joining(", "))
                + ".");
    }
}
