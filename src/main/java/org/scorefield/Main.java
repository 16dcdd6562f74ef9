package org.scorefield;

import org.scorefield.app.ScorefieldApp;
import org.scorefield.cli.ScorefieldCli;

/**
 * Entry point of {@code scorefield.jar}: no arguments open the explorer window, anything else is a
 * headless command ({@code scorefield --help} lists them).
 *
 * <p>This class does not extend {@code javafx.application.Application}: launching such a class
 * from the class path fails with "JavaFX runtime components are missing", and the headless
 * commands should not load JavaFX at all.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            ScorefieldApp.launchWindow(args);
        } else {
            System.exit(ScorefieldCli.run(args));
        }
    }
}
