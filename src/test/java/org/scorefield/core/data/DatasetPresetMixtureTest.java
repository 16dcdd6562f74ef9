package org.scorefield.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scorefield.core.data.GaussianMixture.Component;

/** The mixture presets against their analytic mixtures: samples, weights and geometry. */
class DatasetPresetMixtureTest {

    private static final int N = 50_000;
    /** Tolerance in standard errors. */
    private static final double Z = 5;

    private static final List<DatasetPreset> MIXTURES = List.of(
            DatasetPreset.EIGHT_GAUSSIANS, DatasetPreset.GMM_LABELLED, DatasetPreset.GAUSSIAN);

    @Test
    void eachComponentMatchesItsWeightMeanAndCovariance() {
        for (DatasetPreset p : MIXTURES) {
            GaussianMixture m = p.mixture().orElseThrow();
            PointSet s = p.sample(N, 11);
            for (int k = 0; k < m.size(); k++) {
                Component c = m.component(k);
                List<double[]> members = new ArrayList<>();
                for (int i = 0; i < s.size(); i++) {
                    if (s.label(i) == c.label()) {
                        members.add(new double[] {s.x(i), s.y(i)});
                    }
                }
                String what = p.id() + " component " + k;
                double w = c.weight();
                assertEquals(w, members.size() / (double) N, Z * Math.sqrt(w * (1 - w) / N), what + " weight");
                assertMoments(members, new double[] {c.meanX(), c.meanY()},
                        new double[] {c.cxx(), c.cxy(), c.cyy()}, what);
            }
        }
    }

