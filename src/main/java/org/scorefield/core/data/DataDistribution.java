package org.scorefield.core.data;

import org.scorefield.core.Identified;
import java.util.Optional;

/**
 * A distribution of points in the plane that the lab can draw training and reference sets from:
 * a built-in {@link DatasetPreset} or an {@link EmpiricalDistribution} loaded from a file.
 *
 * <p>{@link #sample} is a pure function of {@code (n, seed)}: the same seed gives the same points
 * bit for bit, different seeds give independent draws. Implementations draw from the stream
 * {@code SeededRandom.derive(seed, "data")}, so a data seed that happens to equal a sampler's seed
 * does not reuse the sampler's noise.
 */
public interface DataDistribution extends Identified {

    /**
     * A stable identifier for the command line, logs and files: a preset's id such as
     * {@code moons}, or the name of the file the points came from.
     */
    @Override
    String id();

    /** What a person reads in a title or a list; the {@link #id()} unless overridden. */
    default String displayName() {
        return id();
    }

    /**
     * n points drawn independently from this distribution, labelled where the distribution has
     * classes.
     *
     * @throws org.scorefield.core.InvalidInputException if n is less than 1
     */
    PointSet sample(int n, long seed);

    /**
     * The analytic mixture when this distribution is exactly a Gaussian mixture (then exact
     * scores, denoisers and densities are available, docs/math.md §4.2); empty otherwise.
     */
    Optional<GaussianMixture> mixture();
}
