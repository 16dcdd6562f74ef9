package org.scorefield.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class HostCopyTest {

    @Test
    void rangeCopiesTouchOnlyTheirRange() {
        INDArray a = Nd4j.createFromArray(1f, 2f, 3f, 4f, 5f);
        float[] out = new float[5];
        HostCopy.readFloats(a, 1, 4, out);
        assertArrayEquals(new float[] {0, 2, 3, 4, 0}, out);
        HostCopy.write(a, 3, 5, new float[] {9, 9, 9, -4, -5});
        assertArrayEquals(new float[] {1, 2, 3, -4, -5}, a.toFloatVector());
    }

    @Test
    void floatCopiesRefuseDoubleArrays() {
        INDArray d = Nd4j.createFromArray(1.0, 2.0, 3.0);
        assertThrows(IllegalArgumentException.class, () -> HostCopy.readFloats(d, 0, 3, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> HostCopy.write(d, 0, 3, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> HostCopy.readFloats(d, new float[3]));
        INDArray row = Nd4j.create(DataType.DOUBLE, 1, 3);
        assertThrows(IllegalArgumentException.class, () -> HostCopy.readRow(row, new float[3]));
    }
}
