package org.scorefield.core.data;

import java.util.List;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.random.SeededRandom;

/**
 * A Gaussian mixture {@code Σ π_k N(μ_k, Σ_k)} in the plane: the analytic distribution behind the
 * mixture presets, exact enough to give the score and density of every p_t (docs/math.md §4.2).
 *
 * @param components the components; their weights are normalised to sum to 1
 */
public record GaussianMixture(List<Component> components) {

    /**
     * One component: weight π, mean μ, covariance {@code [[cxx, cxy], [cxy, cyy]]} (symmetric
     * positive definite) and the class label its samples carry.
     */
    public record Component(double weight, double meanX, double meanY, double cxx, double cxy, double cyy,
            int label) {

        public Component {
            InvalidInputException.require(weight > 0 && Double.isFinite(weight),
                    "A mixture weight must be positive, got " + weight + ".");
            InvalidInputException.require(Double.isFinite(meanX) && Double.isFinite(meanY),
                    "A mixture mean must be finite.");
            InvalidInputException.require(cxx > 0 && cyy > 0 && cxx * cyy - cxy * cxy > 0,
                    "A mixture covariance must be positive definite, got [[" + cxx + ", " + cxy + "], [" + cxy
                            + ", " + cyy + "]].");
            InvalidInputException.require(label >= 0, "A label must be non-negative, got " + label + ".");
        }

        /** An isotropic component N(μ, s²I). */
        public static Component isotropic(double weight, double meanX, double meanY, double std, int label) {
            return new Component(weight, meanX, meanY, std * std, 0, std * std, label);
        }

        /** Squared Mahalanobis distance of (x, y) from the mean. */
        public double mahalanobis2(double x, double y) {
            double dx = x - meanX;
            double dy = y - meanY;
            double det = cxx * cyy - cxy * cxy;
            return (cyy * dx * dx - 2 * cxy * dx * dy + cxx * dy * dy) / det;
        }
    }

    public GaussianMixture {
        InvalidInputException.require(components != null && !components.isEmpty(),
                "A mixture needs at least one component.");
        double total = 0;
        for (Component c : components) {
            total += c.weight();
        }
        final double sum = total;
        components = components.stream()
                .map(c -> new Component(c.weight() / sum, c.meanX(), c.meanY(), c.cxx(), c.cxy(), c.cyy(), c.label()))
                .toList();
    }

    public int size() {
        return components.size();
    }

    public Component component(int k) {
        return components.get(k);
    }

    /** Number of distinct labels (largest label + 1). */
    public int labelCount() {
        return components.stream().mapToInt(Component::label).max().orElse(0) + 1;
    }

    /** Draws n labelled points: a component by weight, then its Gaussian through the Cholesky factor. */
    public PointSet sample(int n, SeededRandom rng) {
        double[] xy = new double[2 * n];
        int[] labels = new int[n];
        double[] z = new double[2];
        for (int i = 0; i < n; i++) {
            Component c = pick(rng.nextUniform());
            rng.nextGaussianPair(z, 0);
            double l11 = Math.sqrt(c.cxx());
            double l21 = c.cxy() / l11;
            double l22 = Math.sqrt(c.cyy() - l21 * l21);
            xy[2 * i] = c.meanX() + l11 * z[0];
            xy[2 * i + 1] = c.meanY() + l21 * z[0] + l22 * z[1];
            labels[i] = c.label();
        }
        return PointSet.wrap(xy, labels);
    }

    private Component pick(double u) {
        double acc = 0;
        for (Component c : components) {
            acc += c.weight();
            if (u < acc) {
                return c;
            }
        }
        return components.get(components.size() - 1);
    }
}
