package org.scorefield.app.export;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VP9;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.scorefield.app.settings.AnimationFormat;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.Progress;

/**
 * MP4 and WebM written through FFmpeg and read back by FFmpeg's own demuxer and decoder: the stream is what
 * browsers and slide programs play (H.264 or VP9, 4:2:0, BT.709 limited range), every frame is there, and the
 * colours are the painted ones, converted back by the BT.709 formulas in the test; MP4 has its index first.
 */
class FfmpegEncoderTest {

    private static final int W = 160;
    private static final int H = 96;
    private static final int FRAMES = 15;
    /** Left and right halves of frame i: four flat colours in turn, unlike in every channel. */
    private static final int[][] LEFT = {{200, 40, 40}, {30, 120, 220}, {240, 200, 20}, {90, 90, 90}};
    private static final int[][] RIGHT = {{20, 160, 80}, {250, 250, 250}, {60, 20, 120}, {10, 10, 10}};
    /** The middle of each half, away from the edge between them. */
    private static final int[][] POINTS = {{W / 4, H / 2}, {3 * W / 4, H / 2}};

    @TempDir
    Path dir;

    @BeforeEach
    void ffmpegLoads() {
        VideoLibrary.simulateMissingFfmpeg(null);
        assertEquals(java.util.Optional.empty(), VideoLibrary.ffmpegProblem(),
                "the build ships FFmpeg's native library for this platform");
    }

