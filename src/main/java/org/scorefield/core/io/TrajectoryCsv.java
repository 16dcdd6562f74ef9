package org.scorefield.core.io;

import java.io.IOException;
import java.nio.file.Path;
import org.scorefield.core.sample.Trajectories;

/**
 * Writes sampling trajectories as CSV, one row per particle and recorded time:
 * {@code particle,step,t,x,y,denoised_x,denoised_y} (the last two empty when the denoising
 * trajectory was not recorded). Written atomically.
 */
public final class TrajectoryCsv {

    private TrajectoryCsv() {
    }

    public static void write(Trajectories trajectories, Path file) {
        try {
            AtomicFiles.write(file, w -> {
                w.write("particle,step,t,x,y,denoised_x,denoised_y\n");
                double[] times = trajectories.times();
                StringBuilder row = new StringBuilder(96);
                for (int p = 0; p < trajectories.particles(); p++) {
                    for (int r = 0; r < times.length; r++) {
                        double[] pos = trajectories.positions()[r];
                        row.setLength(0);
                        row.append(p).append(',').append(r).append(',').append(times[r]).append(',')
                                .append(pos[2 * p]).append(',').append(pos[2 * p + 1]).append(',');
                        if (trajectories.hasDenoised()) {
                            double[] d = trajectories.denoised()[r];
                            row.append(d[2 * p]).append(',').append(d[2 * p + 1]);
                        } else {
                            row.append(',');
                        }
                        w.write(row.append('\n').toString());
                    }
                }
            });
        } catch (IOException e) {
            throw IoReasons.cannotWrite(file, e);
        }
    }
}
