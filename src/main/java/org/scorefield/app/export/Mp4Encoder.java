package org.scorefield.app.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.common.Codec;
import org.jcodec.common.MuxerTrack;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.VideoEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.muxer.MP4Muxer;
import org.jcodec.scale.AWTUtil;
import org.jcodec.scale.ColorUtil;
import org.jcodec.scale.Transform;

/**
 * H.264 in MP4 through jcodec, pure Java: the fallback where FFmpeg's native library cannot load
 * ({@link VideoLibrary}; docs/platform.md §5.2: a valid baseline stream, ten times larger), with jcodec's
 * encoder and muxer used directly rather than its {@code AWTSequenceEncoder}, so that the motion
 * search can be narrowed: canvas frames change by a few pixels between frames, and a search range
 * of {@value #MOTION_SEARCH} pixels instead of 16 encodes a 1280×720 frame in about 39 ms instead of
 * 70 ms here, with files of the same size. Frame sizes must be even, as 4:2:0 chroma needs;
 * {@link AnimationWriter} checks that before any work. A key frame every {@value #KEY_INTERVAL}
 * frames lets players seek.
 */
final class Mp4Encoder implements FrameEncoder {

    static final int MOTION_SEARCH = 4;
    static final int KEY_INTERVAL = 30;

    private final SeekableByteChannel channel;
    private final MP4Muxer muxer;
    private final MuxerTrack track;
    private final H264Encoder encoder = H264Encoder.createH264Encoder();
    private final Transform toYuv = ColorUtil.getTransform(ColorSpace.RGB, ColorSpace.YUV420J);
    private final int timescale;
    private final int duration = 1000;
    private Picture yuv;
    private ByteBuffer buffer;
    private long frameNumber;

    Mp4Encoder(Path path, int width, int height, double fps) throws IOException {
        channel = NIOUtils.writableChannel(path.toFile());
        try {
            muxer = MP4Muxer.createMP4MuxerToChannel(channel);
            track = muxer.addVideoTrack(Codec.H264, VideoCodecMeta.createSimpleVideoCodecMeta(new Size(width, height),
                    ColorSpace.YUV420J));
        } catch (IOException | RuntimeException e) {
            NIOUtils.closeQuietly(channel);
            throw e;
        }
        encoder.setMotionSearchRange(MOTION_SEARCH);
        encoder.setKeyInterval(KEY_INTERVAL);
        // each frame lasts 1000 units of fps × 1000 per second: 29.97 fps is exact
        timescale = (int) Math.round(fps * 1000);
    }

    @Override
    public void frame(BufferedImage image) throws IOException {
        if (yuv == null) {
            yuv = Picture.create(image.getWidth(), image.getHeight(), ColorSpace.YUV420J);
            buffer = ByteBuffer.allocate(encoder.estimateBufferSize(yuv));
        }
        toYuv.transform(AWTUtil.fromBufferedImageRGB(image), yuv);
        buffer.clear();
        VideoEncoder.EncodedFrame encoded = encoder.encodeFrame(yuv, buffer);
        ByteBuffer data = encoded.getData();
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data).flip();
        track.addFrame(Packet.createPacket(copy, frameNumber * duration, timescale, duration, frameNumber,
                encoded.isKeyFrame() ? Packet.FrameType.KEY : Packet.FrameType.INTER, null));
        frameNumber++;
    }

    @Override
    public void finish() throws IOException {
        muxer.finish();
        channel.close();
    }

    @Override
    public void close() {
        NIOUtils.closeQuietly(channel);
    }
}
