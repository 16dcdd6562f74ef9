package org.scorefield.core.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * A few times worth stopping at, the same ideas whatever the schedule: the data, noise at a tenth and
 * at half of the data's own scale, equal parts signal and noise, and the end. Dividing x_t = α·x₀ +
 * σ·ε by α gives x₀ + (σ/α)·ε: σ/α is the noise measured in the data's units, so σ/α = 0.1 blurs
 * only the fine structure of unit-scale data and σ/α = 0.5 blurs its shapes; σ/α = e^(−λ) with
 * λ = log(α/σ), so each time is the schedule's {@link Schedule#tOfLambda} (docs/math.md §2.12).
 * A flow whose x₁ is not Gaussian noise (another data set) has no σ/α to speak of: its bookmarks are
 * quarters of t.
 */
public final class TimeBookmarks {

    /**
     * One bookmark.
     *
     * @param key   its place, 1 to 5, the same under every schedule (a schedule that never reaches a
     *              ratio leaves its place empty rather than moving the later ones up)
     * @param label what the time is, as a menu shows it ("σ/α = 0.5")
     * @param t     the time
     */
    public record Bookmark(int key, String label, double t) {
    }

    /** The noise-to-signal ratios σ/α marked between the ends, and their labels. */
    static final double[] RATIOS = {0.1, 0.5, 1};
    private static final String[] LABELS = {"σ/α = 0.1", "σ/α = 0.5", "σ/α = 1  ·  α = σ"};

    private TimeBookmarks() {
    }

    /**
     * The bookmarks of a schedule, in increasing t.
     *
     * @param gaussian whether x₁ is Gaussian noise (otherwise t = 1 is another data set, the source)
     */
    public static List<Bookmark> of(Schedule schedule, boolean gaussian) {
        List<Bookmark> marks = new ArrayList<>();
        marks.add(new Bookmark(1, "t = 0  ·  data", 0));
        if (gaussian) {
            for (int k = 0; k < RATIOS.length; k++) {
                double ratio = RATIOS[k];
                double t = schedule.tOfLambda(-Math.log(ratio));
                // a schedule whose σ never gets that small (or that large) has no such time
                if (Double.isFinite(t) && t > 0 && t < 1 && Math.abs(schedule.sigma(t) / schedule.alpha(t) - ratio)
                        < 1e-3 * ratio) {
                    marks.add(new Bookmark(k + 2, LABELS[k], t));
                }
            }
            marks.add(new Bookmark(5, "t = 1  ·  noise", 1));
        } else {
            marks.add(new Bookmark(2, "t = 0.25", 0.25));
            marks.add(new Bookmark(3, "t = 0.5  ·  halfway", 0.5));
            marks.add(new Bookmark(4, "t = 0.75", 0.75));
            marks.add(new Bookmark(5, "t = 1  ·  source", 1));
        }
        return List.copyOf(marks);
    }

    /**
     * The bookmark where a field shows what it is for (key 3): σ/α = 0.5, where the score points at
     * the data's shapes, or halfway for a flow from another data set; empty when the schedule has no
     * time strictly inside (0, 1) with σ/α = 0.5 (a VE process whose σ_min is 0.5 or more).
     */
    public static java.util.OptionalDouble fieldTime(Schedule schedule, boolean gaussian) {
        return of(schedule, gaussian).stream().filter(b -> b.key() == 3).mapToDouble(Bookmark::t).findFirst();
    }
}
