package org.scorefield.core.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.EmpiricalDenoiser;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.metric.MetricWithFloor;
import org.scorefield.core.metric.ModeCoverage;
import org.scorefield.core.metric.NoiseFloor;
import org.scorefield.core.metric.PointSampler;
import org.scorefield.core.metric.SlicedWasserstein;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/**
 * The PF-ODE and the reverse SDE, started from the same prior noise, are different maps with the
 * same marginals: both end at the data distribution, within the noise floor of the metric.
 */
class SamplingQualityTest {

    private static final int N = 2000;

    private static MetricWithFloor sw2(double[] samples, DatasetPreset data, long seed) {
        PointSampler fresh = (n, s) -> data.sample(n, s).xy();
        return NoiseFloor.measure(SlicedWasserstein::distance, samples, fresh, seed);
    }

    @Test
    void odeAndSdeFromTheSameNoiseBothReachTheMixture() {
        DatasetPreset data = DatasetPreset.EIGHT_GAUSSIANS;
        for (ScheduleKind k : new ScheduleKind[] {ScheduleKind.VP, ScheduleKind.LINEAR}) {
            Schedule s = k.createDefault();
            Denoiser d = new GaussianMixtureDenoiser(data.mixture().orElseThrow(), s);
            SampleResult ode = Sampling.fromPrior(d, SamplerSettings.defaults(SamplerKind.HEUN), N, 11,
                    Recording.POSITIONS);
            SampleResult sde = Sampling.fromPrior(d, SamplerSettings.defaults(SamplerKind.SDE).withSteps(200), N, 11,
                    Recording.POSITIONS);
            double[] odeStart = ode.trajectories().positions()[0];
            double[] sdeStart = sde.trajectories().positions()[0];
            if (Sampling.startTime(s, SamplerSettings.defaults(SamplerKind.SDE)) == 1.0) {
                assertEquals(0, ClosedForm.meanDistance(odeStart, sdeStart), 0.0, "same initial noise");
            }
            for (SampleResult r : new SampleResult[] {ode, sde}) {
                MetricWithFloor m = sw2(r.samples(), data, 3);
                assertTrue(m.ratio() < 1.5, k.id() + ": SW2 " + m.value() + " against a floor of " + m.floor());
                ModeCoverage.Result c = ModeCoverage.of(r.samples(), data.mixture().orElseThrow());
                assertEquals(8, c.modesHit(), k.id());
                assertTrue(c.inModeFraction() > 0.97, k.id() + " in-mode fraction " + c.inModeFraction());
            }
            // the two maps differ particle by particle: the SDE forgets where each particle started
            assertTrue(ClosedForm.meanDistance(ode.samples(), sde.samples()) > 0.3);
        }
    }

    /**
     * The memorising oracle's exact target is the empirical measure of its points: its samples are
     * (up to the final σ) draws from that set, as close to it as two independent draws of it are.
     */
    @Test
    void theMemorisingOracleReproducesItsDataSet() {
        Schedule vp = ScheduleKind.VP.createDefault();
        PointSet points = DatasetPreset.MOONS.sample(1000, 0);
        EmpiricalDistribution memorised = new EmpiricalDistribution("moons-1000", points);
        Denoiser d = new EmpiricalDenoiser(points, vp);
        double[] ode = Sampling.fromPrior(d, SamplerSettings.defaults(SamplerKind.HEUN), 1000, 5,
                Recording.NONE).samples();
        double[] sde = Sampling.fromPrior(d, SamplerSettings.defaults(SamplerKind.SDE).withSteps(400), 1000, 5,
                Recording.NONE).samples();
        PointSampler bootstrap = (n, s) -> memorised.sample(n, s).xy();
        for (double[] samples : new double[][] {ode, sde}) {
            MetricWithFloor m = NoiseFloor.measure(SlicedWasserstein::distance, samples, bootstrap, 7);
            assertTrue(m.ratio() < 1.5, "SW2 " + m.value() + " against a floor of " + m.floor());
        }
    }
}
