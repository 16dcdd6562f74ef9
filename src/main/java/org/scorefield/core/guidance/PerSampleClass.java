package org.scorefield.core.guidance;

import java.util.function.IntFunction;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.Schedule;

/**
 * Every particle guided towards a class of its own (docs/math.md §9.4): particle i of a batch follows
 * the denoiser of class {@code labels[i]}, so one run makes samples of every class from one draw of
 * the starting noise, as a conditional network does with a batch of labels. A batch of another size
 * than the labels (a few paths started by a click) takes the labels in turn, {@code labels[i mod n]}.
 * One call is one evaluation per class present in the batch, each on its own particles.
 */
public final class PerSampleClass implements Denoiser {

    private final Denoiser[] byClass;
    private final int[] labels;

    /**
     * @param classes how many classes there are
     * @param guided  class c's denoiser (called once per class, here)
     * @param labels  each particle's class, 0 … classes − 1
     */
    public PerSampleClass(int classes, IntFunction<Denoiser> guided, int[] labels) {
        InvalidInputException.require(classes > 0 && labels.length > 0, "Guidance per sample needs a class and "
                + "a sample.");
        byClass = new Denoiser[classes];
        for (int label : labels) {
            InvalidInputException.require(label >= 0 && label < classes, "A sample's class must lie between 0 and "
                    + (classes - 1) + ", got " + label + ".");
            if (byClass[label] == null) {
                byClass[label] = guided.apply(label);
            }
        }
        this.labels = labels.clone();
    }

    /**
     * n labels drawn independently with the given class probabilities (they need not sum to one),
     * from the seed: the same seed gives the same classes.
     */
    public static int[] draw(double[] weights, int n, long seed) {
        double total = 0;
        for (double w : weights) {
            InvalidInputException.require(w >= 0 && Double.isFinite(w), "A class weight must be finite and "
                    + "non-negative, got " + w + ".");
            total += w;
        }
        InvalidInputException.require(total > 0, "At least one class needs a positive weight.");
        SeededRandom random = new SeededRandom(SeededRandom.derive(seed, "sample-classes"));
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            double u = random.nextUniform() * total;
            int c = 0;
            double below = weights[0];
            while (u >= below && c < weights.length - 1) {
                c++;
                below += weights[c];
            }
            // a class of weight 0 is never drawn, even where rounding leaves u at the very top
            while (weights[c] == 0) {
                c--;
            }
            out[i] = c;
        }
        return out;
    }

    /** Each particle's class (a copy). */
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public Schedule schedule() {
        return first().schedule();
    }

    @Override
    public boolean gaussianNoise() {
        for (Denoiser d : byClass) {
            if (d != null && !d.gaussianNoise()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean hasScore() {
        for (Denoiser d : byClass) {
            if (d != null && !d.hasScore()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double[] denoise(double[] xt, double t) {
        return split(xt, (d, part) -> d.denoise(part, t));
    }

    @Override
    public double[] score(double[] xt, double t) {
        return split(xt, (d, part) -> d.score(part, t));
    }

    private interface Head {
        double[] of(Denoiser d, double[] part);
    }

    /** Each class's particles through its own denoiser, put back in their places. */
    private double[] split(double[] xt, Head head) {
        int n = xt.length / 2;
        double[] out = new double[xt.length];
        for (int c = 0; c < byClass.length; c++) {
            if (byClass[c] == null) {
                continue;
            }
            int count = 0;
            for (int i = 0; i < n; i++) {
                count += labels[i % labels.length] == c ? 1 : 0;
            }
            if (count == 0) {
                continue;
            }
            double[] part = new double[2 * count];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (labels[i % labels.length] == c) {
                    part[2 * k] = xt[2 * i];
                    part[2 * k + 1] = xt[2 * i + 1];
                    k++;
                }
            }
            double[] result = head.of(byClass[c], part);
            k = 0;
            for (int i = 0; i < n; i++) {
                if (labels[i % labels.length] == c) {
                    out[2 * i] = result[2 * k];
                    out[2 * i + 1] = result[2 * k + 1];
                    k++;
                }
            }
        }
        return out;
    }

    private Denoiser first() {
        for (Denoiser d : byClass) {
            if (d != null) {
                return d;
            }
        }
        throw new IllegalStateException("no class");
    }
}
