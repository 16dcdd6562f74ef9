package org.scorefield.app.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.scorefield.app.settings.AnimationFormat;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.Progress;
import org.scorefield.core.io.AtomicFiles;

/**
 * Writes an animation frame by frame so that the target is either the previous file or the complete
 * new one: frames go to a temporary file (or folder) beside the target, renamed over it at the end;
 * a failure or a cancel deletes the temporary output and leaves the target as it was.
 *
 * <p>An {@link Animation}'s frames are prepared on {@value #PAINTERS} threads, each with its own
 * {@link Animation.Painter}: a frame's data is computed and its pixels read back on that thread, while the
 * drawing and rasterising run on the FX thread, one frame at a time. They are encoded on the calling thread
 * in order as they complete
 * ({@link ParallelFrames}); FFmpeg's encoders add threads of their own. MP4 and WebM go through FFmpeg
 * when it loads here and MP4 through jcodec otherwise ({@link VideoLibrary}): {@link VideoLibrary#encoder}
 * says which, for the caller to report.
 */
public final class AnimationWriter {

    /** Threads preparing an animation's frames: both cores of the machines the lab is measured on. */
    static final int PAINTERS = 2;
    /** Frames painted ahead of the encoder, at most. */
    private static final int BUFFER = 6;

    private AnimationWriter() {
    }

    /**
     * Writes the animation's frames, prepared on {@value #PAINTERS} threads, with the best video library here.
     *
     * @return the bytes written (all files of a PNG sequence)
     * @throws InvalidInputException for an impossible size or target, a format this computer cannot write,
     *         or a write that failed (the target is then as it was)
     * @throws CancellationException if the progress asked to stop before the file was put in place
     *         (the target is as it was); once {@link Progress#commit committed}, it is written
     */
    public static long write(AnimationFormat format, Path target, Animation animation, Progress progress) {
        return write(format, VideoLibrary.forWriting(format), target, animation, progress);
    }

    /** {@link #write(AnimationFormat, Path, Animation, Progress)} with this video library (the bench's reference). */
    public static long write(AnimationFormat format, VideoLibrary video, Path target, Animation animation,
                             Progress progress) {
        return write(format, video, target, animation.width(), animation.height(), animation.fps(),
                animation.frameCount(), PAINTERS, () -> new Animation.Painter(animation)::frame, progress);
    }

    /**
     * Writes {@code count} frames of {@code width × height}, frame i from {@code frames.apply(i)}, called on
     * one thread (other than the caller's), in order.
     *
     * @return the bytes written (all files of a PNG sequence)
     * @throws InvalidInputException as {@link #write(AnimationFormat, Path, Animation, Progress)}
     * @throws CancellationException as {@link #write(AnimationFormat, Path, Animation, Progress)}
     */
    public static long write(AnimationFormat format, Path target, int width, int height, double fps, int count,
                             IntFunction<BufferedImage> frames, Progress progress) {
        return write(format, VideoLibrary.forWriting(format), target, width, height, fps, count, 1, () -> frames, progress);
    }

    /** The general case: {@code painters} threads, each painting with a painter of its own from {@code painter}. */
    static long write(AnimationFormat format, VideoLibrary video, Path target, int width, int height, double fps,
                      int count, int painters, Supplier<IntFunction<BufferedImage>> painter, Progress progress) {
        check(format, video, target, width, height, fps, count);
        Path temp;
        try {
            temp = AtomicFiles.createTempBeside(target, format == AnimationFormat.PNG);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot write " + target + ": " + reason(e) + ".", e);
        }
        try {
            encode(format, video, temp, width, height, fps, count, painters, painter, progress);
            long bytes = size(temp);
            progress.commitOrStop(); // the finished file goes in place: a cancel from now on is too late
            moveIntoPlace(format, temp, target);
            return bytes;
        } catch (IOException | UncheckedIOException e) {
            AtomicFiles.deleteQuietly(temp);
            throw new InvalidInputException("Cannot write " + target + ": " + reason(e) + ". Nothing was changed.", e);
        } catch (RuntimeException | Error e) {
            AtomicFiles.deleteQuietly(temp);
            throw e;
        }
    }

