package org.scorefield.core.io;

import java.io.IOException;
import java.nio.file.Path;
import org.scorefield.core.nn.LossHistory;

/**
 * Writes a training loss history as CSV, {@code step,loss,steps}: one row per kept bucket, its
 * mean step, mean loss and how many steps it holds (every step while a run is short, at most the
 * history's capacity of rows however long). Written atomically.
 */
public final class LossCsv {

    private LossCsv() {
    }

    /** @return the rows written, the header not counted */
    public static int write(LossHistory history, Path file) {
        int[] rows = new int[1];
        try {
            AtomicFiles.write(file, w -> {
                w.write("step,loss,steps\n");
                for (int i = 0; i < history.span(); i++) {
                    if (history.count(i) > 0) {
                        w.write(history.meanStep(i) + "," + history.meanLoss(i) + "," + history.count(i) + "\n");
                        rows[0]++;
                    }
                }
            });
        } catch (IOException e) {
            throw IoReasons.cannotWrite(file, e);
        }
        return rows[0];
    }
}
