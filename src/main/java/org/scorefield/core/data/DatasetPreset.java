package org.scorefield.core.data;

import org.scorefield.core.Identified;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.GaussianMixture.Component;
import org.scorefield.core.random.SeededRandom;

/**
 * The built-in 2D data sets: the classic toy distributions of scikit-learn and FFJORD (sources
 * and constants in the package's {@code ToyShapes}) and three Gaussian mixtures whose scores are
 * known exactly (docs/math.md §4.2).
 *
 * <p>Every preset but {@link #GAUSSIAN} is centred and scaled by fixed constants, never by the
 * sample's own statistics: its mean is 0 and the standard deviation of each coordinate lies in
 * [0.6, 1.4], like the prior N(0, I) the processes end in.
 * <pre>
 *   id            labels                          std x, std y (exact)
 *   moons         moon: 0 upper, 1 lower          1.227, 0.703
 *   8gaussians    mode 0..7, counter-clockwise    0.970, 0.970
 *   checkerboard  none                            1, 1
 *   swissroll     none                            0.976, 1.024
 *   rings         ring 0..3, 0 innermost          1, 1
 *   spirals       spiral 0..1                     1.017, 0.983
 *   pinwheel      arm 0..4                        1, 1
 *   gmm-labelled  cluster 0..2                    0.751, 0.923
 *   gaussian      0, its one component            0.5, 0.5 around (0.8, −0.4)
 * </pre>
 * {@code gaussian} is the exception on purpose: an off-centre N(m, s²I) whose PF-ODE has a closed
 * form (docs/math.md §4.4), with a mean visibly away from the prior's so that lessons can follow it.
 */
public enum DatasetPreset implements DataDistribution {

    MOONS("moons", "Two moons",
            "Two interleaving half circles, each point labelled with its moon.",
            ToyShapes::moons),
    EIGHT_GAUSSIANS("8gaussians", "8 Gaussians",
            "Eight equal round blobs on a circle: a mixture whose score is known exactly.",
            eightGaussians()),
    CHECKERBOARD("checkerboard", "Checkerboard",
            "Points spread evenly over the dark squares of a 4×4 checkerboard, with sharp edges.",
            ToyShapes::checkerboard),
    SWISS_ROLL("swissroll", "Swiss roll",
            "A spiral band that winds outwards one and a half times, like a rolled-up sheet seen from the side.",
            ToyShapes::swissRoll),
    RINGS("rings", "Rings",
            "Four concentric thin circles, each point labelled with its ring.",
            ToyShapes::rings),
    SPIRALS("spirals", "Two spirals",
            "Two spirals wound into each other, each point labelled with its spiral.",
            ToyShapes::spirals),
    PINWHEEL("pinwheel", "Pinwheel",
            "Five curved arms turning around the centre, each point labelled with its arm.",
            ToyShapes::pinwheel),
    GMM_LABELLED("gmm-labelled", "Labelled mixture",
            "Three tilted, stretched Gaussian clusters of different sizes, each point labelled with its cluster.",
            labelledMixture()),
    GAUSSIAN("gaussian", "Single Gaussian",
            "One round Gaussian blob away from the centre, where every step of diffusion can be computed exactly.",
            singleGaussian());

    /** Radius of the circle the 8 modes of {@code 8gaussians} sit on. */
    public static final double EIGHT_GAUSSIANS_RADIUS = 1.35;
    /**
     * Standard deviation of each of the 8 modes: neighbouring modes are 2R sin(π/8) = 1.03 apart,
     * 6 standard deviations, and each coordinate's spread is sqrt(R²/2 + s²) = 0.97.
     */
    public static final double EIGHT_GAUSSIANS_STD = 0.17;

    /** Mean m of {@code gaussian}, N(m, s²I): off-centre so that the drift of m_t = α m shows. */
    public static final double GAUSSIAN_MEAN_X = 0.8;
    public static final double GAUSSIAN_MEAN_Y = -0.4;
    /** Standard deviation s of {@code gaussian} in each coordinate. */
    public static final double GAUSSIAN_STD = 0.5;

