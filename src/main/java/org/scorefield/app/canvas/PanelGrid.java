package org.scorefield.app.canvas;

/**
 * How several canvases share an area: the grid whose cells have the largest smaller side, without
 * an empty cell unless filling the grid would shrink the cells by more than a quarter.
 */
public final class PanelGrid {

    /** A grid that leaves no cell empty is taken while its cells keep this share of the best side. */
    static final double FULL_GRID_SHARE = 0.75;

    private PanelGrid() {
    }

    /**
     * The number of columns for n cells in a w × h area: side by side in a wide area, 2 × 2 for four
     * in a square one, and three in a row rather than a 2 × 2 grid with an empty quarter.
     */
    public static int columnsFor(int n, double w, double h) {
        int best = 1;
        double bestSide = 0;
        int full = 1;
        double fullSide = 0;
        for (int columns = 1; columns <= n; columns++) {
            int rows = (n + columns - 1) / columns;
            double side = Math.min(w / columns, h / rows);
            if (side > bestSide + 1e-9) {
                best = columns;
                bestSide = side;
            }
            if (rows * columns == n && side > fullSide + 1e-9) {
                full = columns;
                fullSide = side;
            }
        }
        return fullSide >= FULL_GRID_SHARE * bestSide ? full : best;
    }
}
