package org.scorefield.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --process} and its constants. */
final class ProcessOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--process", defaultValue = "vp", paramLabel = "<vp|subvp|vp-cosine|ve|edm|linear|trig>",
            description = "Noising schedule, t = 0 data, t = 1 noise (default ${DEFAULT-VALUE}).")
    String process;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = {"A constant of the schedule, e.g. beta_max=10 or sigma_max=8; repeatable. Defaults are "
                    + "the window's: the papers' values, except the noise at t = 1 of ve (5) and edm (10), "
                    + "which suit data of unit spread."})
    Map<String, Double> params = new LinkedHashMap<>();

    /** Whether the user gave {@code --process} or any {@code --param}, rather than relying on the defaults. */
    boolean given() {
        return processGiven() || command.commandLine().getParseResult().hasMatchedOption("--param");
    }

    private boolean processGiven() {
        return command.commandLine().getParseResult().hasMatchedOption("--process");
    }

    /** The schedule: the constants given, the others at the defaults the window uses too. */
    Schedule resolve() {
        return resolve(ScheduleKind.fromId(process));
    }

    /** {@link #resolve()}, with another kind than {@code --process}'s default when it is not given. */
    Schedule resolve(ScheduleKind kindIfNotGiven) {
        ScheduleKind kind = processGiven() ? ScheduleKind.fromId(process) : kindIfNotGiven;
        return kind.create(new LinkedHashMap<>(params));
    }
}
