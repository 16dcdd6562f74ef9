package org.scorefield.core.tensor;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Matrix products of ND4J arrays straight into OpenBLAS's {@code cblas_sgemm} and
 * {@code cblas_dgemm}, the library ND4J itself calls. {@code Nd4j.gemm} spends about 9 µs of checks
 * and bookkeeping per call before the same routine (docs/platform.md §4.7): at the 2D models' shapes
 * a training step makes about thirty products, and that overhead was a sixth of the step.
 *
 * <p>Only for what the networks use: row-major ('c') matrices whose rows are contiguous, possibly
 * views at an offset into a larger buffer, of one type (FLOAT or DOUBLE). Anything else is refused.
 */
public final class Blas {

    private Blas() {
    }

    /**
     * {@code c ← alpha·op(a)·op(b) + beta·c}, op the transpose when asked, c of shape m×n.
     *
     * @throws IllegalArgumentException for shapes that do not match or arrays of another layout
     */
    public static void gemm(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB,
                            double alpha, double beta) {
        Nd4jRuntime.ensureConfigured();
        check(a);
        check(b);
        check(c);
        int m = rows(c);
        int n = cols(c);
        int k = transA ? rows(a) : cols(a);
        if ((transA ? cols(a) : rows(a)) != m || (transB ? cols(b) : rows(b)) != k
                || (transB ? rows(b) : cols(b)) != n) {
            throw new IllegalArgumentException("gemm shapes do not match: " + shape(a) + (transA ? "ᵀ" : "") + " · "
                    + shape(b) + (transB ? "ᵀ" : "") + " → " + shape(c));
        }
        DataType type = c.dataType();
        if (a.dataType() != type || b.dataType() != type) {
            throw new IllegalArgumentException("gemm needs one type, got " + a.dataType() + ", " + b.dataType()
                    + ", " + type);
        }
        int ta = transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int tb = transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        if (type == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, ta, tb, m, n, k, (float) alpha,
                    floats(a), lead(a), floats(b), lead(b), (float) beta, floats(c), lead(c));
        } else if (type == DataType.DOUBLE) {
            openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, ta, tb, m, n, k, alpha,
                    doubles(a), lead(a), doubles(b), lead(b), beta, doubles(c), lead(c));
        } else {
            throw new IllegalArgumentException("gemm supports FLOAT and DOUBLE, got " + type);
        }
        // the native call reads the arrays' memory, which ND4J frees once an array is unreachable
        java.lang.ref.Reference.reachabilityFence(a);
        java.lang.ref.Reference.reachabilityFence(b);
        java.lang.ref.Reference.reachabilityFence(c);
    }

    private static int rows(INDArray x) {
        return (int) x.size(0);
    }

    private static int cols(INDArray x) {
        return (int) x.size(1);
    }

    /** The distance between two rows' starts: a row-major matrix's leading dimension. */
    private static int lead(INDArray x) {
        return (int) Math.max(x.stride(0), Math.max(1, x.size(1)));
    }

    private static void check(INDArray x) {
        if (x.rank() != 2 || x.ordering() != 'c' || (x.size(1) > 1 && x.stride(1) != 1)
                || (x.size(0) > 1 && x.stride(0) < x.size(1))) {
            throw new IllegalArgumentException("gemm needs row-major matrices with contiguous rows, got "
                    + shape(x) + " order " + x.ordering());
        }
    }

    /**
     * OpenBLAS reads and writes wherever the offset and leading dimension point: the matrix must end
     * inside the memory its pointer spans ({@code capacity} elements; a view's data().length() is the
     * view's own length, not that).
     */
    private static void inBuffer(INDArray x, long capacity) {
        long rows = x.size(0);
        long cols = x.size(1);
        if (rows > 0 && cols > 0 && x.offset() + (rows - 1) * lead(x) + cols > capacity) {
            throw new IllegalArgumentException("gemm matrix " + shape(x) + " at offset " + x.offset()
                    + " runs past its buffer of " + capacity + " elements");
        }
    }

    // through the buffer's NIO view, as HostCopy reads it: a view's data() is its whole buffer, and
    // its offset counts from that buffer's start (addressPointer() crashed on views' buffers); checked
    // against that view's capacity before the native call is made
    private static FloatPointer floats(INDArray x) {
        FloatBuffer buffer = x.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
        inBuffer(x, buffer.capacity());
        return new FloatPointer(buffer).position(x.offset());
    }

    private static DoublePointer doubles(INDArray x) {
        DoubleBuffer buffer = x.data().asNio().order(ByteOrder.nativeOrder()).asDoubleBuffer();
        inBuffer(x, buffer.capacity());
        return new DoublePointer(buffer).position(x.offset());
    }

    private static String shape(INDArray x) {
        return java.util.Arrays.toString(x.shape());
    }
}
