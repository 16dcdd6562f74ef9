package org.scorefield.core.io;

import java.io.IOException;
import java.nio.file.Path;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.VectorGrid;

/**
 * Writes a vector field on its grid as CSV, one row per grid point: {@code x,y,u,v}, rows along x
 * first. Written atomically.
 */
public final class FieldCsv {

    private FieldCsv() {
    }

    public static void write(VectorGrid field, Path file) {
        GridSpec g = field.spec();
        try {
            AtomicFiles.write(file, w -> {
                w.write("x,y,u,v\n");
                StringBuilder row = new StringBuilder(80);
                for (int j = 0; j < g.ny(); j++) {
                    for (int i = 0; i < g.nx(); i++) {
                        row.setLength(0);
                        row.append(g.x(i)).append(',').append(g.y(j)).append(',').append(field.vx(i, j)).append(',')
                                .append(field.vy(i, j)).append('\n');
                        w.write(row.toString());
                    }
                }
            });
        } catch (IOException e) {
            throw IoReasons.cannotWrite(file, e);
        }
    }
}
