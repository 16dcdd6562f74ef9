package org.scorefield.core.likelihood;

import java.util.ArrayList;
import java.util.List;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.field.ExactDensity;
import org.scorefield.core.sample.Trajectories;

/**
 * The exact log-density along sampling paths (docs/math.md §7.6): for each recorded point x_k of a
 * path, {@code log p_{t_k}(x_k)}, the density of the data at that noise level, from an oracle that
 * knows it in closed form (docs/math.md §4: a Gaussian mixture, memorised points, or a flow from
 * another source). It tests the claim of the geometry notes (Chen et al. 2023, "A geometric
 * perspective on diffusion models"): each Euler step of the PF-ODE is a convex combination of the
 * current point and one annealed mean-shift step, so the step should not lower the density of the
 * noise level it starts from. {@link Curve#rises()} counts the steps where
 * {@code log p_{t_k}(x_{k+1}) > log p_{t_k}(x_k)}, that density before and after the step.
 *
 * <p>For memorised points, σ = 0 makes the density a sum of Dirac masses: there, as in
 * {@link org.scorefield.core.field.ExactDensity}, it is evaluated at {@code max(t, t_min)}.
 */
public final class PathDensity {

    private PathDensity() {
    }

    /**
     * One path's exact log-density.
     *
     * @param particle   which particle of the run
     * @param times      the recorded times, from the start of the grid (t = 1) down
     * @param logDensity log p_t(x_t) at each recorded time
     * @param rises      steps after which the density of the step's starting time is higher
     * @param steps      steps compared (one fewer than the recorded times)
     */
    public record Curve(int particle, double[] times, double[] logDensity, int rises, int steps) {
    }

    /**
     * The exact log-density along the chosen particles' paths.
     *
     * @param oracle    the exact oracle of the data (see {@link ExactDensity#supports})
     * @param paths     a sampling run's recorded paths
     * @param particles which particles, each in [0, paths.particles())
     */
    public static List<Curve> along(Denoiser oracle, Trajectories paths, int[] particles) {
        int rows = paths.length();
        int m = particles.length;
        double[][] at = new double[rows][2 * m];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < m; j++) {
                at[r][2 * j] = paths.positions()[r][2 * particles[j]];
                at[r][2 * j + 1] = paths.positions()[r][2 * particles[j] + 1];
            }
        }
        double[][] log = new double[rows][];
        double[][] after = new double[rows][]; // log p_{t_r}(x_{r+1})
        for (int r = 0; r < rows; r++) {
            log[r] = ExactDensity.logDensity(oracle, at[r], paths.times()[r]);
            if (r + 1 < rows) {
                after[r] = ExactDensity.logDensity(oracle, at[r + 1], paths.times()[r]);
            }
        }
        List<Curve> out = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            double[] curve = new double[rows];
            int rises = 0;
            for (int r = 0; r < rows; r++) {
                curve[r] = log[r][j];
                if (r + 1 < rows && after[r][j] > log[r][j]) {
                    rises++;
                }
            }
            out.add(new Curve(particles[j], paths.times().clone(), curve, rises, rows - 1));
        }
        return List.copyOf(out);
    }

    /**
     * The exact log-density of the data at t = 0 along the chosen particles' denoising trajectories
     * (docs/math.md §6.2): {@code log p_0(x̂0_k)} at each recorded row, where x̂0_k is the guess made at
     * time t_k. For memorised points p_0 is a sum of Dirac masses and is read at t_min, as
     * {@link ExactDensity#logDensity} does. The curve's times are the times the guesses were made at;
     * its rises and steps are 0 (no step of the sampler is compared).
     */
    public static List<Curve> alongDenoised(Denoiser oracle, Trajectories paths, int[] particles) {
        int rows = paths.length();
        int m = particles.length;
        double[][] log = new double[rows][];
        for (int r = 0; r < rows; r++) {
            double[] at = new double[2 * m];
            for (int j = 0; j < m; j++) {
                at[2 * j] = paths.denoised()[r][2 * particles[j]];
                at[2 * j + 1] = paths.denoised()[r][2 * particles[j] + 1];
            }
            log[r] = ExactDensity.logDensity(oracle, at, 0);
        }
        List<Curve> out = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            double[] curve = new double[rows];
            for (int r = 0; r < rows; r++) {
                curve[r] = log[r][j];
            }
            out.add(new Curve(particles[j], paths.times().clone(), curve, 0, 0));
        }
        return List.copyOf(out);
    }
}
