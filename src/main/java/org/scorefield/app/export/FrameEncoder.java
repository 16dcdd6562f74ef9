package org.scorefield.app.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.scorefield.app.settings.AnimationFormat;

/**
 * Writes the frames of one animation, in order, to a file (or a folder for a PNG sequence), then
 * {@link #finish()}es it. Encoders write where they are told; {@link AnimationWriter} points them
 * at a temporary path and renames it into place only when the whole animation is written.
 */
public interface FrameEncoder extends AutoCloseable {

    /** Appends one frame of the animation's size (type {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB}). */
    void frame(BufferedImage image) throws IOException;

    /** Writes what remains (trailer, index) and closes the output. */
    void finish() throws IOException;

    /** Releases the output without finishing (after a failure or a cancel); never throws. */
    @Override
    void close();

    /**
     * An encoder of this format.
     *
     * @param video  which library writes MP4 and WebM (jcodec writes no WebM: {@link VideoLibrary#writes})
     * @param path   where to write (a file; a folder for {@link AnimationFormat#PNG})
     * @param width  frame width in pixels
     * @param height frame height
     * @param fps    frames per second
     * @param frames the number of frames that will follow (APNG writes it first)
     */
    static FrameEncoder open(AnimationFormat format, VideoLibrary video, Path path, int width, int height, double fps,
                             int frames) throws IOException {
        return switch (format) {
            case GIF -> new GifEncoder(path, fps);
            case MP4 -> video == VideoLibrary.FFMPEG ? new FfmpegEncoder(format, path, width, height, fps)
                    : new Mp4Encoder(path, width, height, fps);
            case WEBM -> {
                if (video != VideoLibrary.FFMPEG) {
                    throw new IllegalStateException(video.refusal(format));
                }
                yield new FfmpegEncoder(format, path, width, height, fps);
            }
            case APNG -> new ApngEncoder(path, width, height, fps, frames);
            case PNG -> new PngSequenceEncoder(path);
        };
    }
}