    static BufferedImage halves(int i) {
        int[] l = LEFT[(i / 4) % LEFT.length];
        int[] r = RIGHT[(i / 4) % RIGHT.length];
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int[] c = x < W / 2 ? l : r;
                image.setRGB(x, y, c[0] << 16 | c[1] << 8 | c[2]);
            }
        }
        return image;
    }

    private VideoDecoding.Video roundTrip(AnimationFormat format, String name) {
        Path out = dir.resolve(name);
        long bytes = AnimationWriter.write(format, out, W, H, 10, FRAMES, FfmpegEncoderTest::halves, Progress.NONE);
        assertTrue(bytes > 0 && bytes == sizeOf(out));
        return VideoDecoding.decode(out, POINTS);
    }

    private static void assertPaintedColours(VideoDecoding.Video video, int tolerance) {
        for (int i = 0; i < FRAMES; i++) {
            int[][] painted = {LEFT[(i / 4) % LEFT.length], RIGHT[(i / 4) % RIGHT.length]};
            for (int k = 0; k < POINTS.length; k++) {
                int[] decoded = VideoDecoding.rgbFromBt709(video.samples().get(i)[k]);
                for (int c = 0; c < 3; c++) {
                    assertTrue(Math.abs(decoded[c] - painted[k][c]) <= tolerance, "frame " + i + ", half " + k
                            + ": painted " + java.util.Arrays.toString(painted[k]) + ", decoded "
                            + java.util.Arrays.toString(decoded));
                }
            }
        }
    }

    @Test
    void mp4IsH264In420WithEveryFrameAndThePaintedColours() throws IOException {
        VideoDecoding.Video video = roundTrip(AnimationFormat.MP4, "a.mp4");
        assertEquals(AV_CODEC_ID_H264, video.codecId());
        assertEquals(AV_PIX_FMT_YUV420P, video.codecPixelFormat());
        assertEquals(List.of(W, H), List.of(video.width(), video.height()));
        assertEquals(AVCOL_SPC_BT709, video.colorSpace());
        assertEquals(AVCOL_RANGE_MPEG, video.colorRange());
        assertEquals(FRAMES, video.streamFrames(), "the container's frame count");
        assertEquals(FRAMES, video.frames(), "frames decoded");
        assertTrue(video.framePixelFormats().stream().allMatch(f -> f == AV_PIX_FMT_YUV420P));
        assertPaintedColours(video, 6);
    }

    @Test
    void webmIsVp9In420WithEveryFrameAndThePaintedColours() {
        VideoDecoding.Video video = roundTrip(AnimationFormat.WEBM, "a.webm");
        assertEquals(AV_CODEC_ID_VP9, video.codecId());
        assertEquals(AV_PIX_FMT_YUV420P, video.codecPixelFormat());
        assertEquals(List.of(W, H), List.of(video.width(), video.height()));
        assertEquals(AVCOL_SPC_BT709, video.colorSpace());
        assertEquals(FRAMES, video.frames(), "frames decoded");
        assertTrue(video.framePixelFormats().stream().allMatch(f -> f == AV_PIX_FMT_YUV420P));
        assertPaintedColours(video, 6);
    }

    /** Top-level boxes of the MP4, read as ISO/IEC 14496-12 §4.2 lays them out: size, type, body. */
    @Test
    void theMp4IndexComesBeforeTheMediaSoAPlayerCanStartEarly() throws IOException {
        Path out = dir.resolve("fast.mp4");
        AnimationWriter.write(AnimationFormat.MP4, out, W, H, 10, FRAMES, FfmpegEncoderTest::halves, Progress.NONE);
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(out));
        List<String> boxes = new java.util.ArrayList<>();
        while (file.remaining() >= 8) {
            long size = Integer.toUnsignedLong(file.getInt());
            byte[] type = new byte[4];
            file.get(type);
            if (size == 1) {
                size = file.getLong();
                file.position(file.position() + (int) size - 16);
            } else {
                file.position(file.position() + (int) size - 8);
            }
            boxes.add(new String(type, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        assertEquals("ftyp", boxes.get(0));
        assertTrue(boxes.indexOf("moov") >= 0 && boxes.indexOf("moov") < boxes.indexOf("mdat"), boxes.toString());
    }

    @Test
    void theEncoderIsNamedWithFfmpegsVersion() {
        String mp4 = VideoLibrary.best().encoder(AnimationFormat.MP4);
        assertTrue(mp4.matches("lib(openh264|x264) \\(FFmpeg [0-9][^)]*\\)"), mp4);
        assertEquals("libvpx-vp9 (FFmpeg " + VideoLibrary.ffmpegVersion().orElseThrow() + ")",
                VideoLibrary.best().encoder(AnimationFormat.WEBM));
    }

    @Test
    void webmNeedsAnEvenSizeToo() {
        IntFunction<BufferedImage> never = i -> {
            throw new AssertionError("no frame may be drawn");
        };
        InvalidInputException odd = assertThrows(InvalidInputException.class, () -> AnimationWriter.write(
                AnimationFormat.WEBM, dir.resolve("x.webm"), 101, 64, 30, 10, never, Progress.NONE));
        assertTrue(odd.getMessage().contains("even width and height"), odd.getMessage());
    }

    /** Cancelled half-way, frames painted on two threads: the previous file stays, nothing is left beside it. */
    @Test
    void aCancelHalfWayLeavesThePreviousFile() throws IOException {
        for (AnimationFormat format : new AnimationFormat[] {AnimationFormat.MP4, AnimationFormat.WEBM}) {
            Path out = dir.resolve("keep" + format.extension());
            Files.writeString(out, "the lecture's previous video");
            int[] encoded = {0};
            Progress halfWay = new Progress() {
                @Override
                public void update(String phase, double fraction) {
                    encoded[0]++;
                }

                @Override
                public boolean cancelled() {
                    return encoded[0] >= FRAMES / 2;
                }
            };
            assertThrows(CancellationException.class, () -> AnimationWriter.write(format, VideoLibrary.FFMPEG, out,
                    W, H, 10, FRAMES, 2, () -> FfmpegEncoderTest::halves, halfWay));
            assertEquals(FRAMES / 2, encoded[0], format + ": stopped half-way, not before the first frame");
            assertEquals("the lecture's previous video", Files.readString(out));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("keep.mp4", "keep.webm"), files.map(p -> p.getFileName().toString()).sorted()
                    .toList(), "no temporary output is left");
        }
    }

    @Test
    void aFolderItCannotWriteInIsOneSentenceAndNothingElse() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        assumeTrue(locked.toFile().setWritable(false) && !Files.isWritable(locked), "permissions are enforced");
        try {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> AnimationWriter.write(
                    AnimationFormat.WEBM, locked.resolve("x.webm"), W, H, 10, FRAMES, FfmpegEncoderTest::halves,
                    Progress.NONE));
            assertTrue(e.getMessage().startsWith("Cannot write "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        } finally {
            locked.toFile().setWritable(true);
        }
    }

    /** Frame i a flat grey of its own, so that two frames out of order make another file. */
    static BufferedImage numbered(int i) {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        int grey = 20 + 14 * i;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                image.setRGB(x, y, grey << 16 | grey << 8 | grey);
            }
        }
        return image;
    }

    @ParameterizedTest
    @EnumSource(value = AnimationFormat.class, names = {"MP4", "WEBM"})
    void twoPaintersGiveTheSameFileAsOne(AnimationFormat format) throws IOException {
        Path one = dir.resolve("one" + format.extension());
        Path two = dir.resolve("two" + format.extension());
        AnimationWriter.write(format, VideoLibrary.FFMPEG, one, W, H, 10, FRAMES, 1,
                () -> FfmpegEncoderTest::numbered, Progress.NONE);
        AnimationWriter.write(format, VideoLibrary.FFMPEG, two, W, H, 10, FRAMES, 2,
                () -> FfmpegEncoderTest::numbered, Progress.NONE);
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two),
                "the frames reach the encoder in order, and the same frames make the same file");
    }

    @Test
    void swappingTwoFramesMakesAnotherFile() throws IOException {
        // the check above could not tell frames out of order if their order left no trace in the file
        Path straight = dir.resolve("straight.mp4");
        Path swapped = dir.resolve("swapped.mp4");
        AnimationWriter.write(AnimationFormat.MP4, straight, W, H, 10, FRAMES, FfmpegEncoderTest::numbered,
                Progress.NONE);
        AnimationWriter.write(AnimationFormat.MP4, swapped, W, H, 10, FRAMES,
                i -> numbered(i == 5 ? 6 : i == 6 ? 5 : i), Progress.NONE);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(straight), Files.readAllBytes(swapped)));
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