    private final String id;
    private final String displayName;
    private final String description;
    private final ToyShapes.Shape shape;
    private final GaussianMixture mixture;

    DatasetPreset(String id, String displayName, String description, ToyShapes.Shape shape) {
        this(id, displayName, description, shape, null);
    }

    DatasetPreset(String id, String displayName, String description, GaussianMixture mixture) {
        this(id, displayName, description, null, mixture);
    }

    DatasetPreset(String id, String displayName, String description, ToyShapes.Shape shape,
            GaussianMixture mixture) {
        this.id = id;
        this.displayName = displayName;
        this.description = description;
        this.shape = shape;
        this.mixture = mixture;
    }

    /** The name on the command line and in files, e.g. {@code 8gaussians}. */
    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    /** One sentence for a tooltip. */
    public String description() {
        return description;
    }

    /** Mixture presets draw with {@link GaussianMixture#sample}, exactly from {@link #mixture()}. */
    @Override
    public PointSet sample(int n, long seed) {
        InvalidInputException.require(n >= 1, "The number of points must be at least 1, got " + n + ".");
        SeededRandom rng = new SeededRandom(SeededRandom.derive(seed, "data"));
        return mixture != null ? mixture.sample(n, rng) : shape.sample(n, rng);
    }

    @Override
    public Optional<GaussianMixture> mixture() {
        return Optional.ofNullable(mixture);
    }

    /**
     * The preset with this id.
     *
     * @throws InvalidInputException naming the known ids
     */
    public static DatasetPreset fromId(String id) {
        return Identified.byId(DatasetPreset.class, id, "data set");
    }

    /** 8 equal isotropic modes on a circle (FFJORD's 8gaussians, rescaled); mode k at angle 2πk/8. */
    private static GaussianMixture eightGaussians() {
        List<Component> modes = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            double angle = 2 * Math.PI * k / 8;
            modes.add(Component.isotropic(1, EIGHT_GAUSSIANS_RADIUS * StrictMath.cos(angle),
                    EIGHT_GAUSSIANS_RADIUS * StrictMath.sin(angle), EIGHT_GAUSSIANS_STD, k));
        }
        return new GaussianMixture(modes);
    }

    /**
     * Three clusters with weights 0.5, 0.3, 0.2 and elongated, tilted covariances. The means are
     * chosen so that the weighted mean is exactly 0 (0.5·(−0.6, 0.4) + 0.3·(1, 0.5) + 0.2·(0, −1.75));
     * every pair of means is at least 4.8 apart in the Mahalanobis metric of the summed
     * covariances, so the clusters stay distinct.
     */
    private static GaussianMixture labelledMixture() {
        return new GaussianMixture(List.of(
                tilted(0.5, -0.6, 0.4, 0.40, 0.15, 60, 0),
                tilted(0.3, 1.0, 0.5, 0.30, 0.12, -45, 1),
                tilted(0.2, 0.0, -1.75, 0.45, 0.15, 10, 2)));
    }

    /** N(m, s²I) with m and s the {@code GAUSSIAN_*} constants. */
    private static GaussianMixture singleGaussian() {
        return new GaussianMixture(List.of(
                Component.isotropic(1, GAUSSIAN_MEAN_X, GAUSSIAN_MEAN_Y, GAUSSIAN_STD, 0)));
    }

    /**
     * A component with standard deviations {@code major} along the direction at {@code degrees}
     * and {@code minor} across it: {@code Σ = R diag(major², minor²) Rᵀ}.
     */
    private static Component tilted(double weight, double meanX, double meanY, double major, double minor,
            double degrees, int label) {
        double c = StrictMath.cos(Math.toRadians(degrees));
        double s = StrictMath.sin(Math.toRadians(degrees));
        double a = major * major;
        double b = minor * minor;
        return new Component(weight, meanX, meanY, a * c * c + b * s * s, (a - b) * c * s, a * s * s + b * c * c,
                label);
    }
}
