package org.scorefield.app.settings;

/** The frame sizes an animation is exported at. */
public enum FrameSize {
    HD720("1280 × 720", 1280, 720), HD1080("1920 × 1080", 1920, 1080), SQUARE("1080 × 1080", 1080, 1080),
    CANVAS("the canvas's size", 0, 0);

    private final String label;
    private final int width;
    private final int height;

    FrameSize(String label, int width, int height) {
        this.label = label;
        this.width = width;
        this.height = height;
    }

    @Override
    public String toString() {
        return label;
    }

    /** Pixels, the canvas's own size rounded down to even numbers (as MP4 needs) for {@link #CANVAS}. */
    public int[] pixels(double canvasWidth, double canvasHeight) {
        return this == CANVAS ? new int[] {Math.max(16, 2 * (int) (canvasWidth / 2)),
            Math.max(16, 2 * (int) (canvasHeight / 2))} : new int[] {width, height};
    }
}
