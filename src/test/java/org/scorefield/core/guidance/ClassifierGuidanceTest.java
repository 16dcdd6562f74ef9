package org.scorefield.core.guidance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/**
 * Classifier guidance with the exact classifier's gradient {@code ∇log p_t(c | x) = ŝ_c − ŝ} is the
 * exact classifier-free combination {@code ω·ŝ_c + (1 − ω)·ŝ} (docs/math.md §9.2): the wrapper's
 * score and its x̂0 shift σ²/α·ω·∇log p are checked against it.
 */
class ClassifierGuidanceTest {

    private final double[] points = {0.3, -0.2, -1.5, 0.8, 2.4, 0.1, 0, 0, 1.2, -1.4};

    @Test
    void withTheExactClassifierItIsTheExactClassifierFreeField() {
        for (ScheduleKind kind : new ScheduleKind[] {ScheduleKind.VP, ScheduleKind.VE, ScheduleKind.LINEAR}) {
            Schedule schedule = kind.createDefault();
            ExactGuidance exact = new ExactGuidance(DatasetPreset.GMM_LABELLED.mixture().orElseThrow(), schedule);
            for (int c = 0; c < exact.classes(); c++) {
                int cls = c;
                ClassifierGuidance.ClassGradient gradient = (x, t) -> {
                    double[] sc = exact.conditional(cls).score(x, t);
                    double[] s = exact.unconditional().score(x, t);
                    for (int i = 0; i < s.length; i++) {
                        sc[i] -= s[i];
                    }
                    return sc;
                };
                for (double omega : new double[] {0.5, 1, 3}) {
                    Denoiser guided = ClassifierGuidance.guide(exact.unconditional(), gradient, omega);
                    Denoiser cfg = exact.guided(c, omega);
                    for (double t : new double[] {0.05, 0.4, 0.9}) {
                        double[] expected = cfg.denoise(points, t);
                        double[] actual = guided.denoise(points, t);
                        double scale = java.util.Arrays.stream(expected).map(Math::abs).max().orElse(1);
                        assertArrayEquals(expected, actual, 1e-9 * Math.max(1, scale), kind + " c " + c + " ω " + omega
                                + " t " + t);
                        assertArrayEquals(cfg.score(points, t), guided.score(points, t), 1e-7);
                    }
                }
            }
        }
    }

    @Test
    void omegaZeroIsTheUnconditionalDenoiserItself() {
        ExactGuidance exact = new ExactGuidance(DatasetPreset.GMM_LABELLED.mixture().orElseThrow(),
                ScheduleKind.VP.createDefault());
        assertSame(exact.unconditional(), ClassifierGuidance.guide(exact.unconditional(), (x, t) -> x, 0));
    }
}
