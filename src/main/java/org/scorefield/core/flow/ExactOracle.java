package org.scorefield.core.flow;

import java.util.Optional;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.EmpiricalDenoiser;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;

/**
 * The one rule that chooses the exact oracle of some data along a path (docs/math.md §4): from a
 * source other than N(0, I), the {@link FlowOracle} of the linear path; otherwise the closed form
 * of a Gaussian mixture, for data that is an unedited mixture preset; otherwise the ideal,
 * memorising denoiser of the points. The window, its exports and the command line all use it.
 */
public final class ExactOracle {

    private ExactOracle() {
    }

    /**
     * @param mixture the data's analytic mixture, when the data is one (an unedited mixture preset)
     * @param points  the data's points (the memorised ones, or a sample of the mixture)
     * @param path    the path: its schedule, and what x1 is
     */
    public static Denoiser of(Optional<GaussianMixture> mixture, PointSet points, ExactPath path) {
        if (path.isFlow()) {
            return FlowOracle.of(mixture, points, path.source());
        }
        return mixture.<Denoiser>map(m -> new GaussianMixtureDenoiser(m, path.schedule()))
                .orElseGet(() -> new EmpiricalDenoiser(points, path.schedule()));
    }

    /** How the oracle is named for the user: "exact oracle (mixture)", "(memorised points)", and its source. */
    public static String describe(boolean mixture, FlowSource source) {
        return (mixture ? "exact oracle (mixture)" : "exact oracle (memorised points)")
                + (source.isGaussian() ? "" : " from " + source.displayName());
    }
}
