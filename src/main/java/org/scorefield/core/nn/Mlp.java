package org.scorefield.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.tensor.Blas;
import org.scorefield.core.tensor.Nd4jRuntime;

/**
 * A multilayer perceptron {@code (x, τ[, label]) → outputs} ({@link Architecture}) with its forward and
 * backward passes written out on ND4J. Every buffer is allocated once per batch size and every
 * operation writes into an existing array: docs/platform.md §4.2 measured an allocation per operation 5×
 * slower. Weights and gradients each live in one flat array, with each layer's W and b as views
 * into it, so that the optimiser, clipping and the EMA are a handful of whole-vector operations.
 *
 * <p>Call order for training: {@link #setInput} → {@link #forward} → {@link #backward}, then read
 * {@link #gradients()}. For evaluation at one time for a whole batch, {@link #forwardAtTime}
 * folds the time embedding into the first layer's bias (one small product instead of a full
 * input matrix). After either forward pass, {@link #positionGradient} backpropagates to the
 * positions instead of the weights (a classifier's ∇_x, docs/math.md §9.2). Not thread-safe: one
 * network per thread.
 *
 * <p>FLOAT is the working precision; DOUBLE exists for gradient checks against finite differences.
 */
public final class Mlp {

    private final Architecture arch;
    private final DataType type;
    private final double[] frequencies;
    private final INDArray params;
    private final INDArray grads;
    private final INDArray[] w;
    private final INDArray[] b;
    private final INDArray[] gw;
    private final INDArray[] gb;
    private final INDArray w0Position; // the first two rows of W_0, which multiply x
    private final INDArray w0Rest; // the rows of W_0 for the time embedding and label
    private final INDArray contextRow; // 1×(inputSize − 2)
    private final INDArray firstBias; // 1×width: b_0 + context·W_0[2:]

    private int batch = -1;
    private INDArray input;
    private INDArray position; // batch×2, for forwardAtTime
    private INDArray dPosition; // batch×2, ∂L/∂x of positionGradient
    private INDArray[] z;
    private INDArray[] aux;
    private INDArray[] act;
    private INDArray[] hidden;
    private INDArray out;
    private INDArray dOut;
    private INDArray dh;
    private INDArray dz;
    private INDArray tmp;
    private INDArray ones;
    private float[][][] host; // per hidden layer: z, aux, a on the Java heap (FLOAT SiLU/GELU)
    private float[] hostGrad;
    private final float[] hostBias; // a bias row on the Java heap, for the host activations

    /** A network with seeded initial weights (PyTorch's default: U(±1/√fan_in) for W and b). */
    public Mlp(Architecture arch, DataType type, long initSeed) {
        this(arch, type);
        SeededRandom random = new SeededRandom(SeededRandom.derive(initSeed, "init"));
        double[] p = new double[arch.parameterCount()];
        int off = 0;
        for (int l = 0; l <= arch.depth(); l++) {
            int n = (arch.fanIn(l) + 1) * arch.fanOut(l);
            double bound = 1 / Math.sqrt(arch.fanIn(l));
            for (int i = 0; i < n; i++) {
                p[off + i] = random.nextUniform(-bound, bound);
            }
            off += n;
        }
        HostCopy.write(params, p);
    }

    /** A network with the given weights (in {@link #weights()} order). */
    public Mlp(Architecture arch, DataType type, float[] weights) {
        this(arch, type);
        if (weights.length != arch.parameterCount()) {
            throw new IllegalArgumentException("expected " + arch.parameterCount() + " weights, got "
                    + weights.length);
        }
        HostCopy.write(params, weights);
    }

    private Mlp(Architecture arch, DataType type) {
        this(arch, type, (INDArray) null);
    }

