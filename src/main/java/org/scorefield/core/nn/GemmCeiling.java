package org.scorefield.core.nn;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorefield.core.tensor.Blas;
import org.scorefield.core.tensor.Nd4jRuntime;

/**
 * The matrix-product ceiling of this machine at a network's own shapes: the same float products
 * (same shapes, transposes, thread count) that a training step performs, and nothing else. A
 * training step's FLOP rate divided by this ceiling is its efficiency: the share of its time spent
 * in matrix products (docs/platform.md §4.3). On several threads, each runs its own products at
 * the same time, on its own arrays, as a step's shards do.
 */
public final class GemmCeiling {

    private final List<List<GemmShape>> perThread;
    private final INDArray[][] a;
    private final INDArray[][] b;
    private final INDArray[][] c;

    /** The given products on one thread. */
    public GemmCeiling(List<GemmShape> shapes) {
        this(List.of(shapes), 1);
    }

    /** Thread t runs perThread.get(t) ({@code threads} = perThread's size). */
    private GemmCeiling(List<List<GemmShape>> perThread, int threads) {
        Nd4jRuntime.ensureConfigured();
        this.perThread = List.copyOf(perThread);
        a = new INDArray[threads][];
        b = new INDArray[threads][];
        c = new INDArray[threads][];
        for (int t = 0; t < threads; t++) {
            List<GemmShape> shapes = perThread.get(t);
            int n = shapes.size();
            a[t] = new INDArray[n];
            b[t] = new INDArray[n];
            c[t] = new INDArray[n];
            for (int i = 0; i < n; i++) {
                GemmShape s = shapes.get(i);
                a[t][i] = Nd4j.rand(DataType.FLOAT, s.transA() ? s.k() : s.m(), s.transA() ? s.m() : s.k());
                b[t][i] = Nd4j.rand(DataType.FLOAT, s.transB() ? s.n() : s.k(), s.transB() ? s.k() : s.n());
                c[t][i] = Nd4j.create(DataType.FLOAT, s.m(), s.n());
            }
        }
    }

    /**
     * The products of one {@link Trainer} step on a batch: each of its {@link TrainingThreads#SHARDS}
     * shards' products ({@link GemmShape#trainingStep} at the shard's rows), the shards dealt to the
     * threads in turn, as a step on that many threads runs them.
     */
    public static GemmCeiling ofTrainingStep(Architecture arch, int batch, int threads) {
        int shards = Math.min(TrainingThreads.SHARDS, batch);
        int used = Math.max(1, Math.min(threads, shards));
        List<List<GemmShape>> perThread = new ArrayList<>();
        for (int t = 0; t < used; t++) {
            perThread.add(new ArrayList<>());
        }
        for (int s = 0; s < shards; s++) {
            int rows = (s + 1) * batch / shards - s * batch / shards;
            perThread.get(s % used).addAll(GemmShape.trainingStep(arch, rows));
        }
        return new GemmCeiling(perThread, used);
    }

    /** Threads the products run on. */
    public int threads() {
        return perThread.size();
    }

    /** Runs every product once per repetition, each thread its own; returns the seconds taken. */
    public double run(int repetitions) {
        long start = System.nanoTime();
        TrainingThreads.run(perThread.size(), perThread.size(), t -> {
            List<GemmShape> shapes = perThread.get(t);
            for (int r = 0; r < repetitions; r++) {
                for (int i = 0; i < shapes.size(); i++) {
                    GemmShape s = shapes.get(i);
                    Blas.gemm(a[t][i], b[t][i], c[t][i], s.transA(), s.transB(), 1.0, 0.0);
                }
            }
        });
        return (System.nanoTime() - start) / 1e9;
    }

    /** FLOPs of one pass over the shapes, on every thread. */
    public long flops() {
        return perThread.stream().mapToLong(GemmShape::flops).sum();
    }
}