    @Test
    void wholeSampleMatchesTheMixtureMoments() {
        for (DatasetPreset p : MIXTURES) {
            GaussianMixture m = p.mixture().orElseThrow();
            double mx = 0;
            double my = 0;
            for (Component c : m.components()) {
                mx += c.weight() * c.meanX();
                my += c.weight() * c.meanY();
            }
            double xx = 0;
            double xy = 0;
            double yy = 0;
            for (Component c : m.components()) {
                double dx = c.meanX() - mx;
                double dy = c.meanY() - my;
                xx += c.weight() * (c.cxx() + dx * dx);
                xy += c.weight() * (c.cxy() + dx * dy);
                yy += c.weight() * (c.cyy() + dy * dy);
            }
            PointSet s = p.sample(N, 12);
            List<double[]> all = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) {
                all.add(new double[] {s.x(i), s.y(i)});
            }
            assertMoments(all, new double[] {mx, my}, new double[] {xx, xy, yy}, p.id());
        }
    }

    @Test
    void eightGaussiansAreEqualWellSeparatedModesOnACircle() {
        GaussianMixture m = DatasetPreset.EIGHT_GAUSSIANS.mixture().orElseThrow();
        assertEquals(8, m.size());
        double std = DatasetPreset.EIGHT_GAUSSIANS_STD;
        for (int k = 0; k < 8; k++) {
            Component c = m.component(k);
            assertEquals(k, c.label());
            assertEquals(1 / 8.0, c.weight(), 1e-15);
            assertEquals(std * std, c.cxx(), 1e-15);
            assertEquals(std * std, c.cyy(), 1e-15);
            assertEquals(0, c.cxy(), 0);
            assertEquals(DatasetPreset.EIGHT_GAUSSIANS_RADIUS, Math.hypot(c.meanX(), c.meanY()), 1e-12);
            assertEquals(2 * Math.PI * k / 8, Math.atan2(c.meanY(), c.meanX()) + (k > 4 ? 2 * Math.PI : 0), 1e-12);
            for (int j = 0; j < k; j++) {
                Component o = m.component(j);
                double distance = Math.hypot(c.meanX() - o.meanX(), c.meanY() - o.meanY());
                assertTrue(distance > 5 * std, "modes " + j + " and " + k + " are " + distance / std + " std apart");
            }
        }
    }

    @Test
    void labelledMixtureHasUnequalCorrelatedDistinctClusters() {
        GaussianMixture m = DatasetPreset.GMM_LABELLED.mixture().orElseThrow();
        int k = m.size();
        assertTrue(k == 3 || k == 4, "3 or 4 clusters, got " + k);
        Set<Double> weights = new HashSet<>();
        for (int i = 0; i < k; i++) {
            Component c = m.component(i);
            assertEquals(i, c.label());
            weights.add(c.weight());
            assertTrue(Math.abs(c.cxy()) > 0.1 * Math.sqrt(c.cxx() * c.cyy()), "correlated: component " + i);
            double trace = c.cxx() + c.cyy();
            double det = c.cxx() * c.cyy() - c.cxy() * c.cxy();
            double gap = Math.sqrt(trace * trace / 4 - det);
            double ratio = (trace / 2 + gap) / (trace / 2 - gap);
            assertTrue(ratio > 2, "anisotropic: component " + i + " has eigenvalue ratio " + ratio);
            for (int j = 0; j < i; j++) {
                double d = mahalanobisOfSum(c, m.component(j));
                assertTrue(d > 4, "clusters " + j + " and " + i + " are only " + d + " apart");
            }
        }
        assertEquals(k, weights.size(), "the weights differ");
    }

    @Test
    void singleGaussianIsTheDocumentedOne() {
        GaussianMixture m = DatasetPreset.GAUSSIAN.mixture().orElseThrow();
        assertEquals(1, m.size());
        Component c = m.component(0);
        double s2 = DatasetPreset.GAUSSIAN_STD * DatasetPreset.GAUSSIAN_STD;
        assertEquals(List.of(1.0, DatasetPreset.GAUSSIAN_MEAN_X, DatasetPreset.GAUSSIAN_MEAN_Y, s2, 0.0, s2),
                List.of(c.weight(), c.meanX(), c.meanY(), c.cxx(), c.cxy(), c.cyy()));
        assertTrue(Math.hypot(c.meanX(), c.meanY()) > 0, "the mean is off the origin");
        assertEquals(0.5, DatasetPreset.GAUSSIAN_STD, 0);
    }

    /** Distance between two means in the metric of the summed covariances. */
    private static double mahalanobisOfSum(Component a, Component b) {
        double xx = a.cxx() + b.cxx();
        double xy = a.cxy() + b.cxy();
        double yy = a.cyy() + b.cyy();
        double dx = a.meanX() - b.meanX();
        double dy = a.meanY() - b.meanY();
        return Math.sqrt((yy * dx * dx - 2 * xy * dx * dy + xx * dy * dy) / (xx * yy - xy * xy));
    }

    /**
     * Sample mean and covariance against the expected ones, each within Z standard errors; the
     * standard error of a covariance entry is that of the mean of the centred products.
     */
    private static void assertMoments(List<double[]> points, double[] mean, double[] cov, String what) {
        int n = points.size();
        double[] sampleMean = new double[2];
        for (double[] p : points) {
            sampleMean[0] += p[0] / n;
            sampleMean[1] += p[1] / n;
        }
        double[] sum = new double[3];
        double[] sumSq = new double[3];
        for (double[] p : points) {
            double dx = p[0] - mean[0];
            double dy = p[1] - mean[1];
            double[] products = {dx * dx, dx * dy, dy * dy};
            for (int e = 0; e < 3; e++) {
                sum[e] += products[e];
                sumSq[e] += products[e] * products[e];
            }
        }
        assertEquals(mean[0], sampleMean[0], Z * Math.sqrt(cov[0] / n), what + " mean x");
        assertEquals(mean[1], sampleMean[1], Z * Math.sqrt(cov[2] / n), what + " mean y");
        String[] names = {"cxx", "cxy", "cyy"};
        for (int e = 0; e < 3; e++) {
            double estimate = sum[e] / n;
            double standardError = Math.sqrt((sumSq[e] / n - estimate * estimate) / n);
            assertEquals(cov[e], estimate, Z * standardError, what + " " + names[e]);
        }
    }
}