    private static void encode(AnimationFormat format, VideoLibrary video, Path temp, int width, int height,
                               double fps, int count, int painters, Supplier<IntFunction<BufferedImage>> painter,
                               Progress progress) throws IOException {
        try (FrameEncoder encoder = FrameEncoder.open(format, video, temp, width, height, fps, count);
             ParallelFrames frames = new ParallelFrames(count, Math.min(painters, count),
                     Math.max(BUFFER, painters), painter, progress::cancelled)) {
            for (int i = 0; i < count; i++) {
                if (progress.cancelled()) {
                    throw new CancellationException("export cancelled");
                }
                BufferedImage frame = frames.take();
                if (frame.getWidth() != width || frame.getHeight() != height) {
                    throw new IllegalStateException("frame " + i + " is " + frame.getWidth() + "×"
                            + frame.getHeight() + ", not " + width + "×" + height);
                }
                encoder.frame(frame);
                progress.update("", (i + 1) / (double) count);
            }
            encoder.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("export interrupted");
        }
    }

    private static void check(AnimationFormat format, VideoLibrary video, Path target, int width, int height,
                              double fps, int count) {
        InvalidInputException.require(video.writes(format), video.refusal(format));
        InvalidInputException.require(width >= 16 && height >= 16 && width <= 7680 && height <= 4320,
                "The size must lie between 16×16 and 7680×4320, got " + width + "×" + height + ".");
        InvalidInputException.require(format != AnimationFormat.MP4 || (width % 2 == 0 && height % 2 == 0),
                "MP4 (H.264) needs an even width and height, got " + width + "×" + height + ".");
        InvalidInputException.require(format != AnimationFormat.WEBM || (width % 2 == 0 && height % 2 == 0),
                "WebM (VP9, 4:2:0) needs an even width and height, got " + width + "×" + height + ".");
        InvalidInputException.require(fps >= 1 && fps <= 120, "The frame rate must lie between 1 and 120, got "
                + fps + ".");
        InvalidInputException.require(format != AnimationFormat.GIF || fps <= GifEncoder.MAX_FPS,
                "A GIF plays at most " + GifEncoder.MAX_FPS + " frames per second (its delays are in hundredths of a "
                        + "second, and browsers slow shorter ones down); choose " + GifEncoder.MAX_FPS
                        + " fps or fewer, or MP4.");
        InvalidInputException.require(count >= 1 && count <= 100_000, "An animation has 1 to 100000 frames, got "
                + count + ".");
        if (format == AnimationFormat.PNG) {
            InvalidInputException.require(!Files.isRegularFile(target), "Cannot write a PNG sequence to " + target
                    + ": it is a file; name a folder.");
            InvalidInputException.require(!Files.isDirectory(target) || isEmpty(target), "Cannot write a PNG "
                    + "sequence to " + target + ": the folder is not empty; name a new or empty folder.");
        } else {
            InvalidInputException.require(!Files.isDirectory(target), "Cannot write " + target + ": it is a folder.");
        }
    }

    private static boolean isEmpty(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void moveIntoPlace(AnimationFormat format, Path temp, Path target) throws IOException {
        if (format == AnimationFormat.PNG && Files.isDirectory(target)) {
            Files.delete(target); // empty, checked before
        }
        AtomicFiles.moveIntoPlace(temp, target);
    }

    private static long size(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return Files.size(path);
        }
        try (Stream<Path> files = Files.list(path)) {
            long total = 0;
            for (Path f : (Iterable<Path>) files::iterator) {
                total += Files.size(f);
            }
            return total;
        }
    }

    private static String reason(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