    /**
     * A network on the given flat weights (a buffer shared with another network), or on a new
     * buffer when null; its gradients and every other buffer are its own.
     */
    private Mlp(Architecture arch, DataType type, INDArray sharedParams) {
        Nd4jRuntime.ensureConfigured();
        this.arch = arch;
        this.type = type;
        this.frequencies = arch.embedding().frequencies(arch.frequencies(), arch.embeddingSeed());
        int p = arch.parameterCount();
        this.params = sharedParams != null ? sharedParams : Nd4j.create(type, p);
        this.grads = Nd4j.create(type, p);
        int layers = arch.depth() + 1;
        w = new INDArray[layers];
        b = new INDArray[layers];
        gw = new INDArray[layers];
        gb = new INDArray[layers];
        long off = 0;
        for (int l = 0; l < layers; l++) {
            int in = arch.fanIn(l);
            int o = arch.fanOut(l);
            w[l] = view(params, off, in, o);
            gw[l] = view(grads, off, in, o);
            off += (long) in * o;
            b[l] = view(params, off, 1, o);
            gb[l] = view(grads, off, 1, o);
            off += o;
        }
        int width = arch.width();
        w0Position = view(params, 0, 2, width);
        w0Rest = view(params, 2L * width, arch.inputSize() - 2, width);
        hostBias = new float[width];
        contextRow = Nd4j.create(type, 1, arch.inputSize() - 2);
        firstBias = Nd4j.create(type, 1, width);
    }

    private INDArray view(INDArray flat, long offset, int rows, int cols) {
        return Nd4j.create(flat.data(), new long[] {rows, cols}, new long[] {cols, 1}, offset, 'c', type);
    }

    /**
     * A network that reads this one's weights, the same buffer and never a copy, with gradients and
     * activations of its own: one shard of a data-parallel step ({@link Trainer}). A change of
     * either network's weights is the other's too.
     */
    Mlp sharingWeights() {
        return new Mlp(arch, type, params);
    }

    public Architecture architecture() {
        return arch;
    }

    /** The flat weights (W_0, b_0, W_1, b_1, …, row-major), shared with the network. */
    public INDArray parameters() {
        return params;
    }

    /** The flat gradient of the last {@link #backward}, in the order of {@link #parameters()}. */
    public INDArray gradients() {
        return grads;
    }

    /** A copy of the weights. */
    public float[] weights() {
        return HostCopy.readFloats(params);
    }

    public void setWeights(float[] weights) {
        HostCopy.write(params, weights);
    }

    private void ensureBatch(int n) {
        if (n == batch) {
            return;
        }
        int width = arch.width();
        int hiddenLayers = arch.depth();
        boolean onHost = arch.activation().onHost(type);
        input = Nd4j.create(type, n, arch.inputSize());
        position = Nd4j.create(type, n, 2);
        dPosition = Nd4j.create(type, n, 2);
        z = new INDArray[hiddenLayers];
        aux = new INDArray[hiddenLayers];
        act = new INDArray[hiddenLayers];
        hidden = new INDArray[hiddenLayers];
        for (int l = 0; l < hiddenLayers; l++) {
            z[l] = Nd4j.create(type, n, width);
            aux[l] = onHost ? null : Nd4j.create(type, n, width);
            act[l] = Nd4j.create(type, n, width);
            hidden[l] = arch.residual() && l > 0 ? Nd4j.create(type, n, width) : act[l];
        }
        out = Nd4j.create(type, n, arch.outputs());
        dOut = Nd4j.create(type, n, arch.outputs());
        dh = Nd4j.create(type, n, width);
        dz = Nd4j.create(type, n, width);
        tmp = onHost ? null : Nd4j.create(type, n, width);
        ones = Nd4j.ones(type, 1, n);
        int hostSize = onHost ? n * width : 0;
        host = new float[hiddenLayers][3][hostSize];
        hostGrad = new float[hostSize];
        batch = n;
    }

    /**
     * Fills the input matrix: positions (already scaled by c_in), each row's τ, and labels (null
     * for an unconditional network, {@link Architecture#noneLabel()} for "no label").
     */
    public void setInput(double[] xy, double[] tau, int[] labels) {
        int n = tau.length;
        ensureBatch(n);
        int d = arch.inputSize();
        double[] rows = new double[n * d];
        for (int r = 0; r < n; r++) {
            int o = r * d;
            rows[o] = xy[2 * r];
            rows[o + 1] = xy[2 * r + 1];
            writeContext(tau[r], labels == null ? arch.noneLabel() : labels[r], rows, o + 2);
        }
        HostCopy.write(input, rows);
    }

    /** The inputs after x: the time embedding, then the one-hot label of a conditional network. */
    private void writeContext(double tau, int label, double[] out, int offset) {
        TimeEmbedding.embed(frequencies, tau, out, offset);
        if (arch.classes() > 0) {
            out[offset + 2 * frequencies.length + label] = 1;
        }
    }

    /** The forward pass on the input set by {@link #setInput}; returns the outputs, row by row. */
    public double[] forward() {
        return propagate(input, w[0], b[0]);
    }

