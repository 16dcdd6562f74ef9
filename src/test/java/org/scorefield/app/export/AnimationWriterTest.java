package org.scorefield.app.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jcodec.api.FrameGrab;
import org.jcodec.api.awt.AWTFrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorefield.app.settings.AnimationFormat;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.Progress;

/**
 * Every format decodes, with an independent decoder (ImageIO for GIF and PNG, jcodec's own demuxer
 * and decoder for MP4, a chunk reader for APNG), to the asked size and frame count; and a write that
 * fails or is cancelled leaves the previous file as it was.
 */
class AnimationWriterTest {

    private static final int W = 96;
    private static final int H = 64;
    private static final int FRAMES = 12;

    @TempDir
    Path dir;

    /** Frame i: white, with a black square moving right by 6 px per frame and a blue bar. */
    static BufferedImage frame(int i) {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean square = x >= 6 * i && x < 6 * i + 16 && y >= 20 && y < 36;
                image.setRGB(x, y, square ? 0x000000 : y > 54 ? 0x0072b2 : 0xffffff);
            }
        }
        return image;
    }

    private long write(AnimationFormat format, Path out) {
        return AnimationWriter.write(format, out, W, H, 10, FRAMES, AnimationWriterTest::frame,
                Progress.NONE);
    }

    @Test
    void gifDecodesToEveryFrameWithItsExactColours() throws IOException {
        Path out = dir.resolve("a.gif");
        long bytes = write(AnimationFormat.GIF, out);
        assertEquals(Files.size(out), bytes);
        try (ImageInputStream in = ImageIO.createImageInputStream(out.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(FRAMES, reader.getNumImages(true));
            for (int i = 0; i < FRAMES; i++) {
                BufferedImage decoded = reader.read(i);
                assertEquals(W, decoded.getWidth());
                assertEquals(H, decoded.getHeight());
                // the lab's colours are in the palette exactly, so these pixels come back unchanged
                assertEquals(0x000000, decoded.getRGB(6 * i + 8, 28) & 0xffffff, "frame " + i);
                assertEquals(0xffffff, decoded.getRGB(6 * i + 8, 10) & 0xffffff);
                assertEquals(0x0072b2, decoded.getRGB(3, 60) & 0xffffff);
            }
            reader.dispose();
        }
        String text = new String(Files.readAllBytes(out), StandardCharsets.ISO_8859_1);
        assertEquals(1, count(text, "NETSCAPE2.0"), "the looping extension, once");
    }

    @Test
    void apngHasOneControlChunkPerFrameAndItsFirstFrameIsAPlainPng() throws IOException {
        Path out = dir.resolve("a.png");
        write(AnimationFormat.APNG, out);
        BufferedImage first = ImageIO.read(out.toFile());
        assertEquals(W, first.getWidth());
        assertEquals(H, first.getHeight());
        assertEquals(0x000000, first.getRGB(8, 28) & 0xffffff);
        ByteBuffer png = ByteBuffer.wrap(Files.readAllBytes(out));
        png.position(8);
        int frameControls = 0;
        int announced = -1;
        int sequence = 0;
        String last = "";
        while (png.remaining() >= 12) {
            int length = png.getInt();
            byte[] type = new byte[4];
            png.get(type);
            last = new String(type, StandardCharsets.US_ASCII);
            int start = png.position();
            if (last.equals("acTL")) {
                announced = png.getInt(start);
                assertEquals(0, png.getInt(start + 4), "loops forever");
            } else if (last.equals("fcTL") || last.equals("fdAT")) {
                assertEquals(sequence++, png.getInt(start), "sequence numbers run 0, 1, 2, …");
                if (last.equals("fcTL")) {
                    frameControls++;
                    assertEquals(W, png.getInt(start + 4));
                    assertEquals(H, png.getInt(start + 8));
                    // delay = numerator / denominator seconds = 1/10 s at 10 fps
                    assertEquals(0.1, png.getShort(start + 20) / (double) png.getShort(start + 22), 1e-12);
                }
            }
            png.position(start + length + 4);
        }
        assertEquals(FRAMES, announced);
        assertEquals(FRAMES, frameControls);
        assertEquals("IEND", last);
    }

    @Test
    void mp4DecodesWithJcodecToEveryFrame() throws Exception {
        Path out = dir.resolve("a.mp4");
        write(AnimationFormat.MP4, out);
        try (var channel = NIOUtils.readableChannel(out.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(channel);
            int decoded = 0;
            Picture picture;
            while ((picture = grab.getNativeFrame()) != null) {
                assertEquals(W, picture.getCroppedWidth());
                assertEquals(H, picture.getCroppedHeight());
                decoded++;
            }
            assertEquals(FRAMES, decoded);
        }
        // lossy, but the square is still where it was: dark inside, light outside
        BufferedImage five = AWTFrameGrab.getFrame(out.toFile(), 5);
        assertTrue(luma(five.getRGB(30 + 8, 28)) < 60, "inside the square");
        assertTrue(luma(five.getRGB(30 + 8, 8)) > 200, "above it");
    }

    @Test
    void aPngSequenceIsAFolderOfNumberedFrames() throws IOException {
        Path out = dir.resolve("frames");
        long bytes = write(AnimationFormat.PNG, out);
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(FRAMES, files.count());
        }
        BufferedImage last = ImageIO.read(out.resolve(PngSequenceEncoder.name(FRAMES - 1)).toFile());
        assertArrayEquals(frame(FRAMES - 1).getRGB(0, 0, W, H, null, 0, W), last.getRGB(0, 0, W, H, null, 0, W));
        assertTrue(bytes > 0);
        InvalidInputException notEmpty = assertThrows(InvalidInputException.class, () -> write(AnimationFormat.PNG, out));
        assertTrue(notEmpty.getMessage().contains("not empty"), notEmpty.getMessage());
    }

    @Test
    void aFailingOrCancelledExportLeavesThePreviousFileAndNoLeftovers() throws IOException {
        for (AnimationFormat format : AnimationFormat.values()) {
            Path out = dir.resolve("keep" + format.extension() + (format == AnimationFormat.PNG ? "-frames" : ""));
            write(format, out);
            byte[] before = format == AnimationFormat.PNG ? null : Files.readAllBytes(out);
            IntFunction<BufferedImage> failing = i -> {
                if (i == 5) {
                    throw new IllegalStateException("the model went away");
                }
                return frame(i);
            };
            Path target = format == AnimationFormat.PNG ? dir.resolve("new-frames") : out;
            assertThrows(IllegalStateException.class, () -> AnimationWriter.write(format, target, W, H, 10, FRAMES,
                    failing, Progress.NONE));
            Progress cancel = new Progress() {
                @Override
                public void update(String phase, double fraction) {
                }

                @Override
                public boolean cancelled() {
                    return true;
                }
            };
            assertThrows(CancellationException.class, () -> AnimationWriter.write(format, target, W, H, 10, FRAMES,
                    AnimationWriterTest::frame, cancel));
            if (before != null) {
                assertArrayEquals(before, Files.readAllBytes(out), format + ": the previous file is intact");
            } else {
                assertFalse(Files.exists(target), "no half-written folder");
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")),
                    "temporary outputs are removed");
        }
    }

    @Test
    void aCancelThatComesAfterTheLastFrameStillLeavesThePreviousFile() throws IOException {
        Path out = dir.resolve("late.gif");
        write(AnimationFormat.GIF, out);
        byte[] before = Files.readAllBytes(out);
        List<Double> seen = new ArrayList<>();
        Progress lateCancel = new Progress() {
            @Override
            public void update(String phase, double fraction) {
                seen.add(fraction);
            }

            @Override
            public boolean commit() {
                return false; // cancelled once every frame was encoded, before the file went in place
            }
        };
        assertThrows(CancellationException.class, () -> AnimationWriter.write(AnimationFormat.GIF, out, W, H, 10,
                FRAMES, AnimationWriterTest::frame, lateCancel));
        assertEquals(FRAMES, seen.size(), "every frame was encoded");
        assertEquals(1.0, seen.get(FRAMES - 1));
        assertArrayEquals(before, Files.readAllBytes(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void gifDelaysAddUpToTheDurationAndFastGifsAreRefused() {
        for (double fps : new double[] {24, 30, 29.97, 50}) {
            long total = 0;
            int frames = (int) Math.round(10 * fps);
            for (int i = 0; i < frames; i++) {
                int d = GifEncoder.delay(i, fps);
                assertTrue(d >= 2 && d <= 5, fps + " fps, frame " + i + ": " + d);
                total += d;
            }
            assertEquals(Math.round(100.0 * frames / fps), total, fps + " fps: 10 s in hundredths");
        }
        InvalidInputException fast = assertThrows(InvalidInputException.class, () -> AnimationWriter.write(
                AnimationFormat.GIF, dir.resolve("fast.gif"), W, H, 60, 10, AnimationWriterTest::frame,
                Progress.NONE));
        assertTrue(fast.getMessage().contains("at most 50 frames per second"), fast.getMessage());
    }

    @Test
    void theFileHasTheDefaultPermissionsOfASavedFile() throws IOException {
        Path out = dir.resolve("shared.gif");
        write(AnimationFormat.GIF, out);
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        if (Files.getFileStore(out).supportsFileAttributeView("posix")) {
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out),
                    "not the owner-only permissions of a temporary file");
        }
    }

    @Test
    void impossibleSettingsAreRefusedBeforeAnyWork() {
        IntFunction<BufferedImage> never = i -> {
            throw new AssertionError("no frame may be drawn");
        };
        InvalidInputException odd = assertThrows(InvalidInputException.class, () -> AnimationWriter.write(
                AnimationFormat.MP4, dir.resolve("x.mp4"), 101, 64, 30, 10, never, Progress.NONE));
        assertTrue(odd.getMessage().contains("even width and height"), odd.getMessage());
        assertThrows(InvalidInputException.class, () -> AnimationWriter.write(AnimationFormat.GIF, dir, 64, 64, 30,
                10, never, Progress.NONE));
        assertThrows(InvalidInputException.class, () -> AnimationWriter.write(AnimationFormat.GIF,
                dir.resolve("x.gif"), 64, 64, 0, 10, never, Progress.NONE));
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }

    private static int luma(int rgb) {
        return (((rgb >> 16) & 0xff) * 3 + ((rgb >> 8) & 0xff) * 6 + (rgb & 0xff)) / 10;
    }
}
