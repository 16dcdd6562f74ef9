package org.scorefield.app.export;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import java.util.List;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.scorefield.app.settings.AnimationFormat;

/**
 * The two video codecs written through FFmpeg, with the settings that keep a lecture's animation small enough
 * to mail and fast to render (measured on the {@code bench} animation: README, "render"). Canvas frames are
 * flat colours with thin moving lines, which both codecs compress well at their fast settings.
 */
enum FfmpegCodec {
    /**
     * H.264 in MP4: Cisco's OpenH264 (BSD), which the LGPL build of FFmpeg the project builds with carries;
     * libx264 first when the loaded FFmpeg has it, as JavaCPP's {@code -gpl} builds do (those call themselves
     * "nonfree and unredistributable": they link OpenSSL 1.1 beside x264, so they fit a private build only).
     * The LGPL build links OpenSSL 1.1 too, which a GPL program's distributor must settle (README, License).
     */
    H264("mp4", List.of("libx264", "libopenh264")),
    /** VP9 in WebM: libvpx in its real-time mode, on two threads, row-parallel. */
    VP9("webm", List.of("libvpx-vp9"));

    private final String muxer;
    private final List<String> encoders;

    FfmpegCodec(String muxer, List<String> encoders) {
        this.muxer = muxer;
        this.encoders = encoders;
    }

    static FfmpegCodec of(AnimationFormat format) {
        return switch (format) {
            case MP4 -> H264;
            case WEBM -> VP9;
            default -> throw new IllegalArgumentException(format + " is not a video format");
        };
    }

    /** FFmpeg's name of the container. */
    String muxer() {
        return muxer;
    }

    /** The first of this codec's encoders the loaded FFmpeg has, or null. */
    AVCodec encoder() {
        for (String name : encoders) {
            AVCodec codec = avcodec_find_encoder_by_name(name);
            if (codec != null && !codec.isNull()) {
                return codec;
            }
        }
        return null;
    }

    /** The name of the encoder used ("libopenh264"). */
    String encoderName() {
        AVCodec codec = encoder();
        return codec == null ? encoders.get(encoders.size() - 1) : codec.name().getString();
    }

    /** Why the loaded FFmpeg cannot write both formats, or empty. */
    static Optional<String> missingEncoder() {
        for (FfmpegCodec codec : values()) {
            if (codec.encoder() == null) {
                return Optional.of("it has none of the encoders " + String.join(", ", codec.encoders));
            }
        }
        return Optional.empty();
    }

    /**
     * The bit rate of both codecs, in bits per pixel of each frame: 0.97 Mbit/s at 1280×720 and 30 fps, so
     * that 10 s of any animation stay near 1.2 MB. OpenH264 aims at it (it has no constant-quality mode); VP9
     * keeps its constant quality below it. On the window's default animation (6 s of 2,000 moving dots, the
     * hardest case measured) VP9 at CRF 36 alone wrote 2.67 MB, capped 0.89 MB; both codecs then reached about
     * 33 dB PSNR (Y) against the painted frames.
     */
    static final double BITS_PER_PIXEL = 0.035;

    /** {@link #BITS_PER_PIXEL} at this size and rate, at least 200 kbit/s. */
    static long bitRate(int width, int height, double fps) {
        return Math.max(200_000, Math.round(BITS_PER_PIXEL * width * height * fps));
    }

    /**
     * Sets the encoder's options; the context already holds size, pixel format, time base and threads.
     * Chosen on the bench animation (300 frames of 1280×720 sampling, 10 s), decoded and compared frame by
     * frame with the painted frames (PSNR of Y), and on the window's default animation.
     */
    void configure(String encoder, AVCodecContext c, AVDictionary options, double fps) {
        String cap = Long.toString(bitRate(c.width(), c.height(), fps));
        switch (encoder) {
            case "libx264" -> {
                // veryfast: 1.5 s and 0.46 MB (42.8 dB) against medium's 2.9 s and 0.55 MB
                av_dict_set(options, "preset", "veryfast", 0);
                av_dict_set(options, "crf", "23", 0);
                av_dict_set(options, "maxrate", cap, 0);
                av_dict_set(options, "bufsize", cap, 0);
                av_dict_set(options, "profile", "high", 0);
            }
            case "libopenh264" -> {
                // the bench animation: 0.71 MB, 42.2 dB, about libx264's quality at veryfast and CRF 23
                c.bit_rate(bitRate(c.width(), c.height(), fps));
                av_dict_set(options, "rc_mode", "quality", 0);
                // CABAC (High profile): 7 % smaller than CAVLC's Constrained Baseline at the same setting
                av_dict_set(options, "coder", "cabac", 0);
                // one thread: with two its slices made the file differ from run to run, while the same seeds
                // should give the same file (1.35 s either way); the painters keep the other core busy
                c.thread_count(1);
            }
            case "libvpx-vp9" -> {
                // real time at the fastest setting: 1.4 s for the bench animation, 0.71 MB, 41.5 dB (uncapped:
                // CRF 36 0.94 MB and 44.0 dB, CRF 32 1.24 MB, CRF 40 0.68 MB); the "good" deadline took 28 s
                c.bit_rate(bitRate(c.width(), c.height(), fps)); // with a CRF: constrained quality, this the cap
                av_dict_set(options, "crf", "36", 0);
                av_dict_set(options, "deadline", "realtime", 0);
                av_dict_set(options, "cpu-used", "8", 0);
                av_dict_set(options, "row-mt", "1", 0);
                av_dict_set(options, "tile-columns", "2", 0);
                // a fixed two threads, not the machine's cores: how libvpx splits the work must not depend on them
                c.thread_count(2);
            }
            default -> throw new IllegalStateException("no settings for " + encoder);
        }
    }
}
