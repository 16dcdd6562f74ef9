package org.scorefield.app.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorefield.app.theme.Look;
import org.scorefield.app.canvas.WorldView;
import org.scorefield.app.canvas.TrajectoryRole;
import org.scorefield.app.canvas.WorldCanvas;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.sample.Recording;
import org.scorefield.core.sample.SampleResult;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.sample.Sampling;
import org.scorefield.core.sample.Trajectories;
import org.scorefield.core.schedule.ScheduleKind;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An exported frame is the on-screen frame at the same t and size, pixel for pixel. */
@ExtendWith(ApplicationExtension.class)
class AnimationTest {

    private static final int W = 480;
    private static final int H = 320;

    @Start
    void start(Stage stage) {
        // The toolkit only: the primary stage is left alone, as the window tests use it at their size.
    }

    private static Animation sampling(Look look) {
        var denoiser = new GaussianMixtureDenoiser(DatasetPreset.EIGHT_GAUSSIANS.mixture().orElseThrow(),
                ScheduleKind.VP.createDefault());
        SamplerSettings heun = SamplerSettings.defaults(SamplerKind.HEUN).withSteps(16);
        SampleResult run = Sampling.fromPrior(denoiser, heun, 300, 4, Recording.POSITIONS);
        PointSet data = DatasetPreset.EIGHT_GAUSSIANS.sample(200, 1);
        return new Animation(Animation.sampling(run.trajectories(), 20, TrajectoryRole.ODE,
                heun.kind().displayName(), run.nfe(), data), W, H, 10, 3, 0.5, true, look);
    }

