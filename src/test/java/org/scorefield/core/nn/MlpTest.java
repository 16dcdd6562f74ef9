package org.scorefield.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.scorefield.core.random.SeededRandom;
import java.util.Arrays;
import java.util.stream.Stream;

class MlpTest {

    static Stream<Arguments> architectures() {
        Architecture base = new Architecture(5, 3, Activation.SILU, false, TimeEmbedding.SINUSOIDAL, 3, 0, 0);
        return Stream.of(
                Arguments.of(base),
                Arguments.of(base.withActivation(Activation.GELU)),
                Arguments.of(base.withActivation(Activation.RELU)),
                Arguments.of(base.withResidual(true)),
                Arguments.of(base.withEmbedding(TimeEmbedding.FOURIER, 9).withClasses(3)),
                Arguments.of(base.withSize(4, 1)));
    }

    /** A batch of n random positions, times in [0, 1) and labels (null without classes). */
    private record Inputs(double[] xy, double[] tau, int[] labels) {
        static Inputs random(Architecture arch, SeededRandom r, int n) {
            double[] xy = r.gaussianPoints(n);
            double[] tau = new double[n];
            int[] labels = arch.classes() > 0 ? new int[n] : null;
            for (int i = 0; i < n; i++) {
                tau[i] = r.nextUniform();
                if (labels != null) {
                    labels[i] = r.nextInt(arch.classes() + 1);
                }
            }
            return new Inputs(xy, tau, labels);
        }
    }

