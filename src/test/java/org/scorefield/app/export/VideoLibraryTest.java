package org.scorefield.app.export;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorefield.app.settings.AnimationFormat;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.Progress;

/**
 * Where FFmpeg cannot load (simulated), MP4 falls back to jcodec and says so, and WebM is refused in one
 * sentence before any work; the MP4 jcodec writes is still read by FFmpeg's demuxer and decoder.
 */
class VideoLibraryTest {

    private static final String WHY = "its native library for this test is missing";

    @TempDir
    Path dir;

    @AfterEach
    void ffmpegAsItIs() {
        VideoLibrary.simulateMissingFfmpeg(null);
    }

    @Test
    void withFfmpegItIsChosenAndNamed() {
        assertEquals(VideoLibrary.FFMPEG, VideoLibrary.best());
        assertTrue(VideoLibrary.best().encoder(AnimationFormat.MP4).contains("(FFmpeg "));
        assertTrue(VideoLibrary.FFMPEG.writes(AnimationFormat.WEBM));
    }

    @Test
    void onlyTheVideoFormatsAskForFfmpeg() {
        assertEquals(VideoLibrary.FFMPEG, VideoLibrary.forWriting(AnimationFormat.MP4));
        assertEquals(VideoLibrary.FFMPEG, VideoLibrary.forWriting(AnimationFormat.WEBM));
        for (AnimationFormat image : new AnimationFormat[] {AnimationFormat.GIF, AnimationFormat.APNG,
            AnimationFormat.PNG}) {
            assertEquals(VideoLibrary.JCODEC, VideoLibrary.forWriting(image), image.id());
            assertTrue(VideoLibrary.forWriting(image).encoder(image).startsWith("javax.imageio"), image.id());
        }
    }

    @Test
    void withoutFfmpegMp4IsWrittenByJcodecAndSaysWhy() {
        VideoLibrary.simulateMissingFfmpeg(WHY);
        assertEquals(VideoLibrary.JCODEC, VideoLibrary.best());
        assertEquals("jcodec (FFmpeg could not load: " + WHY + ")", VideoLibrary.best().encoder(AnimationFormat.MP4));
        Path out = dir.resolve("fallback.mp4");
        AnimationWriter.write(AnimationFormat.MP4, out, FfmpegEncoderTest.halves(0).getWidth(),
                FfmpegEncoderTest.halves(0).getHeight(), 10, 8, FfmpegEncoderTest::halves, Progress.NONE);
        VideoLibrary.simulateMissingFfmpeg(null); // FFmpeg's decoder reads what jcodec wrote
        VideoDecoding.Video video = VideoDecoding.decode(out, new int[][] {{8, 8}});
        assertEquals(AV_CODEC_ID_H264, video.codecId());
        assertEquals(8, video.frames());
    }

    @Test
    void withoutFfmpegWebmIsRefusedInOneSentenceBeforeAnyWork() {
        VideoLibrary.simulateMissingFfmpeg(WHY);
        Path out = dir.resolve("x.webm");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> AnimationWriter.write(
                AnimationFormat.WEBM, out, 64, 64, 10, 4, i -> {
                    throw new AssertionError("no frame may be drawn");
                }, Progress.NONE));
        assertEquals("WebM (VP9) needs FFmpeg, which could not load on this computer: " + WHY + "; choose MP4 "
                + "(jcodec writes it here) or GIF instead.", e.getMessage());
        assertFalse(Files.exists(out));
        assertFalse(VideoLibrary.JCODEC.writes(AnimationFormat.WEBM));
    }
}
