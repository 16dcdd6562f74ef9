package org.scorefield.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;
import org.scorefield.core.schedule.VeGeometric;
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
                    + "the papers'; for ve, sigma_max defaults to the data's diameter (Song & Ermon 2020)."})
    Map<String, Double> params = new LinkedHashMap<>();

    /** Whether the user gave {@code --process} or any {@code --param}, rather than relying on the defaults. */
    boolean given() {
        return processGiven() || command.commandLine().getParseResult().hasMatchedOption("--param");
    }

    private boolean processGiven() {
        return command.commandLine().getParseResult().hasMatchedOption("--process");
    }

    /** The schedule, with VE's σ_max from the data's diameter unless given. */
    Schedule resolve(PointSet data) {
        return resolve(data, ScheduleKind.fromId(process));
    }

    /** {@link #resolve(PointSet)}, with another kind than {@code --process}'s default when it is not given. */
    Schedule resolve(PointSet data, ScheduleKind kindIfNotGiven) {
        ScheduleKind kind = processGiven() ? ScheduleKind.fromId(process) : kindIfNotGiven;
        Map<String, Double> p = new LinkedHashMap<>(params);
        if (kind == ScheduleKind.VE && !p.containsKey("sigma_max")) {
            double sigmaMin = p.getOrDefault("sigma_min", ScheduleKind.VE.createDefault().parameters().get("sigma_min"));
            p.put("sigma_max", VeGeometric.forData(data, sigmaMin).sigmaMax());
        }
        return kind.create(p);
    }
}
