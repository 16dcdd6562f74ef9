package org.scorefield.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam (Kingma & Ba 2015, Algorithm 1) with bias correction, global-norm gradient clipping
 * (Pascanu et al. 2013), linear learning-rate warm-up and an exponential moving average of the
 * weights (Polyak averaging, as in DDPM and EDM), over one flat weight vector:
 * <pre>
 *   g ← g · min(1, c/‖g‖)
 *   m ← β₁m + (1−β₁)g,   v ← β₂v + (1−β₂)g²
 *   θ ← θ − η_k · (m/(1−β₁ᵏ)) / (sqrt(v/(1−β₂ᵏ)) + ε),   η_k = η·min(1, k/warm-up)
 *   θ_ema ← d_k θ_ema + (1−d_k) θ,   d_k = min(d, (1+k)/(10+k))
 * </pre>
 * Every operation works in place on buffers allocated once.
 */
final class Adam {

    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    private final INDArray m;
    private final INDArray v;
    private final INDArray tmp;
    private final INDArray ema;
    private long step;

    Adam(INDArray params) {
        m = Nd4j.zerosLike(params);
        v = Nd4j.zerosLike(params);
        tmp = Nd4j.zerosLike(params);
        ema = params.dup();
    }

    /** Steps taken. */
    long steps() {
        return step;
    }

    /** The averaged weights. */
    INDArray ema() {
        return ema;
    }

    /** ‖g‖₂, to be checked for finiteness before {@link #apply}. */
    static double norm(INDArray grads) {
        // BLAS dot: ND4J's norm2 reduction took 0.26 ms on 35k weights, the dot 0.01 ms
        return Math.sqrt(Nd4j.getBlasWrapper().dot(grads, grads));
    }

    /** One update of params from grads (whose norm is gradNorm); grads is scaled in place when clipped. */
    void apply(INDArray params, INDArray grads, double gradNorm, TrainingSettings s) {
        step++;
        if (gradNorm > s.clipNorm()) {
            grads.muli(s.clipNorm() / gradNorm);
        }
        m.muli(BETA1);
        Nd4j.getBlasWrapper().level1().axpy(m.length(), 1 - BETA1, grads, m);
        grads.mul(grads, tmp);
        v.muli(BETA2);
        Nd4j.getBlasWrapper().level1().axpy(v.length(), 1 - BETA2, tmp, v);
        double warm = s.warmupSteps() == 0 ? 1 : Math.min(1.0, step / (double) s.warmupSteps());
        double lr = s.learningRate() * warm;
        double c1 = 1 - Math.pow(BETA1, step);
        double c2 = 1 - Math.pow(BETA2, step);
        Nd4j.getExecutioner().exec(new Sqrt(v, tmp));
        tmp.muli(1 / Math.sqrt(c2)).addi(EPSILON);
        m.div(tmp, tmp);
        Nd4j.getBlasWrapper().level1().axpy(params.length(), -lr / c1, tmp, params);
        double d = Math.min(s.emaDecay(), (1.0 + step) / (10.0 + step));
        ema.muli(d);
        Nd4j.getBlasWrapper().level1().axpy(params.length(), 1 - d, params, ema);
    }
}
