package org.scorefield.app.canvas;

/** How several canvases share an area: the grid whose cells have the largest smaller side. */
public final class PanelGrid {

    private PanelGrid() {
    }

    /**
     * The number of columns for n cells in a w × h area that makes each cell's smaller side largest:
     * side by side in a wide area, 2 × 2 for four in a square one.
     */
    public static int columnsFor(int n, double w, double h) {
        int best = 1;
        double bestSide = 0;
        for (int columns = 1; columns <= n; columns++) {
            int rows = (n + columns - 1) / columns;
            double side = Math.min(w / columns, h / rows);
            if (side > bestSide + 1e-9) {
                best = columns;
                bestSide = side;
            }
        }
        return best;
    }
}
