package org.scorefield.app.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossBufferTest {

    private record Drained(long first, double[] losses) {
    }

    @Test
    void drainsConsecutiveRunsAsOneArrayFromTheFirstStep() {
        LossBuffer buffer = new LossBuffer();
        List<Drained> out = new ArrayList<>();
        buffer.append(26, new double[] {1, 2});
        buffer.append(28, new double[0]);
        buffer.append(28, new double[] {3});
        buffer.drain((first, losses) -> out.add(new Drained(first, losses)));
        assertEquals(1, out.size());
        assertEquals(26, out.get(0).first());
        assertArrayEquals(new double[] {1, 2, 3}, out.get(0).losses());
        assertTrue(buffer.isEmpty());
        buffer.drain((first, losses) -> out.add(new Drained(first, losses)));
        assertEquals(1, out.size(), "an empty buffer passes nothing on");
    }

    @Test
    void growsPastItsFirstCapacityAndStartsOverAfterClear() {
        LossBuffer buffer = new LossBuffer();
        double[] expected = new double[500];
        for (int k = 0; k < 50; k++) {
            double[] run = new double[10];
            for (int i = 0; i < 10; i++) {
                run[i] = 10 * k + i;
                expected[10 * k + i] = run[i];
            }
            buffer.append(1 + 10L * k, run);
        }
        List<Drained> out = new ArrayList<>();
        buffer.drain((first, losses) -> out.add(new Drained(first, losses)));
        assertEquals(1, out.get(0).first());
        assertArrayEquals(expected, out.get(0).losses());

        buffer.append(7, new double[] {0.5});
        buffer.clear();
        assertTrue(buffer.isEmpty());
        buffer.append(9, new double[] {0.25});
        buffer.drain((first, losses) -> out.add(new Drained(first, losses)));
        assertEquals(9, out.get(1).first());
        assertArrayEquals(new double[] {0.25}, out.get(1).losses());
    }
}