    /**
     * The layers from the first one's product {@code z_0 = first·firstWeights + bias0} to the
     * output, row by row.
     */
    private double[] propagate(INDArray first, INDArray firstWeights, INDArray bias0) {
        int depth = arch.depth();
        for (int l = 0; l < depth; l++) {
            Blas.gemm(l == 0 ? first : hidden[l - 1], l == 0 ? firstWeights : w[l], z[l], false, false, 1.0, 0.0);
            arch.activation().forward(z[l], l == 0 ? bias0 : b[l], aux[l], act[l], host[l], hostBias);
            if (hidden[l] != act[l]) {
                act[l].add(hidden[l - 1], hidden[l]);
            }
        }
        // out ← 1·b (every row the bias: a product with k = 1, cheaper than ND4J's broadcast op), then += h·W
        Blas.gemm(ones, b[depth], out, true, false, 1.0, 0.0);
        Blas.gemm(hidden[depth - 1], w[depth], out, false, false, 1.0, 1.0);
        double[] result = HostCopy.readDoubles(out);
        // Native code reads these buffers while nothing in Java may use this network any more (the
        // last call of a sampler); ND4J frees a buffer once its owner is unreachable, so keep it.
        java.lang.ref.Reference.reachabilityFence(this);
        return result;
    }

    /**
     * The backward pass of the last {@link #forward}: given ∂L/∂out (row by row), fills
     * {@link #gradients()} with ∂L/∂θ.
     */
    public void backward(double[] dLossdOut) {
        backpropagate(dLossdOut, true);
    }

    /**
     * ∂L/∂x for the positions of the last forward pass (either kind), given ∂L/∂out (row by row):
     * {@code n × 2} values, interleaved. The weights' gradients are not computed (nor changed).
     */
    public double[] positionGradient(double[] dLossdOut) {
        backpropagate(dLossdOut, false);
        // x enters through the first two rows of W_0 in both forward passes: ∂L/∂x = dz_0·W_0[0:2]ᵀ
        Blas.gemm(dz, w0Position, dPosition, false, true, 1.0, 0.0);
        double[] result = HostCopy.readDoubles(dPosition);
        java.lang.ref.Reference.reachabilityFence(this); // as in propagate
        return result;
    }

    /** Back from ∂L/∂out to dz of the first layer (left in {@code dz}), and ∂L/∂θ when asked. */
    private void backpropagate(double[] dLossdOut, boolean parameters) {
        int depth = arch.depth();
        HostCopy.write(dOut, dLossdOut);
        if (parameters) {
            Blas.gemm(hidden[depth - 1], dOut, gw[depth], true, false, 1.0, 0.0);
            Blas.gemm(ones, dOut, gb[depth], false, false, 1.0, 0.0);
        }
        Blas.gemm(dOut, w[depth], dh, false, true, 1.0, 0.0);
        for (int l = depth - 1; l >= 0; l--) {
            arch.activation().backward(z[l], aux[l], act[l], dh, tmp, dz, host[l], hostGrad);
            if (parameters) {
                INDArray prev = l == 0 ? input : hidden[l - 1];
                Blas.gemm(prev, dz, gw[l], true, false, 1.0, 0.0);
                Blas.gemm(ones, dz, gb[l], false, false, 1.0, 0.0);
            }
            if (l > 0) {
                // ∂L/∂h_{l−1} = dz·W_lᵀ, plus the skip connection's ∂L/∂h_l
                Blas.gemm(dz, w[l], dh, false, true, 1.0, arch.residual() ? 1.0 : 0.0);
            }
        }
        java.lang.ref.Reference.reachabilityFence(this); // as in propagate
    }

    /**
     * The outputs for a batch of positions (already scaled by c_in) that share one τ and label: the
     * time embedding enters once, through the first layer's bias.
     */
    public double[] forwardAtTime(double[] xy, double tau, int label) {
        ensureBatch(xy.length / 2);
        double[] context = new double[arch.inputSize() - 2];
        writeContext(tau, label, context, 0);
        HostCopy.write(contextRow, context);
        Blas.gemm(contextRow, w0Rest, firstBias, false, false, 1.0, 0.0);
        firstBias.addi(b[0]);
        HostCopy.write(position, xy);
        return propagate(position, w0Position, firstBias);
    }
}
