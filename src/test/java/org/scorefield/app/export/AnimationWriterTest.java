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
        List<Shown> shown = decodeGif(out);
        assertEquals(FRAMES, shown.size(), "every frame differs from the one before, so each is written");
        for (int i = 0; i < FRAMES; i++) {
            // only the lab's colours, which are in the palette exactly: every pixel comes back unchanged
            assertPixelsEqual(frame(i), shown.get(i).picture(), "frame " + i);
            assertEquals(GifEncoder.delay(i, 10), shown.get(i).hundredths());
        }
        String text = new String(Files.readAllBytes(out), StandardCharsets.ISO_8859_1);
        assertEquals(1, count(text, "NETSCAPE2.0"), "the looping extension, once");
    }

    /**
     * Frame differencing: a still picture is one frame held longer, and a frame that changes a small
     * square is written as that square alone; what a viewer shows at every hundredth of a second is
     * still the frame given for that moment.
     */
    @Test
    void gifWritesOnlyWhatChangedAndHoldsStillFrames() throws IOException {
        int[] order = {0, 0, 0, 1, 2, 2, 3};
        Path out = dir.resolve("still.gif");
        AnimationWriter.write(AnimationFormat.GIF, out, W, H, 10, order.length, i -> frame(order[i]), Progress.NONE);
        List<Shown> shown = decodeGif(out);
        assertEquals(4, shown.size(), "the repeats lengthen the frame before them");
        int[] expectedDelays = {30, 10, 20, 10};
        for (int k = 0; k < 4; k++) {
            assertPixelsEqual(frame(k), shown.get(k).picture(), "frame " + k);
            assertEquals(expectedDelays[k], shown.get(k).hundredths(), "delay of frame " + k);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(out.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            // frame 1 moves the 16 x 16 square 6 px right: 22 x 16 pixels changed
            assertEquals(22, reader.getWidth(1));
            assertEquals(16, reader.getHeight(1));
            reader.dispose();
        }
    }

    /**
     * Blends (here a soft grey disc moving over white, its rim in colours that are not the lab's) may
     * stay within the tolerance of their new colour, but every pixel that returns to the background
     * is white again: a moving point leaves no trail.
     */
    @Test
    void gifBlendsStayCloseAndTheBackgroundComesBackExactly() throws IOException {
        IntFunction<BufferedImage> disc = i -> {
            BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    double r = Math.hypot(x - (20 + 3 * i), y - 32);
                    int v = r >= 12 ? 255 : (int) Math.round(120 + 135 * r / 12); // grey centre, soft rim
                    image.setRGB(x, y, v << 16 | v << 8 | v);
                }
            }
            return image;
        };
        Path out = dir.resolve("disc.gif");
        AnimationWriter.write(AnimationFormat.GIF, out, W, H, 10, 12, disc, Progress.NONE);
        List<Shown> shown = decodeGif(out);
        assertEquals(12, shown.size());
        for (int i = 0; i < 12; i++) {
            BufferedImage given = disc.apply(i);
            BufferedImage seen = shown.get(i).picture();
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int g = given.getRGB(x, y) & 0xff;
                    int s = seen.getRGB(x, y) & 0xff;
                    if (g == 255) {
                        assertEquals(0xffffff, seen.getRGB(x, y) & 0xffffff, "background at " + x + "," + y);
                    } else {
                        // the palette's nearest grey (steps under 26) and the tolerance of 64
                        assertTrue(Math.abs(g - s) <= 64 + 13, "frame " + i + " at " + x + "," + y + ": " + s
                                + " for " + g);
                    }
                }
            }
        }
    }

    /** A faint stroke appearing over the white background is written, not lost to the tolerance. */
    @Test
    void gifWritesFaintStrokesThatAppearOverTheBackground() throws IOException {
        IntFunction<BufferedImage> faint = i -> {
            BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    boolean stroke = i > 0 && y == 30 + (x % 3) && x > 10 && x < 80;
                    int v = stroke ? 215 : 255; // a light grey, 40 from white: inside the tolerance
                    image.setRGB(x, y, v << 16 | v << 8 | v);
                }
            }
            return image;
        };
        Path out = dir.resolve("faint.gif");
        AnimationWriter.write(AnimationFormat.GIF, out, W, H, 10, 2, faint, Progress.NONE);
        BufferedImage seen = decodeGif(out).get(1).picture();
        int drawn = 0;
        for (int x = 11; x < 80; x++) {
            int s = seen.getRGB(x, 30 + (x % 3)) & 0xff;
            assertTrue(Math.abs(s - 215) <= 13, "x = " + x + ": " + s);
            drawn++;
        }
        assertEquals(69, drawn);
    }

    /** A picture a GIF viewer shows and for how long. */
    private record Shown(BufferedImage picture, int hundredths) {
    }

    /**
     * Decodes a GIF as a viewer does, independently of the encoder: each image laid at its position
     * over the picture so far, its transparent pixels leaving what was there (every frame here keeps
     * the picture, "do not dispose").
     */
    static List<Shown> decodeGif(Path file) throws IOException {
        List<Shown> shown = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            int n = reader.getNumImages(true);
            BufferedImage picture = null;
            for (int i = 0; i < n; i++) {
                javax.imageio.metadata.IIOMetadataNode root = (javax.imageio.metadata.IIOMetadataNode)
                        reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                var descriptor = (javax.imageio.metadata.IIOMetadataNode) root.getElementsByTagName("ImageDescriptor").item(0);
                var control = (javax.imageio.metadata.IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                int left = Integer.parseInt(descriptor.getAttribute("imageLeftPosition"));
                int top = Integer.parseInt(descriptor.getAttribute("imageTopPosition"));
                boolean transparent = Boolean.parseBoolean(control.getAttribute("transparentColorFlag").toLowerCase());
                int transparentIndex = Integer.parseInt(control.getAttribute("transparentColorIndex"));
                assertTrue(List.of("none", "doNotDispose").contains(control.getAttribute("disposalMethod")));
                BufferedImage part = reader.read(i);
                if (picture == null) {
                    assertEquals(0, left);
                    assertEquals(0, top);
                    picture = new BufferedImage(part.getWidth(), part.getHeight(), BufferedImage.TYPE_INT_RGB);
                }
                java.awt.image.Raster raster = part.getRaster();
                boolean indexed = part.getColorModel() instanceof java.awt.image.IndexColorModel;
                for (int y = 0; y < part.getHeight(); y++) {
                    for (int x = 0; x < part.getWidth(); x++) {
                        if (transparent && indexed && raster.getSample(x, y, 0) == transparentIndex) {
                            continue;
                        }
                        picture.setRGB(left + x, top + y, part.getRGB(x, y));
                    }
                }
                BufferedImage copy = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
                copy.setData(picture.getData());
                shown.add(new Shown(copy, Integer.parseInt(control.getAttribute("delayTime"))));
            }
            reader.dispose();
        }
        return shown;
    }

    private static void assertPixelsEqual(BufferedImage expected, BufferedImage actual, String what) {
        assertEquals(expected.getWidth(), actual.getWidth(), what);
        assertEquals(expected.getHeight(), actual.getHeight(), what);
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                if ((expected.getRGB(x, y) & 0xffffff) != (actual.getRGB(x, y) & 0xffffff)) {
                    throw new AssertionError(String.format("%s: pixel (%d, %d) is %06x, expected %06x", what, x, y,
                            actual.getRGB(x, y) & 0xffffff, expected.getRGB(x, y) & 0xffffff));
                }
            }
        }
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
