package org.scorefield.core.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.EmpiricalDenoiser;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.sample.Recording;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.sample.Sampling;
import org.scorefield.core.sample.Trajectories;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/** The exact log-density along sampling paths (docs/math.md §7.6), against sums written out by hand. */
class PathDensityTest {

    /** log p_t of isotropic mixture components at one point, summed directly: Σ π_k N(x; αμ_k, (α²s_k² + σ²)I). */
    private static double mixtureByHand(GaussianMixture m, double alpha, double sigma, double x, double y) {
        double sum = 0;
        for (int k = 0; k < m.size(); k++) {
            GaussianMixture.Component c = m.component(k);
            double v = alpha * alpha * c.cxx() + sigma * sigma; // isotropic: cxx = cyy, cxy = 0
            double dx = x - alpha * c.meanX();
            double dy = y - alpha * c.meanY();
            sum += c.weight() * Math.exp(-(dx * dx + dy * dy) / (2 * v)) / (2 * Math.PI * v);
        }
        return Math.log(sum);
    }

    /** log of (1/N) Σ N(x; α x_i, σ² I), summed term by term after taking out the nearest point's. */
    private static double pointsByHand(PointSet data, double alpha, double sigma, double x, double y) {
        double nearest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < data.size(); i++) {
            nearest = Math.min(nearest, Math.pow(x - alpha * data.x(i), 2) + Math.pow(y - alpha * data.y(i), 2));
        }
        double sum = 0;
        for (int i = 0; i < data.size(); i++) {
            double d2 = Math.pow(x - alpha * data.x(i), 2) + Math.pow(y - alpha * data.y(i), 2);
            sum += Math.exp(-(d2 - nearest) / (2 * sigma * sigma));
        }
        return -nearest / (2 * sigma * sigma) + Math.log(sum / data.size() / (2 * Math.PI * sigma * sigma));
    }

    @Test
    void theMixtureCurvesAreTheMixtureDensityAtEachRecordedPoint() {
        GaussianMixture mixture = DatasetPreset.EIGHT_GAUSSIANS.mixture().orElseThrow();
        Schedule vp = ScheduleKind.VP.createDefault();
        GaussianMixtureDenoiser oracle = new GaussianMixtureDenoiser(mixture, vp);
        Trajectories paths = Sampling.fromPrior(oracle, SamplerSettings.defaults(SamplerKind.EULER).withSteps(32), 6,
                3, Recording.POSITIONS).trajectories();
        List<PathDensity.Curve> curves = PathDensity.along(oracle, paths, new int[] {1, 4});
        assertEquals(2, curves.size());
        for (PathDensity.Curve c : curves) {
            assertEquals(paths.length(), c.logDensity().length);
            for (int r = 0; r < paths.length(); r++) {
                double t = paths.times()[r];
                double x = paths.positions()[r][2 * c.particle()];
                double y = paths.positions()[r][2 * c.particle() + 1];
                assertEquals(mixtureByHand(mixture, vp.alpha(t), vp.sigma(t), x, y), c.logDensity()[r], 1e-9,
                        "row " + r + " at t = " + t);
            }
        }
        // from the broad prior (log N(x; 0, I) ≈ −2.8 on average) to the sharp data (−1.28 on average),
        // not always monotonically: p_t at the path's own time dips while the ring of modes forms
        for (PathDensity.Curve c : curves) {
            double[] v = c.logDensity();
            assertTrue(v[v.length - 1] > v[0], java.util.Arrays.toString(v));
        }
    }

    @Test
    void memorisedPointsAreTheirKernelSumAtMaxOfTAndTMin() {
        PointSet data = DatasetPreset.MOONS.sample(300, 5);
        Schedule vp = ScheduleKind.VP.createDefault();
        EmpiricalDenoiser oracle = new EmpiricalDenoiser(data, vp);
        double[] at = {0.3, -0.2, 1.5, 0.4, -4, 3};
        for (double t : new double[] {0, 0.05, 0.4, 1}) {
            double[] got = org.scorefield.core.field.ExactDensity.logDensity(oracle, at, t);
            double u = Math.max(t, vp.tMin());
            for (int p = 0; p < 3; p++) {
                assertEquals(pointsByHand(data, vp.alpha(u), vp.sigma(u), at[2 * p], at[2 * p + 1]), got[p],
                        1e-9 * Math.max(1, Math.abs(got[p])), "t = " + t + ", point " + p);
            }
        }
    }

    /**
     * The geometry notes' claim, where it is a theorem: under VE (α = 1) an Euler step of the memorising
     * oracle is x' = (1 − λ)x + λ·D(x) with λ = −hσ'/σ, and D(x) is one Gaussian mean-shift step of
     * p_t. Jensen's inequality gives log p_t(x') ≥ log p_t(x) + λ(2 − λ)‖x − D‖²/2σ² for λ in [0, 2],
     * so every step must raise the density of the time it starts from.
     */
    @Test
    void everyEulerStepOfTheMemorisingOracleUnderVeRaisesTheDensityItStartsFrom() {
        PointSet data = DatasetPreset.MOONS.sample(200, 11);
        EmpiricalDenoiser oracle = new EmpiricalDenoiser(data, ScheduleKind.VE.createDefault());
        Trajectories paths = Sampling.fromPrior(oracle, SamplerSettings.defaults(SamplerKind.EULER).withSteps(64), 8,
                2, Recording.POSITIONS).trajectories();
        List<PathDensity.Curve> curves = PathDensity.along(oracle, paths, new int[] {0, 1, 2, 3, 4, 5, 6, 7});
        for (PathDensity.Curve c : curves) {
            assertEquals(paths.length() - 1, c.steps());
            assertEquals(c.steps(), c.rises(), "path " + c.particle());
        }
    }

    /** The count of rises compares the density of the step's starting time before and after the step. */
    @Test
    void risesCountTheStepsThatRaiseTheDensityOfTheirStartingTime() {
        GaussianMixture mixture = DatasetPreset.EIGHT_GAUSSIANS.mixture().orElseThrow();
        Schedule vp = ScheduleKind.VP.createDefault();
        GaussianMixtureDenoiser oracle = new GaussianMixtureDenoiser(mixture, vp);
        // a made-up path of three points: towards mode (1.35, 0), then away from it
        double[] times = {1, 0.5, 0.1};
        double[][] positions = {{3, 0}, {1.35, 0}, {4, 4}};
        Trajectories path = new Trajectories(times, positions, null);
        PathDensity.Curve c = PathDensity.along(oracle, path, new int[] {0}).get(0);
        int expected = 0;
        for (int r = 0; r < 2; r++) {
            double t = times[r];
            double before = mixtureByHand(mixture, vp.alpha(t), vp.sigma(t), positions[r][0], positions[r][1]);
            double after = mixtureByHand(mixture, vp.alpha(t), vp.sigma(t), positions[r + 1][0], positions[r + 1][1]);
            expected += after > before ? 1 : 0;
        }
        assertEquals(2, c.steps());
        assertEquals(expected, c.rises());
        assertEquals(1, expected, "the made-up path rises once, then falls");
    }
}
