package org.scorefield.app.export;

import java.util.Optional;
import org.scorefield.app.settings.AnimationFormat;

/**
 * Which library encodes the video formats on this computer: FFmpeg (JavaCPP's {@code org.bytedeco:ffmpeg},
 * H.264 for MP4, VP9 for WebM) when its native library loads, otherwise jcodec (pure Java, MP4 only). The
 * native library is loaded once, on first use (about 0.3–0.6 s here; JavaCPP unpacks it into
 * {@code ~/.javacpp/cache} the first time), and every export says which encoder wrote it
 * ({@link #encoder(AnimationFormat)}), so that a platform without FFmpeg is never silent about it.
 */
public enum VideoLibrary {
    /** FFmpeg's libraries through JavaCPP: MP4 (H.264) and WebM (VP9). */
    FFMPEG,
    /** jcodec, pure Java: MP4 (H.264 baseline) only, larger and slower; the fallback. */
    JCODEC;

    /** Set by tests to act as if FFmpeg could not load, with this reason; null otherwise. */
    private static volatile String simulatedProblem;

    /** FFmpeg when it loads here, otherwise jcodec. */
    public static VideoLibrary best() {
        return ffmpegProblem().isEmpty() ? FFMPEG : JCODEC;
    }

    /**
     * The library that writes this format here: {@link #best()} for MP4 and WebM; the image formats need
     * neither, and asking about them does not load FFmpeg (JCODEC is returned, and goes unused).
     */
    public static VideoLibrary forWriting(AnimationFormat format) {
        return format.video() ? best() : JCODEC;
    }

    /** Why FFmpeg cannot be used here, as a phrase ("its linux-x86_64 native library is missing …"), or empty. */
    public static Optional<String> ffmpegProblem() {
        String simulated = simulatedProblem;
        return simulated != null ? Optional.of(simulated) : Optional.ofNullable(Loaded.PROBLEM);
    }

    /** FFmpeg's version ("5.0"), or empty when it does not load. */
    public static Optional<String> ffmpegVersion() {
        return ffmpegProblem().isEmpty() ? Optional.of(Loaded.VERSION) : Optional.empty();
    }

    /** Acts as if FFmpeg could not load for this reason (null: as it is); for tests of the fallback. */
    static void simulateMissingFfmpeg(String reason) {
        simulatedProblem = reason;
    }

    /** Whether this library writes the format (jcodec writes no WebM); other formats need neither. */
    public boolean writes(AnimationFormat format) {
        return format != AnimationFormat.WEBM || this == FFMPEG;
    }

    /**
     * What encodes this format with this library, for the command line's JSON and the window's status:
     * "libx264 (FFmpeg 5.0)", "libvpx-vp9 (FFmpeg 5.0)", "jcodec (FFmpeg could not load: …)"; for the
     * image formats the Java writer.
     */
    public String encoder(AnimationFormat format) {
        return switch (format) {
            case MP4, WEBM -> this == FFMPEG ? FfmpegCodec.of(format).encoderName() + " (FFmpeg " + Loaded.VERSION + ")"
                    : "jcodec (" + ffmpegProblem().map(why -> "FFmpeg could not load: " + why)
                            .orElse("chosen instead of FFmpeg") + ")";
            case GIF -> "javax.imageio GIF, one fixed palette";
            case APNG -> "javax.imageio PNG, APNG chunks";
            case PNG -> "javax.imageio PNG";
        };
    }

    /** The sentence refusing a format this library cannot write. */
    String refusal(AnimationFormat format) {
        return "WebM (VP9) needs FFmpeg, which could not load on this computer: "
                + ffmpegProblem().orElse("jcodec was chosen") + "; choose MP4 (jcodec writes it here) or GIF instead.";
    }

    /** The native library, loaded when first asked about (a holder class: loaded once, thread-safely). */
    private static final class Loaded {
        static final String PROBLEM;
        static final String VERSION;

        static {
            String problem = null;
            String version = "?";
            try {
                // never beside ND4J's own start, whose symbol look-ups and a dlopen here could deadlock
                org.scorefield.core.tensor.Nd4jRuntime.outsideNd4jStart(() -> {
                    org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.avutil.class);
                    org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.avcodec.class);
                    org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.avformat.class);
                    return org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.swscale.class);
                });
                // FFmpeg logs to stderr by itself; the commands print one line when they fail, and the
                // return codes carry the errors
                org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET);
                version = org.bytedeco.ffmpeg.global.avutil.av_version_info().getString();
                problem = FfmpegCodec.missingEncoder().orElse(null);
            } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError, ExceptionInInitializerError
                problem = reason(e);
            }
            PROBLEM = problem;
            VERSION = version;
        }

        private static String reason(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root instanceof ClassNotFoundException || root instanceof NoClassDefFoundError) {
                return "its Java classes (org.bytedeco:ffmpeg) are not on the class path";
            }
            if (root instanceof UnsatisfiedLinkError) {
                String said = firstLine(root);
                return "its " + platform() + " native library is missing or did not link; JavaCPP said: "
                        + Character.toLowerCase(said.charAt(0)) + said.substring(1).replaceAll("\\.$", "");
            }
            return firstLine(root);
        }

        private static String platform() {
            try {
                return org.bytedeco.javacpp.Loader.getPlatform();
            } catch (Throwable e) {
                return System.getProperty("os.name") + " " + System.getProperty("os.arch");
            }
        }

        private static String firstLine(Throwable e) {
            String m = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                    : e.getMessage().strip();
            int nl = m.indexOf('\n');
            m = nl < 0 ? m : m.substring(0, nl);
            return m.length() > 160 ? m.substring(0, 157) + "…" : m;
        }
    }
}
