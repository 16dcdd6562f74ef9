package org.scorefield.core.data;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scorefield.core.InvalidInputException;

/**
 * A fixed training set of n points drawn once from a preset, {@code preset.sample(n, seed)}, as the
 * empirical distribution of those points: a model of it learns these n points, not the preset
 * (docs/math.md §11.7). Its id, e.g. {@code moons (16 points, seed 7)}, says how to draw it again,
 * so a model file that names it as its data can rebuild the exact training set ({@link #parse}).
 */
public final class PresetDraw {

    /** The most points a fixed draw may hold. */
    public static final int MAX_POINTS = 200_000;

    private static final Pattern ID = Pattern.compile("([a-z0-9-]+) \\((\\d+) points?, seed (\\d+)\\)");

    private PresetDraw() {
    }

    /**
     * The points {@code preset.sample(n, seed)} as a data set of their own.
     *
     * @throws InvalidInputException if n is not between 1 and {@value #MAX_POINTS}, or the seed is negative
     */
    public static EmpiricalDistribution of(DatasetPreset preset, int n, long seed) {
        InvalidInputException.require(n >= 1 && n <= MAX_POINTS, "A fixed draw holds 1 to " + MAX_POINTS
                + " points, got " + n + ".");
        InvalidInputException.require(seed >= 0, "The seed of a fixed draw is a non-negative whole number, got "
                + seed + ".");
        return new EmpiricalDistribution(id(preset, n, seed), preset.sample(n, seed));
    }

    /** {@code moons (16 points, seed 7)}. */
    public static String id(DatasetPreset preset, int n, long seed) {
        return String.format(Locale.ROOT, "%s (%d point%s, seed %d)", preset.id(), n, n == 1 ? "" : "s", seed);
    }

    /** The draw an id of {@link #id} names, drawn again; empty for any other text. */
    public static Optional<EmpiricalDistribution> parse(String id) {
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<DatasetPreset> preset = java.util.Arrays.stream(DatasetPreset.values())
                .filter(p -> p.id().equals(m.group(1))).findFirst();
        if (preset.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(of(preset.get(), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3))));
        } catch (NumberFormatException | InvalidInputException e) {
            return Optional.empty();
        }
    }
}
