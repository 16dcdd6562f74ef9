package org.scorefield.core.flow;

import java.util.Objects;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/**
 * The path between the data (t = 0) and what x1 is (t = 1) along which the exact quantities are
 * computed: the density p_t, the fields, the oracle's samples, the data's particles at t.
 *
 * <p>The rule (docs/math.md §8.3): flow matching follows its linear path {@code x_t = (1−t)·x0 + t·x1}
 * from its source, whatever the process; every other objective follows the process from N(0, I).
 * A trained flow-matching model keeps the path it was trained on. The window and the command line
 * both take the path from here.
 *
 * @param schedule the process, or the linear path of flow matching
 * @param source   what x1 is: N(0, I), or flow matching's source (then the schedule must be the linear path)
 */
public record ExactPath(Schedule schedule, FlowSource source) {

    public ExactPath {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(source, "source");
        if (!source.isGaussian() && schedule.kind() != ScheduleKind.LINEAR) {
            throw new IllegalArgumentException("a flow from " + source.displayName()
                    + " follows the linear path, not " + schedule.kind());
        }
    }

    /** The process from N(0, I) noise. */
    public static ExactPath diffusion(Schedule process) {
        return new ExactPath(process, FlowSource.gaussian());
    }

    /**
     * The path a model of these settings learns: flow matching's linear path from its source, or
     * else the process from N(0, I).
     */
    public static ExactPath forSettings(Objective objective, Schedule process, FlowSource source) {
        return objective == Objective.FLOW_MATCHING ? new ExactPath(ScheduleKind.LINEAR.createDefault(), source)
                : diffusion(process);
    }

    /** The path a trained flow-matching model follows: the schedule it was trained on, from its own source. */
    public static ExactPath of(TrainedModel flowModel) {
        return new ExactPath(flowModel.parameterization().schedule(), flowModel.flow().source());
    }

    /** Whether this is a flow from another source than N(0, I), which has no reverse SDE and no score of noise. */
    public boolean isFlow() {
        return !source.isGaussian(); // then the schedule is the linear path (checked when made)
    }
}
