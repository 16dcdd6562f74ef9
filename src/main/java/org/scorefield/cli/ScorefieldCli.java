package org.scorefield.cli;

/** The headless commands (placeholder). */
public final class ScorefieldCli {

    private ScorefieldCli() {
    }

    public static int run(String[] args) {
        System.err.println("scorefield: no commands yet");
        return 2;
    }
}
