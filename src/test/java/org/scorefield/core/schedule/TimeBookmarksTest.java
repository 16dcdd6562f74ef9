package org.scorefield.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scrubber's bookmarks against the schedules' closed forms. */
class TimeBookmarksTest {

    private static double[] times(List<TimeBookmarks.Bookmark> marks) {
        return marks.stream().mapToDouble(TimeBookmarks.Bookmark::t).toArray();
    }

    /** The positive root of 9.95 t² + 0.1 t = B: VP linear's B(t) with β 0.1 → 20. */
    private static double vpTime(double b) {
        return (-0.1 + Math.sqrt(0.01 + 4 * 9.95 * b)) / (2 * 9.95);
    }

    @Test
    void vpLinearMarksWhereSigmaOverAlphaIsATenthAHalfAndOne() {
        Schedule vp = ScheduleKind.VP.createDefault();
        var marks = TimeBookmarks.of(vp, true);
        assertEquals(List.of("t = 0  ·  data", "σ/α = 0.1", "σ/α = 0.5", "σ/α = 1  ·  α = σ", "t = 1  ·  noise"),
                marks.stream().map(TimeBookmarks.Bookmark::label).toList());
        // σ²/α² = e^B − 1, so σ/α = r at B = ln(1 + r²)
        double[] t = times(marks);
        assertEquals(0, t[0]);
        assertEquals(vpTime(Math.log(1.01)), t[1], 1e-6);
        assertEquals(vpTime(Math.log(1.25)), t[2], 1e-6);
        assertEquals(vpTime(Math.log(2)), t[3], 1e-6);
        assertEquals(0.2590, t[3], 5e-4, "docs/math.md §2.11 and §2.12");
        assertEquals(1, t[4]);
        assertEquals(t[2], TimeBookmarks.fieldTime(vp, true).getAsDouble(), 0);
    }

    @Test
    void theLinearPathMarksAnEleventhAThirdAndAHalf() {
        Schedule linear = ScheduleKind.LINEAR.createDefault();
        double[] t = times(TimeBookmarks.of(linear, true));
        // σ/α = t/(1 − t) = r at t = r/(1 + r)
        assertEquals(1.0 / 11, t[1], 1e-9);
        assertEquals(1.0 / 3, t[2], 1e-9);
        assertEquals(0.5, t[3], 1e-9);
    }

    @Test
    void aFlowFromAnotherDataSetMarksQuartersOfT() {
        Schedule linear = ScheduleKind.LINEAR.createDefault();
        var marks = TimeBookmarks.of(linear, false);
        assertEquals(List.of(0.0, 0.25, 0.5, 0.75, 1.0), marks.stream().map(TimeBookmarks.Bookmark::t).toList());
        assertEquals("t = 1  ·  source", marks.get(4).label());
    }

    @Test
    void everyDefaultScheduleHasAllFiveBookmarksInTheirPlaces() {
        for (ScheduleKind kind : ScheduleKind.values()) {
            var marks = TimeBookmarks.of(kind.createDefault(), true);
            assertEquals(List.of(1, 2, 3, 4, 5), marks.stream().map(TimeBookmarks.Bookmark::key).toList(),
                    kind.toString());
        }
    }

    @Test
    void veEdmAndTrigonometricTimesMatchTheirClosedForms() {
        // VE: σ = σ_min·(σ_max/σ_min)^t with α = 1, so σ/α = r at t = ln(r/σ_min)/ln(σ_max/σ_min) (0.01, 5)
        double[] ve = times(TimeBookmarks.of(ScheduleKind.VE.createDefault(), true));
        assertEquals(Math.log(0.1 / 0.01) / Math.log(500), ve[1], 1e-9);
        assertEquals(0.6295, ve[2], 1e-4);
        assertEquals(0.7410, ve[3], 1e-4);
        // EDM: σ = σ_max·t with α = 1 (σ_max = 10): t = r/10
        double[] edm = times(TimeBookmarks.of(ScheduleKind.EDM.createDefault(), true));
        assertEquals(0.01, edm[1], 1e-9);
        assertEquals(0.05, edm[2], 1e-9);
        assertEquals(0.1, edm[3], 1e-9);
        // trigonometric: σ/α = tan(πt/2), so t = (2/π)·atan(r)
        double[] trig = times(TimeBookmarks.of(ScheduleKind.TRIG.createDefault(), true));
        assertEquals(2 / Math.PI * Math.atan(0.1), trig[1], 1e-9);
        assertEquals(2 / Math.PI * Math.atan(0.5), trig[2], 1e-9);
        assertEquals(0.5, trig[3], 1e-9);
    }

    @Test
    void aRatioTheProcessNeverReachesLeavesItsPlaceEmpty() {
        // VE with σ_min = 0.5: σ/α = 0.5 at t = 0 already and never 0.1; σ/α = 1 at ln 2/ln 10
        Schedule ve = ScheduleKind.VE.create(java.util.Map.of("sigma_min", 0.5, "sigma_max", 5.0));
        var marks = TimeBookmarks.of(ve, true);
        assertEquals(List.of(1, 4, 5), marks.stream().map(TimeBookmarks.Bookmark::key).toList(),
                "keys 4 and 5 keep their places");
        assertEquals(Math.log(2) / Math.log(10), marks.get(1).t(), 1e-9);
        assertTrue(TimeBookmarks.fieldTime(ve, true).isEmpty(), "no σ/α = 0.5 inside the slider: the field stays");
    }
}
