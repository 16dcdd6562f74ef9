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

    /**
     * What an id of {@link #id} names, read from its text alone (nothing is drawn).
     *
     * @param preset the preset drawn from
     * @param n      how many points, 1 to {@value #MAX_POINTS}
     * @param seed   the seed of the draw, non-negative
     */
    public record Id(DatasetPreset preset, int n, long seed) {

        /** What the text names, when it is an id of {@link #id}; empty for any other text. */
        public static Optional<Id> read(String id) {
            Matcher m = ID.matcher(id);
            if (!m.matches()) {
                return Optional.empty();
            }
            int n;
            long seed;
            try {
                n = Integer.parseInt(m.group(2));
                seed = Long.parseLong(m.group(3));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (n < 1 || n > MAX_POINTS || seed < 0) {
                return Optional.empty();
            }
            return java.util.Arrays.stream(DatasetPreset.values()).filter(p -> p.id().equals(m.group(1)))
                    .findFirst().map(p -> new Id(p, n, seed));
        }
    }

    /**
     * Whether the text is an id of {@link #id}: a preset's id, 1 to {@value #MAX_POINTS} points and a
     * non-negative seed. Reads the text only; {@link #parse} draws the points (up to {@value #MAX_POINTS}).
     */
    public static boolean isId(String id) {
        return Id.read(id).isPresent();
    }

    /** The draw an id of {@link #id} names, drawn again; empty for any other text. */
    public static Optional<EmpiricalDistribution> parse(String id) {
        return Id.read(id).map(d -> of(d.preset(), d.n(), d.seed()));
    }
}
