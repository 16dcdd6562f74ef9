package org.scorefield.core.nn;

import java.nio.ByteOrder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bulk copies between Java arrays and whole ND4J arrays of type FLOAT or DOUBLE, through the
 * native buffer's NIO view (a memcpy, no per-element JNI call). Only for arrays that own their
 * buffer from offset 0, which every buffer of {@link Mlp} does.
 */
final class HostCopy {

    private HostCopy() {
    }

    static void write(INDArray target, double[] values) {
        check(target, values.length);
        var bytes = target.data().asNio().order(ByteOrder.nativeOrder());
        if (target.dataType() == DataType.DOUBLE) {
            bytes.asDoubleBuffer().put(values, 0, values.length);
        } else {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            bytes.asFloatBuffer().put(f, 0, f.length);
        }
    }

    static void write(INDArray target, float[] values) {
        check(target, values.length);
        var bytes = target.data().asNio().order(ByteOrder.nativeOrder());
        if (target.dataType() == DataType.FLOAT) {
            bytes.asFloatBuffer().put(values, 0, values.length);
        } else {
            double[] d = new double[values.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = values[i];
            }
            bytes.asDoubleBuffer().put(d, 0, d.length);
        }
    }

    /** Copies the first n floats of a FLOAT array into out (no allocation). */
    static void readFloats(INDArray source, float[] out) {
        int n = (int) source.length();
        check(source, n);
        floats(source).get(out, 0, n);
    }

    /** Copies elements from … to − 1 of a whole FLOAT array into the same places of out. */
    static void readFloats(INDArray source, int from, int to, float[] out) {
        check(source, source.length());
        floats(source).position(from).get(out, from, to - from);
    }

    /** Writes values[from … to) into the same places of a whole FLOAT array. */
    static void write(INDArray target, int from, int to, float[] values) {
        check(target, target.length());
        floats(target).position(from).put(values, from, to - from);
    }

    /**
     * Copies a FLOAT row vector, which may be a view into a larger buffer (a layer's bias in the
     * flat weights), into out (its length).
     */
    static void readRow(INDArray row, float[] out) {
        if (row.length() != out.length || row.rank() != 2 || row.rows() != 1 || row.stride(1) != 1) {
            throw new IllegalArgumentException("expected a dense row of " + out.length + " values");
        }
        floats(row).position((int) row.offset()).get(out, 0, out.length);
    }

    static double[] readDoubles(INDArray source) {
        int n = (int) source.length();
        check(source, n);
        var bytes = source.data().asNio().order(ByteOrder.nativeOrder());
        double[] out = new double[n];
        if (source.dataType() == DataType.DOUBLE) {
            bytes.asDoubleBuffer().get(out, 0, n);
        } else {
            float[] f = new float[n];
            bytes.asFloatBuffer().get(f, 0, n);
            for (int i = 0; i < n; i++) {
                out[i] = f[i];
            }
        }
        return out;
    }

    static float[] readFloats(INDArray source) {
        int n = (int) source.length();
        check(source, n);
        var bytes = source.data().asNio().order(ByteOrder.nativeOrder());
        float[] out = new float[n];
        if (source.dataType() == DataType.FLOAT) {
            bytes.asFloatBuffer().get(out, 0, n);
        } else {
            double[] d = new double[n];
            bytes.asDoubleBuffer().get(d, 0, n);
            for (int i = 0; i < n; i++) {
                out[i] = (float) d[i];
            }
        }
        return out;
    }

    /**
     * The whole buffer of a FLOAT array as floats, from its start (a view's offset counts from there).
     * Only FLOAT: a DOUBLE array's bytes read as floats would come back as nonsense.
     */
    private static java.nio.FloatBuffer floats(INDArray a) {
        if (a.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("expected a FLOAT array, got " + a.dataType());
        }
        return a.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private static void check(INDArray a, long n) {
        if (a.offset() != 0 || a.length() != n || a.data().length() != n) {
            throw new IllegalArgumentException("bulk copy needs a whole array of " + n + " elements, got "
                    + a.length() + " at offset " + a.offset());
        }
    }
}
