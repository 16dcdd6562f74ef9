package org.scorefield.core.denoise;

import org.nd4j.linalg.api.buffer.DataType;
import java.lang.ref.Reference;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.tensor.Nd4jRuntime;

/**
 * The ideal denoiser of an empirical distribution {@code {x⁽ⁱ⁾}}, i = 1..N: the model that has
 * memorised its training set exactly (docs/math.md §4.1; geometry notes: one step of annealed mean
 * shift at bandwidth σ/α).
 * <pre>
 *   w_i(x_t) = softmax_i(−‖x_t − α x⁽ⁱ⁾‖² / (2σ²)),   x̂0 = Σ w_i x⁽ⁱ⁾
 * </pre>
 * The logits are an M×N kernel between M queries and N data points. Dropping the term in
 * {@code ‖x_t‖²}, which is constant along each row and cancels in the softmax, they are one matrix
 * product plus a row vector, {@code (α/σ²)·X Dᵀ − (α²/2σ²)·‖d‖²}; the softmax subtracts each
 * row's maximum before exponentiating (log-sum-exp). Both matrix products run in double precision
 * on ND4J into preallocated buffers, in chunks of queries that bound the kernel's memory.
 * At σ = 0 the limit is the nearest data point.
 */
public final class EmpiricalDenoiser implements Denoiser {

    /** Kernel entries per chunk: 4M doubles, 32 MB. */
    private static final long MAX_KERNEL_ENTRIES = 1L << 22;

    private final Schedule schedule;
    private final PointSet data;
    private final int n;
    private final INDArray points; // N×2
    private final INDArray pointsT; // 2×N
    private final INDArray squaredNorms; // 1×N
    private final int chunk;

    private final INDArray bias; // 1×N, reused
    private INDArray kernel; // rows×N, reused while the batch size stays the same
    private INDArray tailKernel; // for the last, shorter chunk of a batch larger than one chunk

    public EmpiricalDenoiser(PointSet data, Schedule schedule) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("the empirical oracle needs at least one data point");
        }
        Nd4jRuntime.ensureConfigured();
        this.schedule = schedule;
        this.data = data;
        this.n = data.size();
        this.points = Nd4j.createFromArray(data.xy()).reshape('c', n, 2);
        this.pointsT = points.transpose().dup('c');
        this.squaredNorms = points.mul(points).sum(true, 1).reshape(1, n);
        this.chunk = (int) Math.max(1, MAX_KERNEL_ENTRIES / n);
        this.bias = Nd4j.create(DataType.DOUBLE, 1, n);
    }

    @Override
    public Schedule schedule() {
        return schedule;
    }

    /** The memorised points. */
    public PointSet data() {
        return data;
    }

    @Override
    public synchronized double[] denoise(double[] xt, double t) {
        int m = xt.length / 2;
        double[] out = new double[xt.length];
        if (m == 0) {
            return out;
        }
        double alpha = schedule.alpha(t);
        double sigma = schedule.sigma(t);
        if (sigma == 0) {
            return nearest(xt, alpha);
        }
        double s2 = sigma * sigma;
        bias.assign(squaredNorms).muli(-alpha * alpha / (2 * s2));
        for (int start = 0; start < m; start += chunk) {
            int rows = Math.min(chunk, m - start);
            double[] part = new double[2 * rows];
            System.arraycopy(xt, 2 * start, part, 0, part.length);
            INDArray queries = Nd4j.createFromArray(part).reshape('c', rows, 2);
            INDArray logits = kernelWithRows(rows, start == 0);
            Nd4j.gemm(queries, pointsT, logits, false, false, alpha / s2, 0.0);
            logits.addiRowVector(bias);
            // Every temporary is held in a local and kept reachable until the native calls that read it
            // are done: a temporary passed straight into a broadcast (logits.max(...) here once) could be
            // collected mid-call, its buffer freed by JavaCPP's deallocator thread, and the broadcast
            // crash the JVM (a SIGSEGV in DataBuffer::primary, seen once while training ran beside it).
            INDArray rowMax = logits.max(true, 1);
            logits.subiColumnVector(rowMax);
            Transforms.exp(logits, false);
            INDArray weightSums = logits.sum(true, 1);
            INDArray means = Nd4j.create(DataType.DOUBLE, rows, 2);
            Nd4j.gemm(logits, points, means, false, false, 1.0, 0.0);
            means.diviColumnVector(weightSums);
            System.arraycopy(means.data().asDouble(), 0, out, 2 * start, 2 * rows);
            Reference.reachabilityFence(queries);
            Reference.reachabilityFence(rowMax);
            Reference.reachabilityFence(weightSums);
            Reference.reachabilityFence(means);
        }
        return out;
    }

    /** A rows×N kernel buffer: the first chunk's is kept, a shorter last chunk has its own. */
    private INDArray kernelWithRows(int rows, boolean firstChunk) {
        if (firstChunk) {
            if (kernel == null || kernel.rows() != rows) {
                kernel = Nd4j.create(DataType.DOUBLE, rows, n);
            }
            return kernel;
        }
        if (kernel.rows() == rows) {
            return kernel;
        }
        if (tailKernel == null || tailKernel.rows() != rows) {
            tailKernel = Nd4j.create(DataType.DOUBLE, rows, n);
        }
        return tailKernel;
    }

    /** The σ → 0 limit: the data point nearest to x_t/α. */
    private double[] nearest(double[] xt, double alpha) {
        double[] d = data.xy();
        double[] out = new double[xt.length];
        for (int i = 0; i < xt.length; i += 2) {
            double best = Double.POSITIVE_INFINITY;
            int arg = 0;
            for (int j = 0; j < n; j++) {
                double dx = xt[i] - alpha * d[2 * j];
                double dy = xt[i + 1] - alpha * d[2 * j + 1];
                double dist = dx * dx + dy * dy;
                if (dist < best) {
                    best = dist;
                    arg = j;
                }
            }
            out[i] = d[2 * arg];
            out[i + 1] = d[2 * arg + 1];
        }
        return out;
    }
}
