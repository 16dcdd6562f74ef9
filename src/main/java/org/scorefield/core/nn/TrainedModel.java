package org.scorefield.core.nn;

import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.flow.FlowSetup;

/**
 * An immutable trained network: its shape, how its output relates to the process, its weights,
 * and how it was trained. Handed from the training thread to views and samplers; {@link #denoiser()}
 * gives each user its own evaluator.
 *
 * @param architecture   the network's shape
 * @param parameterization objective, process and preconditioning
 * @param weights        the weights used for sampling (the EMA when enabled), never modified
 * @param settings       the training settings
 * @param data           the training data's id
 * @param steps          optimiser steps taken
 * @param loss           the smoothed training loss at the last step
 * @param flow           flow matching's source, coupling and Reflow round (the standard setup otherwise)
 * @param classifier     a classifier of the training data's classes on noisy points, trained for this
 *                       model's process and times (classifier guidance, docs/math.md §9.2), if any
 */
public record TrainedModel(Architecture architecture, Parameterization parameterization, float[] weights,
                           TrainingSettings settings, String data, long steps, double loss, FlowSetup flow,
                           Optional<NoisyClassifier> classifier) {

    /** A model without a classifier. */
    public TrainedModel(Architecture architecture, Parameterization parameterization, float[] weights,
                        TrainingSettings settings, String data, long steps, double loss, FlowSetup flow) {
        this(architecture, parameterization, weights, settings, data, steps, loss, flow, Optional.empty());
    }

    /** A model of the standard setup: N(0, I) at t = 1, independent pairs. */
    public TrainedModel(Architecture architecture, Parameterization parameterization, float[] weights,
                        TrainingSettings settings, String data, long steps, double loss) {
        this(architecture, parameterization, weights, settings, data, steps, loss, FlowSetup.standard());
    }

    public TrainedModel {
        if (flow == null) {
            throw new IllegalArgumentException("a model needs its flow setup (FlowSetup.standard() for diffusion)");
        }
        if (weights.length != architecture.parameterCount()) {
            throw new IllegalArgumentException("expected " + architecture.parameterCount() + " weights, got "
                    + weights.length);
        }
        weights = weights.clone();
        classifier = classifier == null ? Optional.empty() : classifier;
    }

    /** This model with a classifier of its data's classes on noisy points (trained for its parameterization). */
    public TrainedModel withClassifier(NoisyClassifier noisyClassifier) {
        return new TrainedModel(architecture, parameterization, weights, settings, data, steps, loss, flow,
                Optional.of(noisyClassifier));
    }

    /** A copy of the weights. */
    @Override
    public float[] weights() {
        return weights.clone();
    }

    /**
     * Whether the window, and a session of it, samples this model under the process shown rather than its own: a
     * diffusion model of independent Gaussian noise, read through the change of time and scale (docs/math.md
     * §2.10). A flow-matching model keeps its own linear path whatever the process.
     */
    public boolean followsTheProcess() {
        return parameterization.objective() != Objective.FLOW_MATCHING && flow.isStandard();
    }

    /** A new evaluator of this model with its own buffers (unconditional, or the "none" label). */
    public Denoiser denoiser() {
        return new NetworkDenoiser(new Mlp(architecture, DataType.FLOAT, weights), parameterization,
                architecture.classes() > 0 ? architecture.noneLabel() : 0, flow.isStandard());
    }

    /**
     * A new evaluator of a conditional model for class {@code label} (0 … classes − 1): the network
     * given that label instead of "none" (docs/math.md §9.1).
     */
    public Denoiser denoiser(int label) {
        org.scorefield.core.InvalidInputException.require(architecture.classes() > 0, "This model was trained "
                + "without classes (train --conditional makes one with them).");
        org.scorefield.core.InvalidInputException.require(label >= 0 && label < architecture.classes(), "The class "
                + "must lie between 0 and " + (architecture.classes() - 1) + ", got " + label + ".");
        return new NetworkDenoiser(new Mlp(architecture, DataType.FLOAT, weights), parameterization, label,
                flow.isStandard());
    }
}
