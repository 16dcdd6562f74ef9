package org.scorefield.core.flow;

import java.util.Optional;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.random.SeededRandom;

/**
 * Where a flow starts: the distribution at t = 1 that flow matching transports to the data at
 * t = 0 (docs/math.md §8.3). Either the standard normal N(0, I), the prior of every diffusion process
 * here, or any point distribution (a preset, a file, drawn points), so that one distribution can
 * be carried to another, {@code 8gaussians → moons} for example.
 *
 * @param distribution the source's points; empty for N(0, I)
 */
public record FlowSource(Optional<DataDistribution> distribution) {

    /** The id of N(0, I) on the command line and in files. */
    public static final String GAUSSIAN_ID = "gaussian";

    private static final FlowSource GAUSSIAN = new FlowSource(Optional.empty());

    public FlowSource {
        InvalidInputException.require(distribution != null, "A flow source needs a distribution or none (N(0, I)).");
    }

    /** N(0, I). */
    public static FlowSource gaussian() {
        return GAUSSIAN;
    }

    public static FlowSource of(DataDistribution d) {
        return new FlowSource(Optional.of(d));
    }

    public boolean isGaussian() {
        return distribution.isEmpty();
    }

    /** How a preset is named where its id could be taken for N(0, I): {@code preset:gaussian}. */
    public static final String PRESET_PREFIX = "preset:";

    /**
     * {@code gaussian} for N(0, I), or the distribution's id; the single-Gaussian preset, whose id
     * is also {@code gaussian}, is {@code preset:gaussian}, so that the two read back apart.
     */
    public String id() {
        return distribution.map(d -> d.id().equals(GAUSSIAN_ID) && d instanceof DatasetPreset ? PRESET_PREFIX + d.id()
                : d.id()).orElse(GAUSSIAN_ID);
    }

    /**
     * The source an {@link #id()} names when it is N(0, I) or a preset: {@code gaussian},
     * {@code preset:ID} or a preset's id.
     *
     * @throws InvalidInputException naming the known ids
     */
    public static FlowSource fromPresetId(String id) {
        if (id.equals(GAUSSIAN_ID)) {
            return gaussian();
        }
        return of(DatasetPreset.fromId(id.startsWith(PRESET_PREFIX) ? id.substring(PRESET_PREFIX.length()) : id));
    }

    /** What a title shows: "N(0, I)" or the distribution's name. */
    public String displayName() {
        return distribution.map(DataDistribution::displayName).orElse("N(0, I)");
    }

    /**
     * The data layer's fixed ends for these points: from N(0, I) one ε per point from
     * {@code derive(dataSeed, "forward-noise")} (the data's own forward noise); from another source one
     * source point per data point from {@code derive(dataSeed, "forward-source")}, so that under the
     * linear path each point moves along {@code (1−t)·x0 + t·x1} (docs/math.md §8.1).
     */
    public org.scorefield.core.schedule.ForwardNoising forwardNoising(org.scorefield.core.data.PointSet points,
            long dataSeed) {
        if (isGaussian() || points.size() == 0) {
            return new org.scorefield.core.schedule.ForwardNoising(points, SeededRandom.derive(dataSeed, "forward-noise"));
        }
        return org.scorefield.core.schedule.ForwardNoising.toEnds(points,
                sample(points.size(), SeededRandom.derive(dataSeed, "forward-source")));
    }

    /**
     * n source points from the seed. N(0, I) draws from {@code derive(seed, "prior")}, the stream of
     * {@link org.scorefield.core.sample.Sampling#prior}, so with one seed a flow from N(0, I) and a
     * diffusion sampler start from the same points; another distribution draws from its own stream.
     */
    public double[] sample(int n, long seed) {
        InvalidInputException.require(n >= 1, "The number of source points must be at least 1, got " + n + ".");
        return distribution.map(d -> d.sample(n, SeededRandom.derive(seed, "source")).xy())
                .orElseGet(() -> new SeededRandom(SeededRandom.derive(seed, "prior")).gaussianPoints(n));
    }
}
