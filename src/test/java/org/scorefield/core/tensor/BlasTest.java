package org.scorefield.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorefield.core.random.SeededRandom;

/**
 * Blas.gemm against the triple loop written out here, for every pair of transposes, α and β, on
 * matrices that are views at an offset into one flat buffer (as a network's layers are), in float
 * and double; and shapes that do not match are refused before any native call.
 */
class BlasTest {

    enum Type { FLOAT, DOUBLE }

    @ParameterizedTest
    @EnumSource(Type.class)
    void productsMatchTheTripleLoopForEveryTransposeOnViews(Type which) {
        DataType type = DataType.valueOf(which.name());
        int m = 5;
        int n = 3;
        int k = 4;
        SeededRandom random = new SeededRandom(3);
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                double[] flat = random.gaussianPoints(40); // 80 values: A, B and C at offsets
                INDArray buffer = Nd4j.createFromArray(flat).castTo(type);
                INDArray a = view(buffer, 3, ta ? k : m, ta ? m : k, type);
                INDArray b = view(buffer, 30, tb ? n : k, tb ? k : n, type);
                INDArray c = view(buffer, 50, m, n, type);
                double[][] expected = new double[m][n];
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double sum = 0;
                        for (int l = 0; l < k; l++) {
                            double av = ta ? flat[3 + l * m + i] : flat[3 + i * k + l];
                            double bv = tb ? flat[30 + j * k + l] : flat[30 + l * n + j];
                            sum += av * bv;
                        }
                        expected[i][j] = 0.5 * sum - 2 * flat[50 + i * n + j];
                    }
                }
                Blas.gemm(a, b, c, ta, tb, 0.5, -2);
                double tolerance = type == DataType.FLOAT ? 1e-5 : 1e-12;
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        assertEquals(expected[i][j], c.getDouble(i, j), tolerance, "C[" + i + "][" + j + "] " + ta + tb);
                    }
                }
                // nothing outside C was written
                assertEquals(flat[49], buffer.getDouble(49), tolerance);
                assertEquals(flat[65], buffer.getDouble(65), tolerance);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Type.class)
    void shapesThatDoNotMatchAreRefused(Type which) {
        DataType type = DataType.valueOf(which.name());
        INDArray a = Nd4j.create(type, 2, 3);
        INDArray b = Nd4j.create(type, 4, 2);
        INDArray c = Nd4j.create(type, 2, 2);
        assertThrows(IllegalArgumentException.class, () -> Blas.gemm(a, b, c, false, false, 1, 0));
        INDArray other = Nd4j.create(type == DataType.FLOAT ? DataType.DOUBLE : DataType.FLOAT, 3, 2);
        assertThrows(IllegalArgumentException.class, () -> Blas.gemm(a, other, c, false, false, 1, 0));
        INDArray columnMajor = Nd4j.create(type, new long[] {3, 2}, 'f');
        assertThrows(IllegalArgumentException.class, () -> Blas.gemm(a, columnMajor, c, false, false, 1, 0));
        Blas.gemm(a, Nd4j.create(type, 3, 2), c, false, false, 1, 0); // the same shape row-major is fine
    }

    @ParameterizedTest
    @EnumSource(Type.class)
    void viewsThatRunPastTheirBufferAreRefused(Type which) {
        DataType type = DataType.valueOf(which.name());
        INDArray flat = Nd4j.create(type, 10);
        INDArray a = Nd4j.create(type, 2, 3);
        INDArray b = Nd4j.create(type, 3, 2);
        // 2×2 at offset 7 needs elements 7, 8 and 9, 10: one past the end; at offset 6 it fits
        INDArray pastTheEnd = view(flat, 7, 2, 2, type);
        assertThrows(IllegalArgumentException.class, () -> Blas.gemm(a, b, pastTheEnd, false, false, 1, 0));
        // a leading dimension of 5 for 2 rows of 3 at offset 3: the second row ends at 3 + 5 + 3 = 11
        INDArray wideStride = Nd4j.create(flat.data(), new long[] {2, 3}, new long[] {5, 1}, 3, 'c', type);
        assertThrows(IllegalArgumentException.class, () -> Blas.gemm(wideStride, b, Nd4j.create(type, 2, 2),
                false, false, 1, 0));
        Blas.gemm(a, b, view(flat, 6, 2, 2, type), false, false, 1, 0);
        Blas.gemm(Nd4j.create(flat.data(), new long[] {2, 3}, new long[] {5, 1}, 2, 'c', type), b,
                Nd4j.create(type, 2, 2), false, false, 1, 0);
    }

    private static INDArray view(INDArray flat, long offset, int rows, int cols, DataType type) {
        return Nd4j.create(flat.data(), new long[] {rows, cols}, new long[] {cols, 1}, offset, 'c', type);
    }
}
