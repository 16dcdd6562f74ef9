package org.scorefield.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.scorefield.core.Identified;

/**
 * The nonlinearity between the layers of an {@link Mlp}, applied in place to preallocated ND4J
 * buffers. Each keeps one auxiliary buffer from the forward pass (the sigmoid for SiLU, the tanh
 * for GELU) so that the backward pass computes the derivative without a second transcendental.
 * <pre>
 *   SiLU (Elfwing et al. 2018; "swish"):  a = z·s,  s = sigmoid(z),  a' = s + a(1 − s)
 *   GELU (Hendrycks & Gimpel 2016), the tanh form:  a = ½z(1 + h),  h = tanh(u),
 *        u = √(2/π)(z + 0.044715 z³),   a' = ½(1 + h) + ½z(1 − h²)·√(2/π)(1 + 3·0.044715 z²)
 *   ReLU:  a = max(z, 0),  a' = [z > 0]
 * </pre>
 */
public enum Activation implements Identified {
    SILU("silu", "SiLU"),
    GELU("gelu", "GELU"),
    RELU("relu", "ReLU");

    private static final double GELU_C = Math.sqrt(2 / Math.PI);
    private static final double GELU_K = 0.044715;

    private final String id;
    private final String displayName;

    Activation(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    @Override
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public static Activation fromId(String id) {
        return Identified.byId(Activation.class, id, "activation");
    }

    /**
     * z ← z + bias (the row added to every row), then a = φ(z); {@code aux} keeps what
     * {@link #backward} needs. In FLOAT, SiLU and GELU run through {@link FloatKernels} on the host
     * copies {@code host} (three arrays of z's length, the first holding z + bias; {@code hostBias}
     * is scratch of one row), the bias added in the same pass, and z itself is not rewritten (nothing
     * reads it after this); in DOUBLE, through ND4J's exact ops.
     */
    void forward(INDArray z, INDArray bias, INDArray aux, INDArray a, float[][] host, float[] hostBias) {
        if (onHost(z.dataType())) {
            int n = (int) z.length();
            HostCopy.readFloats(z, host[0]);
            HostCopy.readRow(bias, hostBias);
            FloatKernels.addRow(host[0], hostBias, n);
            if (this == SILU) {
                FloatKernels.silu(host[0], host[1], host[2], n);
            } else {
                FloatKernels.gelu(host[0], host[1], host[2], n);
            }
            HostCopy.write(a, host[2]);
            return;
        }
        z.addiRowVector(bias);
        switch (this) {
            case SILU -> {
                Nd4j.getExecutioner().exec(new Sigmoid(z, aux));
                z.mul(aux, a);
            }
            case GELU -> {
                // u = √(2/π)(z + k z³) into a, then h = tanh(u) into aux
                z.mul(z, a).muli(GELU_K).addi(1).muli(z).muli(GELU_C);
                Nd4j.getExecutioner().exec(new Tanh(a, aux));
                aux.add(1, a).muli(z).muli(0.5);
            }
            case RELU -> {
                Nd4j.getExecutioner().exec(new RectifiedLinear(z, a, 0.0));
                Nd4j.getExecutioner().exec(new Sign(a, aux)); // the indicator [z > 0]
            }
        }
    }

    /**
     * Whether this activation runs on host copies (FLOAT SiLU and GELU); then it needs no ND4J
     * aux or tmp buffer.
     */
    boolean onHost(DataType type) {
        return this != RELU && type == DataType.FLOAT;
    }

    /**
     * dz = dh ⊙ φ'(z), from the forward pass's z, aux and a ({@code host} for FLOAT SiLU and
     * GELU, with {@code hostGrad} as scratch); {@code tmp} is scratch.
     */
    void backward(INDArray z, INDArray aux, INDArray a, INDArray dh, INDArray tmp, INDArray dz,
                  float[][] host, float[] hostGrad) {
        if (onHost(z.dataType())) {
            int n = (int) z.length();
            HostCopy.readFloats(dh, hostGrad);
            if (this == SILU) {
                FloatKernels.siluBackward(hostGrad, host[1], host[2], n);
            } else {
                FloatKernels.geluBackward(hostGrad, host[0], host[1], n);
            }
            HostCopy.write(dz, hostGrad);
            return;
        }
        switch (this) {
            case SILU -> {
                // s + a(1 − s)
                aux.rsub(1, tmp).muli(a).addi(aux);
                dh.mul(tmp, dz);
            }
            case GELU -> {
                // ½z(1 − h²)·√(2/π)(1 + 3k z²) + ½(1 + h)
                z.mul(z, tmp).muli(3 * GELU_K).addi(1).muli(z).muli(0.5 * GELU_C);
                aux.mul(aux, dz).rsubi(1).muli(tmp);
                aux.add(1, tmp).muli(0.5);
                dz.addi(tmp).muli(dh);
            }
            case RELU -> dh.mul(aux, dz);
        }
    }
}
