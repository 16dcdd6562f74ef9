package org.scorefield.core.nn;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorefield.core.tensor.Nd4jRuntime;

/**
 * The matrix-product ceiling of this machine at a network's own shapes: the same float products
 * (same shapes, transposes, thread count) that a training step performs, and nothing else. A
 * training step's FLOP rate divided by this ceiling is its efficiency: the share of its time spent
 * in matrix products (docs/platform.md §4.3).
 */
public final class GemmCeiling {

    private final List<GemmShape> shapes;
    private final INDArray[] a;
    private final INDArray[] b;
    private final INDArray[] c;

    public GemmCeiling(List<GemmShape> shapes) {
        Nd4jRuntime.ensureConfigured();
        this.shapes = List.copyOf(shapes);
        int n = shapes.size();
        a = new INDArray[n];
        b = new INDArray[n];
        c = new INDArray[n];
        for (int i = 0; i < n; i++) {
            GemmShape s = shapes.get(i);
            a[i] = Nd4j.rand(DataType.FLOAT, s.transA() ? s.k() : s.m(), s.transA() ? s.m() : s.k());
            b[i] = Nd4j.rand(DataType.FLOAT, s.transB() ? s.n() : s.k(), s.transB() ? s.k() : s.n());
            c[i] = Nd4j.create(DataType.FLOAT, s.m(), s.n());
        }
    }

    /** Runs every product once per repetition; returns the seconds taken. */
    public double run(int repetitions) {
        long start = System.nanoTime();
        for (int r = 0; r < repetitions; r++) {
            for (int i = 0; i < a.length; i++) {
                GemmShape s = shapes.get(i);
                Nd4j.gemm(a[i], b[i], c[i], s.transA(), s.transB(), 1.0, 0.0);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** FLOPs of one pass over the shapes. */
    public long flops() {
        return GemmShape.flops(shapes);
    }
}
