package org.scorefield.core.nn;

import org.scorefield.core.InvalidInputException;

/**
 * The shape of an {@link Mlp}: {@code (x, τ[, label]) → outputs} (2 for a denoiser, one logit per
 * class for a {@link NoisyClassifier}).
 * <pre>
 *   input  [x (2), sin/cos(ω τ) (2F), one-hot label (K + 1, the last is "none")]
 *   z_0 = input·W_0 + b_0,   h_0 = φ(z_0)                      (width W)
 *   z_l = h_{l−1}·W_l + b_l, h_l = φ(z_l) (+ h_{l−1} if residual),  l = 1 … depth − 1
 *   out = h_{depth−1}·W_out + b_out                               (outputs)
 * </pre>
 *
 * @param width        neurons per hidden layer
 * @param depth        hidden layers
 * @param activation   φ
 * @param residual     whether hidden layers after the first add their input (ResNet blocks)
 * @param embedding    how τ enters
 * @param frequencies  F, the embedding's frequencies (2F inputs)
 * @param classes      K labelled classes; 0 for an unconditional network
 * @param embeddingSeed seed of the random Fourier frequencies
 * @param outputs      columns of the output: 2 for a denoiser's F, K logits for a classifier
 */
public record Architecture(int width, int depth, Activation activation, boolean residual,
                           TimeEmbedding embedding, int frequencies, int classes, long embeddingSeed, int outputs) {

    public static final int DEFAULT_WIDTH = 128;
    public static final int DEFAULT_DEPTH = 3;
    public static final int DEFAULT_FREQUENCIES = 8;
    public static final int MAX_WIDTH = 1024;
    public static final int MAX_DEPTH = 16;
    /** The outputs of a denoiser's network: F in the plane. */
    public static final int DENOISER_OUTPUTS = 2;

    /** A denoiser's network: two outputs. */
    public Architecture(int width, int depth, Activation activation, boolean residual, TimeEmbedding embedding,
                        int frequencies, int classes, long embeddingSeed) {
        this(width, depth, activation, residual, embedding, frequencies, classes, embeddingSeed, DENOISER_OUTPUTS);
    }

    public Architecture {
        InvalidInputException.require(width >= 1 && width <= MAX_WIDTH,
                "The width must lie between 1 and " + MAX_WIDTH + ", got " + width + ".");
        InvalidInputException.require(depth >= 1 && depth <= MAX_DEPTH,
                "The depth must lie between 1 and " + MAX_DEPTH + ", got " + depth + ".");
        InvalidInputException.require(frequencies >= 1 && frequencies <= 64,
                "The time embedding needs between 1 and 64 frequencies, got " + frequencies + ".");
        InvalidInputException.require(classes >= 0 && classes <= 1000,
                "The number of classes must lie between 0 and 1000, got " + classes + ".");
        InvalidInputException.require(outputs >= 1 && outputs <= 1001,
                "A network's outputs must number between 1 and 1001, got " + outputs + ".");
        if (activation == null || embedding == null) {
            throw new IllegalArgumentException("activation and embedding are required");
        }
    }

    /** The default network: 3 hidden layers of 128 SiLU units, sinusoidal time, unconditional. */
    public static Architecture defaults() {
        return new Architecture(DEFAULT_WIDTH, DEFAULT_DEPTH, Activation.SILU, false,
                TimeEmbedding.SINUSOIDAL, DEFAULT_FREQUENCIES, 0, 0);
    }

    public Architecture withSize(int newWidth, int newDepth) {
        return new Architecture(newWidth, newDepth, activation, residual, embedding, frequencies, classes,
                embeddingSeed, outputs);
    }

    public Architecture withActivation(Activation a) {
        return new Architecture(width, depth, a, residual, embedding, frequencies, classes, embeddingSeed, outputs);
    }

    public Architecture withResidual(boolean r) {
        return new Architecture(width, depth, activation, r, embedding, frequencies, classes, embeddingSeed, outputs);
    }

    public Architecture withEmbedding(TimeEmbedding e, long seed) {
        return new Architecture(width, depth, activation, residual, e, frequencies, classes, seed, outputs);
    }

    public Architecture withClasses(int k) {
        return new Architecture(width, depth, activation, residual, embedding, frequencies, k, embeddingSeed, outputs);
    }

    public Architecture withOutputs(int n) {
        return new Architecture(width, depth, activation, residual, embedding, frequencies, classes, embeddingSeed, n);
    }

    /** Columns of the input: 2 + 2F (+ K + 1). */
    public int inputSize() {
        return 2 + 2 * frequencies + (classes > 0 ? classes + 1 : 0);
    }

    /** The "none" label of a conditional network (classifier-free guidance). */
    public int noneLabel() {
        return classes;
    }

    /** Rows and columns of layer l's weight matrix, l = 0 … depth (the last is the output layer). */
    int fanIn(int layer) {
        return layer == 0 ? inputSize() : width;
    }

    int fanOut(int layer) {
        return layer == depth ? outputs : width;
    }

    /** Weights and biases of all layers. */
    public int parameterCount() {
        int p = 0;
        for (int l = 0; l <= depth; l++) {
            p += (fanIn(l) + 1) * fanOut(l);
        }
        return p;
    }

    /** Multiply–adds of one point's forward pass (the matrix products only). */
    public long multiplyAddsPerPoint() {
        long m = 0;
        for (int l = 0; l <= depth; l++) {
            m += (long) fanIn(l) * fanOut(l);
        }
        return m;
    }
}
