package org.scorefield.core.flow;

import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.PointChunks;

/**
 * The {@link FlowOracle} of point data a_i from a source known by points, whose smoothed density
 * is tabulated once ({@link SourceTable}) so that each data point costs one look-up instead of one
 * term per source point (docs/math.md §4.7). The pair of a_i through x is {@code z_i = (x − (1−t) a_i)/t},
 * so with {@code L = log p_1}
 * <pre>
 *   w_i ∝ exp L(z_i),   x̂0 = Σ w_i a_i,   ŝ = Σ w_i ∇L(z_i) / t,
 *   log p_t(x) = log Σ_i exp L(z_i) − log N − 2 log t
 * </pre>
 * exact for the smoothed source up to the table's interpolation. Point data make x_t a Dirac mass
 * at t = 0, so every time is raised to the linear schedule's tMin().
 */
final class TabulatedSourceFlowOracle implements FlowOracle {

    private final SourceTable table;
    private final int sourcePoints;
    private final double bandwidth;
    /** The data points' coordinates. */
    private final double[] ax;
    private final double[] ay;

    /** Point data, and the source's fixed sample smoothed at this bandwidth. */
    TabulatedSourceFlowOracle(PointSet data, PointSet sourceSample, double bandwidth) {
        this.table = SourceTable.of(sourceSample, bandwidth);
        this.sourcePoints = sourceSample.size();
        this.bandwidth = bandwidth;
        this.ax = new double[data.size()];
        this.ay = new double[data.size()];
        for (int i = 0; i < ax.length; i++) {
            ax[i] = data.x(i);
            ay[i] = data.y(i);
        }
    }

    @Override
    public int sourcePoints() {
        return sourcePoints;
    }

    @Override
    public double bandwidth() {
        return bandwidth;
    }

    /** One term per data point. */
    @Override
    public int pairs() {
        return ax.length;
    }

    /** A source known by points is never N(0, I). */
    @Override
    public boolean gaussianNoise() {
        return false;
    }

    @Override
    public double sourceLogDensity(double x, double y) {
        return table.logDensity(x, y);
    }

    @Override
    public double[] denoise(double[] xt, double t) {
        return sum(xt, LinearPathTime.raised(t), Mode.DENOISE);
    }

    @Override
    public double[] score(double[] xt, double t) {
        return sum(xt, LinearPathTime.raised(t), Mode.SCORE);
    }

    @Override
    public double[] logDensity(double[] xt, double t) {
        return sum(xt, LinearPathTime.raised(t), Mode.LOG_DENSITY);
    }

    /** What the weighted sum over the data points gives. */
    private enum Mode { DENOISE, SCORE, LOG_DENSITY }

    /** The sum over the data points at each point of xt: one value per point for the log-density, two otherwise. */
    private double[] sum(double[] xt, double t, Mode mode) {
        int n = ax.length;
        int m = xt.length / 2;
        double[] out = new double[mode == Mode.LOG_DENSITY ? m : xt.length];
        PointChunks.run(m, n, (from, to) -> sum(xt, t, mode, from, to, out));
        return out;
    }

    /** {@link #sum(double[], double, Mode)} for the points [from, to), with buffers of its own. */
    private void sum(double[] xt, double t, Mode mode, int from, int to, double[] out) {
        int n = ax.length;
        double[] logW = new double[n];
        double[] gx = mode == Mode.SCORE ? new double[n] : null;
        double[] gy = mode == Mode.SCORE ? new double[n] : null;
        double[] gradient = new double[2];
        double a = 1 - t;
        double logConst = -Math.log(n) - 2 * Math.log(t);
        for (int q = from; q < to; q++) {
            double x = xt[2 * q];
            double y = xt[2 * q + 1];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                logW[i] = table.evaluate((x - a * ax[i]) / t, (y - a * ay[i]) / t, gx == null ? null : gradient);
                if (gx != null) {
                    gx[i] = gradient[0];
                    gy[i] = gradient[1];
                }
                max = Math.max(max, logW[i]);
            }
            double total = 0;
            double ox = 0;
            double oy = 0;
            for (int i = 0; i < n; i++) {
                double w = Math.exp(logW[i] - max);
                total += w;
                if (mode == Mode.DENOISE) {
                    ox += w * ax[i];
                    oy += w * ay[i];
                } else if (mode == Mode.SCORE) {
                    ox += w * gx[i];
                    oy += w * gy[i];
                }
            }
            if (mode == Mode.LOG_DENSITY) {
                out[q] = max + Math.log(total) + logConst;
            } else if (mode == Mode.DENOISE) {
                out[2 * q] = ox / total;
                out[2 * q + 1] = oy / total;
            } else {
                out[2 * q] = ox / (total * t);
                out[2 * q + 1] = oy / (total * t);
            }
        }
    }
}
