package org.scorefield.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.metric.ErrorVersusNfe;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.schedule.Schedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scorefield solvers}: error versus NFE of several solvers against a fine reference solve. */
@Command(name = "solvers", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run each solver at each step count from the same N prior points and report the mean "
                + "endpoint distance (at t_min) to a fine RK4 reference solve of the PF-ODE from those points: the "
                + "data behind an error-versus-NFE chart.",
            "Prints {\"rows\":[{\"solver\",\"steps\",\"nfe\",\"error\",\"stochastic\"},…],\"reference_error\",…}."},
        footer = {"", "Examples:",
            "  scorefield solvers --oracle 8gaussians --process vp --solvers euler,heun,dpm2m,rk4 "
                    + "--steps 4,8,16,32,64 --n 500 --seed 1",
            "  scorefield solvers --oracle moons --process edm --grid edm --solvers heun,dpm2m --steps 8,16,32 "
                    + "--n 200 --seed 2",
            "  scorefield solvers --model moons-eps.json --solvers euler,heun,dpm2m --steps 8,16,32 --n 500 --seed 1"})
final class SolversCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OracleOptions oracleOptions;

    @Mixin
    ProcessOptions processOptions;

    @Option(names = "--solvers", split = ",", defaultValue = "euler,heun,rk4,ddim,dpm2m", paramLabel = "LIST",
            description = "Comma-separated solvers (default ${DEFAULT-VALUE}).")
    List<String> solvers;

    @Option(names = "--steps", split = ",", defaultValue = "4,8,16,32,64", paramLabel = "LIST",
            description = "Comma-separated step counts (default ${DEFAULT-VALUE}).")
    List<Integer> steps;

    @Mixin
    TuningOptions tuning;

    @Option(names = "--n", defaultValue = "500", paramLabel = "N", description = "Start points (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of the start points (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--ref-steps", defaultValue = "" + ErrorVersusNfe.DEFAULT_REFERENCE_STEPS, paramLabel = "K",
            description = "RK4 steps of the reference solve (default ${DEFAULT-VALUE}).")
    int referenceSteps;

    @Override
    public Integer call() {
        InvalidInputException.require(n >= 1 && n <= 100_000, "--n must lie between 1 and 100000, got " + n + ".");
        InvalidInputException.require(referenceSteps >= 2 && referenceSteps <= 100_000,
                "--ref-steps must lie between 2 and 100000, got " + referenceSteps + ".");
        DenoiserSource source = oracleOptions.resolve(processOptions);
        Denoiser denoiser = source.denoiser();
        Schedule schedule = denoiser.schedule();
        List<SamplerSettings> settings = new ArrayList<>();
        for (String id : new LinkedHashSet<>(solvers)) {
            settings.add(tuning.settings(SamplerKind.fromId(id.trim()), null));
        }
        int[] k = steps.stream().mapToInt(Integer::intValue).toArray();
        for (int s : k) {
            InvalidInputException.require(s >= 1 && s <= 100_000, "Step counts must lie between 1 and 100000, got " + s + ".");
        }

        long started = System.nanoTime();
        ErrorVersusNfe.Result result = ErrorVersusNfe.compute(denoiser, source.start(), settings, k, n, seed,
                referenceSteps);
        double seconds = (System.nanoTime() - started) / 1e9;

        ObjectNode json = Json.object();
        source.putName(json);
        json.set("process", SampleCommand.processJson(schedule));
        json.put("source", source.start().id());
        json.put("grid", settings.get(0).grid().id());
        json.put("n", n);
        json.put("seed", seed);
        Json.put(json, "t_start", result.tStart());
        Json.put(json, "t_min", result.tEnd());
        json.put("reference", "rk4");
        json.put("reference_steps", referenceSteps);
        Json.put(json, "reference_error", result.referenceError());
        ArrayNode rows = json.putArray("rows");
        for (ErrorVersusNfe.Row r : result.rows()) {
            ObjectNode row = rows.addObject();
            row.put("solver", r.solver().id());
            row.put("steps", r.steps());
            row.put("nfe", r.nfe());
            Json.put(row, "error", r.error());
            row.put("stochastic", r.stochastic());
        }
        Json.put(json, "seconds", seconds);
        Json.print(spec.commandLine().getOut(), json);
        return 0;
    }
}
