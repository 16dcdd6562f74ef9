package org.scorefield.cli;

import java.io.PrintWriter;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.io.InputFiles;
import org.scorefield.core.nn.TrainingThreads;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Runs one headless command and returns its exit code: 0 on success, 2 for input the user can fix
 * (a bad option, an unreadable file, an impossible setting: one clear line on stderr), 1 for an
 * internal failure. Commands print exactly one JSON object on stdout.
 */
public final class ScorefieldCli {

    /** Exit code for bad input. */
    public static final int BAD_INPUT = 2;
    /** Exit code for an internal failure. */
    public static final int INTERNAL_ERROR = 1;

    private ScorefieldCli() {
    }

    /**
     * Runs a command as the {@code scorefield} process does: training steps use every core up to
     * {@link TrainingThreads#SHARDS} (no window needs one).
     */
    public static int run(String[] args) {
        TrainingThreads.useAvailableCores();
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** Runs with the given streams (tests capture them). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine(out, err);
        return cli.execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new ScorefieldCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(ScorefieldCli::badParameter);
        // every path option: one sentence for text that is no path here (a NUL, an empty name)
        cli.registerConverter(java.nio.file.Path.class, text -> {
            try {
                return InputFiles.argument(text, "the path");
            } catch (InvalidInputException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        });
        cli.setExecutionExceptionHandler((e, command, parseResult) -> failure(e, command));
        return cli;
    }

    private static int badParameter(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println(command.getCommandName().equals("scorefield")
                ? "scorefield: " + oneLine(e.getMessage()) + " (see 'scorefield --help')"
                : qualifiedName(command) + ": " + oneLine(e.getMessage()) + " (see '" + qualifiedName(command)
                        + " --help')");
        return BAD_INPUT;
    }

    private static int failure(Exception e, CommandLine command) {
        String name = qualifiedName(command);
        if (e instanceof InvalidInputException) {
            command.getErr().println(name + ": " + oneLine(e.getMessage()));
            return BAD_INPUT;
        }
        command.getErr().println(name + ": internal error: " + oneLine(String.valueOf(e))
                + " (set SCOREFIELD_DEBUG=1 for details)");
        if (System.getenv("SCOREFIELD_DEBUG") != null) {
            e.printStackTrace(command.getErr());
        }
        return INTERNAL_ERROR;
    }

    private static String qualifiedName(CommandLine command) {
        return command.getCommandSpec().qualifiedName();
    }

    /** The longest message printed: every message that quotes input shortens it; this is the last guard. */
    private static final int MAX_MESSAGE_CHARS = 400;

    private static String oneLine(String message) {
        // picocli starts its argument-group messages with "Error: ", which the command name replaces
        String line = message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").trim().replaceFirst("^Error: ", "");
        return line.length() <= MAX_MESSAGE_CHARS ? line : line.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}
