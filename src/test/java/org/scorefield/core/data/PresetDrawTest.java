package org.scorefield.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A fixed draw's id: telling one from other text without drawing, and drawing it again. */
class PresetDrawTest {

    @Test
    void isIdTellsADrawsIdFromOtherTextAsParseDoes() {
        List<String> ids = List.of("moons (16 points, seed 7)", "moons (1 point, seed 0)",
                "8gaussians (200000 points, seed 3)", PresetDraw.id(DatasetPreset.MOONS, 4096, 1));
        List<String> others = List.of("moons", "moons (16 points)", "moons (16 points, seed 7) ",
                "no-such-preset (16 points, seed 7)", "moons (0 points, seed 7)", "moons (200001 points, seed 7)",
                "moons (99999999999 points, seed 7)", "moons (16 points, seed 99999999999999999999)",
                "empirical:moons (16 points, seed 7)", "");
        for (String id : ids) {
            assertTrue(PresetDraw.isId(id), id);
            assertTrue(PresetDraw.parse(id).isPresent(), id);
        }
        for (String other : others) {
            assertFalse(PresetDraw.isId(other), other);
            assertFalse(PresetDraw.parse(other).isPresent(), other);
        }
    }

    @Test
    void parseDrawsThePointsAgain() {
        EmpiricalDistribution d = PresetDraw.parse("moons (16 points, seed 7)").orElseThrow();
        assertEquals("moons (16 points, seed 7)", d.id());
        assertArrayEquals(DatasetPreset.MOONS.sample(16, 7).xy(), d.points().xy());
    }

    /** isId reads the text only: the largest draw's id is one, and the limits of the text are kept. */
    @Test
    void isIdReadsTheLimitsOfTheText() {
        assertTrue(PresetDraw.isId("8gaussians (200000 points, seed 3)"));
        assertFalse(PresetDraw.isId("8gaussians (200001 points, seed 3)"));
        assertFalse(PresetDraw.isId("8gaussians (0 points, seed 3)"));
        assertFalse(PresetDraw.isId("8gaussians (16 points, seed -1)"));
    }
}
