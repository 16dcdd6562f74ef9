package org.scorefield.core.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * One matrix product {@code C (m×n) = op(A) (m×k) · op(B) (k×n)} as {@link Mlp} performs it.
 *
 * @param transA whether A is stored transposed (k×m)
 * @param transB whether B is stored transposed (n×k)
 */
public record GemmShape(int m, int n, int k, boolean transA, boolean transB) {

    /** Floating-point operations: one multiply and one add per term. */
    public long flops() {
        return 2L * m * n * k;
    }

    /**
     * The products of one training step of {@link Mlp} on a batch, in order: the forward pass, then
     * for each layer backwards its weight gradient, bias gradient (a ones-vector product) and, except
     * for the first layer, the gradient of its input.
     */
    public static List<GemmShape> trainingStep(Architecture a, int batch) {
        List<GemmShape> out = new ArrayList<>();
        for (int l = 0; l <= a.depth(); l++) {
            out.add(new GemmShape(batch, a.fanOut(l), a.fanIn(l), false, false));
        }
        for (int l = a.depth(); l >= 0; l--) {
            out.add(new GemmShape(a.fanIn(l), a.fanOut(l), batch, true, false));
            out.add(new GemmShape(1, a.fanOut(l), batch, false, false));
            if (l > 0) {
                out.add(new GemmShape(batch, a.fanIn(l), a.fanOut(l), false, true));
            }
        }
        return out;
    }

    /** Total floating-point operations of a list of products. */
    public static long flops(List<GemmShape> shapes) {
        return shapes.stream().mapToLong(GemmShape::flops).sum();
    }
}
