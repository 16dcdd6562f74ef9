package org.scorefield.app.settings;

import org.scorefield.core.Identified;

/** The animation formats the lab writes. */
public enum AnimationFormat implements Identified {
    /** Animated GIF with one fixed 256-colour palette, looping forever. */
    GIF("gif", ".gif"),
    /** H.264 in an MP4 container (FFmpeg; jcodec where FFmpeg cannot load). */
    MP4("mp4", ".mp4"),
    /** VP9 in a WebM container (FFmpeg's libvpx). */
    WEBM("webm", ".webm"),
    /** Animated PNG (lossless, full colour), looping forever. */
    APNG("apng", ".png"),
    /** One PNG per frame, {@code frame_00000.png} …, in a folder. */
    PNG("png", "");

    private final String id;
    private final String extension;

    AnimationFormat(String id, String extension) {
        this.id = id;
        this.extension = extension;
    }

    @Override
    public String id() {
        return id;
    }

    /** Whether this is a video (MP4, WebM), written by a video library rather than a Java image writer. */
    public boolean video() {
        return this == MP4 || this == WEBM;
    }

    /** The file name ending ("" for the folder of a PNG sequence). */
    public String extension() {
        return extension;
    }

    public static AnimationFormat fromId(String id) {
        return Identified.byId(AnimationFormat.class, id, "format");
    }
}
