package org.scorefield.core.sample;

import java.util.Optional;
import org.scorefield.core.Identified;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.random.SeededRandom;

/**
 * Where the particles of the Langevin lesson start (docs/math.md §5.13), drawn from a seed so that all
 * three dynamics start from the same points. The start decides what plain Langevin at a small σ ends
 * with, since it barely moves mass between modes: uniform starts hand each mode the share of the square
 * its basin covers, one mode keeps everything in that mode.
 */
public enum LangevinStart implements Identified {
    /** Uniform in the square {@code [−HALF, HALF]²} that the canvas shows. */
    UNIFORM("uniform", "uniform in [\u22123, 3]\u00b2", "uniform"),
    /** The standard normal. */
    GAUSSIAN("gaussian", "N(0, I)", "N(0, I)"),
    /**
     * The lightest mode of a mixture (the first among equals), drawn from that component; for other data a
     * small Gaussian of standard deviation {@value #BLOB} around the first data point.
     */
    ONE_MODE("one-mode", "in one mode", "one mode");

    /** Half the side of the uniform start's square. */
    public static final double HALF = 3;
    /** The standard deviation of the one-mode start around a data point, for data that is not a mixture. */
    public static final double BLOB = 0.15;

    private final String id;
    private final String label;
    private final String shortLabel;

    LangevinStart(String id, String label, String shortLabel) {
        this.id = id;
        this.label = label;
        this.shortLabel = shortLabel;
    }

    /** "uniform": the name a narrow box shows. */
    public String shortLabel() {
        return shortLabel;
    }

    @Override
    public String id() {
        return id;
    }

    /** "uniform in [−3, 3]²". */
    @Override
    public String toString() {
        return label;
    }

    /**
     * n start points (interleaved) from {@code derive(seed, "langevin-start")}.
     *
     * @param mixture the data's mixture, when it is one
     * @param data    the data's points (the one-mode start of data that is not a mixture)
     */
    public double[] draw(int n, long seed, Optional<GaussianMixture> mixture, PointSet data) {
        SeededRandom rng = new SeededRandom(SeededRandom.derive(seed, "langevin-start"));
        double[] out = new double[2 * n];
        switch (this) {
            case UNIFORM -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = rng.nextUniform(-HALF, HALF);
                }
            }
            case GAUSSIAN -> rng.fillGaussian(out);
            case ONE_MODE -> {
                if (mixture.isPresent()) {
                    GaussianMixture.Component c = lightest(mixture.get());
                    GaussianMixture one = new GaussianMixture(java.util.List.of(c));
                    return one.sample(n, rng).xy();
                }
                double cx = data.size() > 0 ? data.xy()[0] : 0;
                double cy = data.size() > 0 ? data.xy()[1] : 0;
                rng.fillGaussian(out);
                for (int i = 0; i < n; i++) {
                    out[2 * i] = cx + BLOB * out[2 * i];
                    out[2 * i + 1] = cy + BLOB * out[2 * i + 1];
                }
            }
        }
        return out;
    }

    /** The component of least weight, the first among equals. */
    public static GaussianMixture.Component lightest(GaussianMixture mixture) {
        GaussianMixture.Component best = mixture.component(0);
        for (GaussianMixture.Component c : mixture.components()) {
            if (c.weight() < best.weight() - 1e-12) {
                best = c;
            }
        }
        return best;
    }

    /** The start with this id. */
    public static LangevinStart fromId(String id) {
        return Identified.byId(LangevinStart.class, id, "start");
    }
}
