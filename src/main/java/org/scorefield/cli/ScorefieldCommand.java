package org.scorefield.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code scorefield}: the headless commands over the core. */
@Command(name = "scorefield", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Train and watch small 2D diffusion and flow-matching models.",
            "Without a command, scorefield.jar opens the explorer window; each command below prints one JSON "
                    + "object on stdout."},
        subcommands = {DataCommand.class, TrainCommand.class, SampleCommand.class, SolversCommand.class,
            BenchCommand.class, ScreenshotCommand.class, LessonCommand.class, ReflowCommand.class, RenderCommand.class,
            NllCommand.class, SdfCommand.class},
        footer = {"", "Exit codes: 0 success, 2 bad input (one line on stderr), 1 internal error."})
final class ScorefieldCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command: data, train, sample, solvers or bench");
    }
}