    @Test
    void anExportedFrameIsTheOnScreenFrameAtTheSameTime() throws Exception {
        for (Look look : new Look[] {Look.DEFAULT, new Look(true, true)}) {
            Animation animation = sampling(look);
            int i = 17;
            double t = animation.time(i);
            BufferedImage exported = new Animation.Painter(animation).frame(i);

            Stage window = WaitForAsyncUtils.asyncFx(() -> new Stage()).get(30, TimeUnit.SECONDS);
            WorldCanvas screen = WaitForAsyncUtils.asyncFx(() -> {
                WorldCanvas c = new WorldCanvas(WorldView.DEFAULT, "screen");
                c.setLook(look);
                c.setFrame(animation.frame(t));
                javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(c);
                window.setScene(new Scene(root, W, H));
                window.show();
                root.layout();
                return c;
            }).get(30, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            int[] shown = WaitForAsyncUtils.asyncFx(() -> {
                WritableImage image = screen.canvas().snapshot(null, null);
                int[] argb = new int[W * H];
                image.getPixelReader().getPixels(0, 0, W, H, PixelFormat.getIntArgbInstance(), argb, 0, W);
                return argb;
            }).get(30, TimeUnit.SECONDS);
            WaitForAsyncUtils.asyncFx((Runnable) window::close).get(30, TimeUnit.SECONDS);
            assertEquals(W, (int) screen.canvas().getWidth());
            int[] file = exported.getRGB(0, 0, W, H, null, 0, W);
            assertArrayEquals(shown, file, "dark = " + look.dark());
        }
    }

    @Test
    void timeHoldsAtBothEndsAndRunsFromNoiseToDataForSampling() {
        Animation a = sampling(Look.DEFAULT);
        assertEquals(30, a.frameCount());
        assertEquals(1.0, a.time(0));
        assertEquals(1.0, a.time(5), "held for 0.5 s at 10 fps");
        assertTrue(a.time(6) < 1);
        assertEquals(0.0, a.time(24), 1e-12);
        assertEquals(0.0, a.time(29));
        for (int i = 1; i < 30; i++) {
            assertTrue(a.time(i) <= a.time(i - 1));
        }
        Animation noising = new Animation(Animation.noising(DatasetPreset.MOONS.sample(50, 1),
                ScheduleKind.VP.createDefault(), 1), 64, 64, 10, 2, 0, false, Look.DEFAULT);
        assertEquals(0.0, noising.time(0));
        assertEquals(1.0, noising.time(19));
        assertEquals(null, noising.frame(0.5).title(), "no overlay");
        // Heun at 16 steps: 2 per step but the last, and the final denoising step
        assertTrue(a.frame(0.5).title().contains("t = 0.50") && a.frame(0.5).title().contains("NFE 33"),
                a.frame(0.5).title());
    }

    @Test
    void theOverlayNamesTheRunThenTAndKeepsTheFramesOwnNotesBelow() {
        var notes = Animation.sweep(t -> org.scorefield.app.canvas.CanvasFrame.EMPTY.withTitle("exact score at t"),
                "", 1);
        Animation untitled = new Animation(notes, 64, 64, 10, 2, 0, true, Look.DEFAULT);
        assertEquals("t = 0.50\nexact score at t", untitled.frame(0.5).title(),
                "no run: the line starts with t, not with a separator");
        Animation titled = new Animation(Animation.sweep(t -> org.scorefield.app.canvas.CanvasFrame.EMPTY, "Heun", 1),
                64, 64, 10, 2, 0, true, Look.DEFAULT);
        assertEquals("Heun  ·  t = 0.50", titled.frame(0.5).title());
        Animation off = new Animation(notes, 64, 64, 10, 2, 0, false, Look.DEFAULT);
        assertEquals(null, off.frame(0.5).title(), "no overlay, no title");
    }

    @Test
    void aSplitFrameIsTwoSingleFramesSideBySide() {
        var denoiser = new GaussianMixtureDenoiser(DatasetPreset.EIGHT_GAUSSIANS.mixture().orElseThrow(),
                ScheduleKind.VP.createDefault());
        SamplerSettings base = SamplerSettings.defaults(SamplerKind.SDE).withSteps(16);
        Trajectories ode = Sampling.fromPrior(denoiser, base.withEta(0), 200, 4, Recording.POSITIONS).trajectories();
        Trajectories sde = Sampling.fromPrior(denoiser, base.withEta(1), 200, 4, Recording.POSITIONS).trajectories();
        Animation.Content split = Animation.split(ode, "PF-ODE", 16, sde, "SDE", 16, 20, null, null,
                ScheduleKind.VP.createDefault());
        Animation both = new Animation(split, W, H, 10, 2, 0, true, Look.DEFAULT);
        int i = 7;
        BufferedImage frame = new Animation.Painter(both).frame(i);
        for (int k = 0; k < 2; k++) {
            Animation alone = new Animation(split.parts().get(k), W / 2, H, 10, 2, 0, true, Look.DEFAULT);
            BufferedImage single = new Animation.Painter(alone).frame(i);
            // the panel without its first column (the hairline between the panels is drawn there)
            int[] expected = single.getRGB(1, 0, W / 2 - 1, H, null, 0, W / 2 - 1);
            int[] inFrame = frame.getRGB(k * (W / 2) + 1, 0, W / 2 - 1, H, null, 0, W / 2 - 1);
            if (k == 0) {
                // the left panel's last column: the same, the hairline is to its right
                expected = single.getRGB(0, 0, W / 2 - 1, H, null, 0, W / 2 - 1);
                inFrame = frame.getRGB(0, 0, W / 2 - 1, H, null, 0, W / 2 - 1);
            }
            // the same pixels, up to the software renderer's rounding of edges under a clip (±2 per channel)
            int worst = 0;
            for (int p = 0; p < expected.length; p++) {
                for (int shift = 0; shift < 24; shift += 8) {
                    worst = Math.max(worst, Math.abs((expected[p] >> shift & 255) - (inFrame[p] >> shift & 255)));
                }
            }
            assertTrue(worst <= 2, "panel " + k + " differs by up to " + worst + " per channel");
        }
    }

    @Test
    void laterWorkThatFailsRunsOnceAndEveryFrameFailsAlike() {
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        Animation.Content content = Animation.later(() -> {
            runs.incrementAndGet();
            throw new IllegalStateException("training failed");
        }, "retrained", 0);
        IllegalStateException first = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> content.at(0.5));
        IllegalStateException second = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> content.label(0.7));
        assertEquals(first, second);
        assertEquals(1, runs.get(), "the work is not started again for the next frame");
        assertEquals("retrained", content.title());

        java.util.concurrent.atomic.AtomicInteger errorRuns = new java.util.concurrent.atomic.AtomicInteger();
        Animation.Content outOfMemory = Animation.later(() -> {
            errorRuns.incrementAndGet();
            throw new OutOfMemoryError("retraining");
        }, "retrained", 0);
        org.junit.jupiter.api.Assertions.assertThrows(OutOfMemoryError.class, () -> outOfMemory.at(0));
        org.junit.jupiter.api.Assertions.assertThrows(OutOfMemoryError.class, () -> outOfMemory.at(1));
        assertEquals(1, errorRuns.get(), "an Error too is remembered");
    }
}
