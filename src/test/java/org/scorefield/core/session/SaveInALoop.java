package org.scorefield.core.session;

import java.nio.file.Path;

/**
 * A child process for {@link KillDuringSaveTest}: saves ever new versions of a large session over
 * one file, printing {@code saving k} before and {@code saved k} after each, until it is killed.
 */
public final class SaveInALoop {

    private SaveInALoop() {
    }

    public static void main(String[] args) {
        Path target = Path.of(args[0]);
        var model = Sessions.model(256, 4, 1);
        for (long k = 0; ; k++) {
            Session session = Sessions.session(5000, model, k);
            System.out.println("saving " + k);
            System.out.flush();
            SessionFile.save(session, target);
            System.out.println("saved " + k);
            System.out.flush();
        }
    }
}
