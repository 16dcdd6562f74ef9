package org.scorefield.cli;

import org.scorefield.app.theme.Look;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.io.JsonFields;
import picocli.CommandLine.Option;

/** {@code --theme light|dark} and {@code --presenter}: how a picture or an animation is drawn. */
final class LookOptions {

    @Option(names = "--theme", defaultValue = "light", paramLabel = "light|dark", description = "Theme (default ${DEFAULT-VALUE}).")
    String theme;

    @Option(names = "--presenter", negatable = true, description = "Presenter mode: bigger text, lines and points "
            + "(--no-presenter turns it off, for a session saved with it on).")
    boolean presenter;

    /** The look asked for; refuses a theme other than light or dark. */
    Look look() {
        InvalidInputException.require(theme.equals("light") || theme.equals("dark"),
                "--theme takes light or dark, not '" + JsonFields.quote(theme) + "'.");
        return new Look(theme.equals("dark"), presenter);
    }
}
