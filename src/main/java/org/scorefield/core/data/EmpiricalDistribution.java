package org.scorefield.core.data;

import java.util.Optional;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.random.SeededRandom;

/**
 * The empirical distribution of a fixed point set, {@code (1/N) Σ δ(x − x⁽ⁱ⁾)}: what a model
 * trained on exactly these points sees (docs/math.md §4.1). Sampling is the bootstrap (Efron 1979):
 * n draws with replacement, each point carrying its label.
 */
public final class EmpiricalDistribution implements DataDistribution {

    private final String name;
    private final PointSet points;

    /**
     * @param name shown to the user, e.g. the file the points came from
     * @throws InvalidInputException if the set has no points
     */
    public EmpiricalDistribution(String name, PointSet points) {
        InvalidInputException.require(points.size() > 0, "The data set '" + org.scorefield.core.io.JsonFields.quote(name) + "' has no points.");
        this.name = name;
        this.points = points;
    }

    @Override
    public String id() {
        return name;
    }

    /** The whole set the samples are drawn from. */
    public PointSet points() {
        return points;
    }

    @Override
    public PointSet sample(int n, long seed) {
        InvalidInputException.require(n >= 1, "The number of points must be at least 1, got " + n + ".");
        SeededRandom rng = new SeededRandom(SeededRandom.derive(seed, "data"));
        int size = points.size();
        double[] xy = new double[2 * n];
        int[] labels = points.hasLabels() ? new int[n] : null;
        for (int i = 0; i < n; i++) {
            int j = rng.nextInt(size);
            xy[2 * i] = points.x(j);
            xy[2 * i + 1] = points.y(j);
            if (labels != null) {
                labels[i] = points.label(j);
            }
        }
        return PointSet.wrap(xy, labels);
    }

    @Override
    public Optional<GaussianMixture> mixture() {
        return Optional.empty();
    }

    /** Equal when the name and every point (and label) are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof EmpiricalDistribution e && e.name.equals(name) && e.points.equals(points);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + points.hashCode();
    }

    @Override
    public String toString() {
        return "EmpiricalDistribution[" + name + ", " + points + "]";
    }
}