    /** L = Σ c·out with fixed random c, so ∂L/∂out = c. */
    private static double loss(Mlp net, double[] c) {
        double[] out = net.forward();
        double l = 0;
        for (int i = 0; i < out.length; i++) {
            l += c[i] * out[i];
        }
        return l;
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void gradientsMatchCentralDifferencesInDoublePrecision(Architecture arch) {
        int n = 7;
        Mlp net = new Mlp(arch, DataType.DOUBLE, 42);
        SeededRandom r = new SeededRandom(3);
        Inputs in = Inputs.random(arch, r, n);
        double[] xy = in.xy();
        double[] tau = in.tau();
        int[] labels = in.labels();
        double[] c = r.gaussianPoints(n);
        net.setInput(xy, tau, labels);
        loss(net, c);
        net.backward(c);
        double[] analytic = net.gradients().toDoubleVector();
        double[] p = net.parameters().toDoubleVector();
        double h = 1e-6;
        double worst = 0;
        for (int k = 0; k < p.length; k++) {
            double keep = p[k];
            net.parameters().putScalar(k, keep + h);
            double up = loss(net, c);
            net.parameters().putScalar(k, keep - h);
            double down = loss(net, c);
            net.parameters().putScalar(k, keep);
            double numeric = (up - down) / (2 * h);
            double err = Math.abs(numeric - analytic[k]) / Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic[k]));
            worst = Math.max(worst, err);
        }
        assertTrue(worst < 1e-6, "worst relative gradient error " + worst + " for " + arch);
        // ReLU's kinks aside, a gradient that is all zero would pass trivially: make sure it is not
        assertTrue(java.util.Arrays.stream(analytic).map(Math::abs).max().orElse(0) > 1e-3);
    }

    /**
     * ∂L/∂x of {@link Mlp#positionGradient} against central differences of the outputs in x, in
     * double, for L = Σ c·out with three outputs per point, after both forward passes.
     */
    @ParameterizedTest
    @MethodSource("architectures")
    void positionGradientsMatchCentralDifferencesInDoublePrecision(Architecture base) {
        Architecture arch = base.withOutputs(3);
        int n = 6;
        Mlp net = new Mlp(arch, DataType.DOUBLE, 17);
        SeededRandom r = new SeededRandom(8);
        double[] xy = r.gaussianPoints(n);
        double[] c = new double[3 * n];
        r.fillGaussian(c);
        int label = arch.classes() > 0 ? 2 : 0;
        int[] labels = new int[n];
        java.util.Arrays.fill(labels, label);
        double[] tau = new double[n];
        java.util.Arrays.fill(tau, 0.41);
        for (boolean folded : new boolean[] {false, true}) {
            double[] analytic;
            if (folded) {
                net.forwardAtTime(xy, 0.41, label);
            } else {
                net.setInput(xy, tau, arch.classes() > 0 ? labels : null);
                net.forward();
            }
            analytic = net.positionGradient(c);
            double h = 1e-6;
            double worst = 0;
            for (int k = 0; k < xy.length; k++) {
                double[] up = xy.clone();
                double[] down = xy.clone();
                up[k] += h;
                down[k] -= h;
                double numeric = (dot(c, net.forwardAtTime(up, 0.41, label))
                        - dot(c, net.forwardAtTime(down, 0.41, label))) / (2 * h);
                worst = Math.max(worst, Math.abs(numeric - analytic[k])
                        / Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic[k])));
            }
            assertTrue(worst < 1e-6, "worst relative error " + worst + " for " + arch + (folded ? ", folded" : ""));
            assertTrue(java.util.Arrays.stream(analytic).map(Math::abs).max().orElse(0) > 1e-3);
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void evaluationAtOneTimeEqualsTheFullForwardPass(Architecture arch) {
        int n = 11;
        Mlp net = new Mlp(arch, DataType.DOUBLE, 5);
        Mlp twin = new Mlp(arch, DataType.DOUBLE, net.weights());
        double[] xy = new SeededRandom(1).gaussianPoints(n);
        double[] tau = new double[n];
        java.util.Arrays.fill(tau, 0.37);
        int label = arch.classes() > 0 ? 1 : 0;
        int[] labels = arch.classes() > 0 ? new int[n] : null;
        if (labels != null) {
            java.util.Arrays.fill(labels, label);
        }
        net.setInput(xy, tau, labels);
        double[] full = net.forward();
        double[] folded = twin.forwardAtTime(xy, 0.37, label);
        // the twin started from float weights: compare it with itself in double
        twin.setInput(xy, tau, labels);
        assertArrayEquals(twin.forward(), folded, 1e-12);
        assertArrayEquals(full, folded, 1e-5);
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void floatAndDoubleAgree(Architecture arch) {
        Mlp f = new Mlp(arch, DataType.FLOAT, 8);
        Mlp d = new Mlp(arch, DataType.DOUBLE, f.weights());
        double[] xy = new SeededRandom(2).gaussianPoints(64);
        double[] fo = f.forwardAtTime(xy, 0.5, 0);
        double[] dOut = d.forwardAtTime(xy, 0.5, 0);
        assertArrayEquals(dOut, fo, 1e-5);
    }

    /** The float path (host kernels for SiLU and GELU) against the double path checked above. */
    @ParameterizedTest
    @MethodSource("architectures")
    void floatGradientsMatchTheCheckedDoubleGradients(Architecture arch) {
        int n = 33;
        Mlp f = new Mlp(arch, DataType.FLOAT, 12);
        Mlp d = new Mlp(arch, DataType.DOUBLE, f.weights());
        SeededRandom r = new SeededRandom(4);
        double[] xy = r.gaussianPoints(n);
        double[] tau = new double[n];
        for (int i = 0; i < n; i++) {
            tau[i] = r.nextUniform();
        }
        int[] labels = arch.classes() > 0 ? new int[n] : null;
        double[] c = r.gaussianPoints(n);
        for (Mlp net : new Mlp[] {f, d}) {
            net.setInput(xy, tau, labels);
            net.forward();
            net.backward(c);
        }
        double[] gf = f.gradients().toDoubleVector();
        double[] gd = d.gradients().toDoubleVector();
        double scale = java.util.Arrays.stream(gd).map(Math::abs).max().orElse(1);
        for (int k = 0; k < gd.length; k++) {
            assertEquals(gd[k], gf[k], 1e-4 * scale, "weight " + k + " of " + arch);
        }
    }

    /**
     * A data-parallel step: two networks sharing one set of weights, each on half the batch with its
     * half of ∂L/∂out, have gradients that add up to one network's on the whole batch (the loss is a
     * sum over rows); and a change of the weights reaches both.
     */
    @ParameterizedTest
    @MethodSource("architectures")
    void shardsSharingTheWeightsSumToTheWholeBatchsGradient(Architecture arch) {
        int n = 40;
        int half = 17;
        Mlp whole = new Mlp(arch, DataType.FLOAT, 5);
        Mlp first = new Mlp(arch, DataType.FLOAT, whole.weights());
        Mlp second = first.sharingWeights();
        SeededRandom r = new SeededRandom(6);
        Inputs in = Inputs.random(arch, r, n);
        double[] xy = in.xy();
        double[] tau = in.tau();
        int[] labels = in.labels();
        double[] c = r.gaussianPoints(n);
        whole.setInput(xy, tau, labels);
        double[] out = whole.forward();
        whole.backward(c);
        first.setInput(Arrays.copyOfRange(xy, 0, 2 * half), Arrays.copyOfRange(tau, 0, half),
                labels == null ? null : Arrays.copyOfRange(labels, 0, half));
        double[] out1 = first.forward();
        first.backward(Arrays.copyOfRange(c, 0, 2 * half));
        second.setInput(Arrays.copyOfRange(xy, 2 * half, 2 * n), Arrays.copyOfRange(tau, half, n),
                labels == null ? null : Arrays.copyOfRange(labels, half, n));
        double[] out2 = second.forward();
        second.backward(Arrays.copyOfRange(c, 2 * half, 2 * n));
        double[] joined = new double[2 * n];
        System.arraycopy(out1, 0, joined, 0, 2 * half);
        System.arraycopy(out2, 0, joined, 2 * half, 2 * (n - half));
        assertArrayEquals(out, joined, 1e-6);
        double[] g = whole.gradients().toDoubleVector();
        double[] g1 = first.gradients().toDoubleVector();
        double[] g2 = second.gradients().toDoubleVector();
        double scale = Arrays.stream(g).map(Math::abs).max().orElse(1);
        for (int k = 0; k < g.length; k++) {
            assertEquals(g[k], g1[k] + g2[k], 1e-5 * scale, "weight " + k + " of " + arch);
        }
        float[] moved = whole.weights();
        moved[0] += 1;
        first.setWeights(moved);
        assertEquals(moved[0], second.weights()[0]);
    }

    @org.junit.jupiter.api.Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        Architecture a = Architecture.defaults();
        assertArrayEquals(new Mlp(a, DataType.FLOAT, 1).weights(), new Mlp(a, DataType.FLOAT, 1).weights());
        assertTrue(new Mlp(a, DataType.FLOAT, 1).weights()[0] != new Mlp(a, DataType.FLOAT, 2).weights()[0]);
        assertEquals(a.parameterCount(), new Mlp(a, DataType.FLOAT, 1).weights().length);
        // 18→128, 128→128 ×2, 128→2
        assertEquals(19 * 128 + 2 * 129 * 128 + 129 * 2, a.parameterCount());
    }
}
