package org.scorefield.app.export;

import static org.bytedeco.ffmpeg.avformat.AVFormatContext.AVFMT_FLAG_BITEXACT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_BITEXACT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_0RGB;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR0;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_d2q;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_inv_q;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_DEFAULT;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU709;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.scorefield.app.settings.AnimationFormat;

/**
 * MP4 (H.264) or WebM (VP9) through FFmpeg's libraries (JavaCPP's {@code org.bytedeco:ffmpeg}), frame by frame
 * as the frames come: each RGB frame is converted by swscale to 4:2:0 YUV with the BT.709 matrix in limited
 * range, and the stream is tagged so, which is what players assume for HD video; the encoder's packets are
 * muxed as they come out. MP4 is written with its index at the front ({@code movflags +faststart}, FFmpeg
 * moves it when the file is finished), so a browser or slide program can start playing before the whole
 * file has arrived. Frame sizes must be even (4:2:0); {@link AnimationWriter} checks that first.
 */
final class FfmpegEncoder implements FrameEncoder {

    private final int width;
    private final int height;
    private AVFormatContext format;
    private AVCodecContext context;
    private AVStream stream;
    private AVFrame yuv;
    private AVPacket packet;
    private SwsContext scaler;
    private IntPointer rgb;
    private final PointerPointer<?> rgbPlanes;
    private final IntPointer rgbStride;
    private long next;

    FfmpegEncoder(AnimationFormat kind, Path path, int width, int height, double fps) throws IOException {
        this.width = width;
        this.height = height;
        FfmpegCodec codec = FfmpegCodec.of(kind);
        AVCodec encoder = codec.encoder();
        rgb = new IntPointer((long) width * height);
        rgbPlanes = new PointerPointer<>(1).put(0, rgb);
        rgbStride = new IntPointer(1).put(0, 4 * width);
        try {
            if (encoder == null) {
                throw new IOException("this FFmpeg has no " + codec.encoderName() + " encoder");
            }
            // "file:" so that FFmpeg never reads a protocol (or a Windows drive) into the name; UTF-8 as it expects
            BytePointer url = new BytePointer("file:" + path.toAbsolutePath(), StandardCharsets.UTF_8);
            format = new AVFormatContext(null);
            check(avformat_alloc_output_context2(format, null, new BytePointer(codec.muxer()), url), "start the file");
            // the same frames give the same file: no random track and segment ids (WebM), no version strings
            format.flags(format.flags() | AVFMT_FLAG_BITEXACT);
            stream = avformat_new_stream(format, null);
            context = avcodec_alloc_context3(encoder);
            if (stream == null || context == null) {
                throw new IOException("FFmpeg is out of memory");
            }
            AVRational rate = av_d2q(fps, 1_000_000); // 30 → 30/1, 29.97 → 2997/100
            context.width(width);
            context.height(height);
            context.pix_fmt(AV_PIX_FMT_YUV420P);
            context.time_base(av_inv_q(rate));
            context.framerate(rate);
            context.gop_size((int) Math.max(1, Math.round(fps * KEY_SECONDS)));
            context.thread_count(Runtime.getRuntime().availableProcessors());
            context.color_range(AVCOL_RANGE_MPEG);
            context.colorspace(AVCOL_SPC_BT709);
            context.color_primaries(AVCOL_PRI_BT709);
            context.color_trc(AVCOL_TRC_BT709);
            context.flags(context.flags() | AV_CODEC_FLAG_BITEXACT);
            if ((format.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
                context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            AVDictionary options = new AVDictionary(null);
            codec.configure(encoder.name().getString(), context, options, fps);
            int opened = avcodec_open2(context, encoder, options);
            av_dict_free(options);
            check(opened, "open the " + encoder.name().getString() + " encoder");
            check(avcodec_parameters_from_context(stream.codecpar(), context), "describe the stream");
            stream.time_base(context.time_base());

            AVIOContext io = new AVIOContext(null);
            check(avio_open(io, url, AVIO_FLAG_WRITE), "open the file");
            format.pb(io);
            AVDictionary muxing = new AVDictionary(null);
            if (kind == AnimationFormat.MP4) {
                av_dict_set(muxing, "movflags", "+faststart", 0);
            }
            int header = avformat_write_header(format, muxing);
            av_dict_free(muxing);
            check(header, "write the header");

            yuv = av_frame_alloc();
            packet = av_packet_alloc();
            yuv.format(AV_PIX_FMT_YUV420P);
            yuv.width(width);
            yuv.height(height);
            check(av_frame_get_buffer(yuv, 0), "allocate a frame");
            // an int pixel 0x00RRGGBB in memory: B, G, R, 0 on a little-endian machine
            int source = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? AV_PIX_FMT_BGR0 : AV_PIX_FMT_0RGB;
            scaler = sws_getContext(width, height, source, width, height, AV_PIX_FMT_YUV420P, SWS_BILINEAR, null,
                    null, (DoublePointer) null);
            if (scaler == null) {
                throw new IOException("FFmpeg cannot convert the frames to YUV");
            }
            // full-range RGB in, BT.709 limited-range YUV out
            check(sws_setColorspaceDetails(scaler, sws_getCoefficients(SWS_CS_DEFAULT), 1,
                    sws_getCoefficients(SWS_CS_ITU709), 0, 0, 1 << 16, 1 << 16), "set the colour matrix");
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Seconds between two key frames, where a player can seek to. */
    static final double KEY_SECONDS = 5;

    @Override
    public void frame(BufferedImage image) throws IOException {
        if (image.getWidth() != width || image.getHeight() != height) {
            throw new IOException("a frame of " + image.getWidth() + "×" + image.getHeight() + " in a video of "
                    + width + "×" + height);
        }
        int type = image.getType();
        if (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB) {
            rgb.put(((DataBufferInt) image.getRaster().getDataBuffer()).getData(), 0, width * height);
        } else {
            rgb.put(image.getRGB(0, 0, width, height, null, 0, width), 0, width * height);
        }
        check(av_frame_make_writable(yuv), "reuse the frame");
        sws_scale(scaler, rgbPlanes, rgbStride, 0, height, yuv.data(), yuv.linesize());
        yuv.pts(next++);
        check(avcodec_send_frame(context, yuv), "encode a frame");
        drain();
    }

    @Override
    public void finish() throws IOException {
        check(avcodec_send_frame(context, null), "end the stream");
        drain();
        check(av_write_trailer(format), "finish the file");
        AVIOContext io = format.pb();
        format.pb(null);
        check(avio_closep(io), "close the file");
        close();
    }

    /** Writes the packets the encoder has ready. */
    private void drain() throws IOException {
        while (true) {
            int r = avcodec_receive_packet(context, packet);
            if (r == AVERROR_EAGAIN() || r == AVERROR_EOF) {
                return;
            }
            check(r, "encode a frame");
            if (packet.duration() <= 0) {
                // a frame each (OpenH264 leaves it 0, and MP4's edit list then ends before the last frame,
                // which players drop)
                packet.duration(1);
            }
            av_packet_rescale_ts(packet, context.time_base(), stream.time_base());
            packet.stream_index(stream.index());
            check(av_interleaved_write_frame(format, packet), "write a frame"); // takes the packet's data
        }
    }

    @Override
    public void close() {
        // a context FFmpeg could not allocate (no such muxer) stays a Java object around address 0, whose
        // getters throw NullPointerException, which would hide the error that brought us here
        if (format != null && !format.isNull()) {
            if (format.pb() != null) {
                AVIOContext io = format.pb();
                format.pb(null);
                avio_closep(io);
            }
            avformat_free_context(format);
        }
        format = null;
        if (context != null) {
            avcodec_free_context(context);
            context = null;
        }
        if (yuv != null) {
            av_frame_free(yuv);
            yuv = null;
        }
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (scaler != null) {
            sws_freeContext(scaler);
            scaler = null;
        }
        if (rgb != null) {
            rgb.close();
            rgb = null;
        }
    }

    /** An FFmpeg return code as an exception: "FFmpeg could not open the file: Permission denied". */
    private static void check(int code, String doing) throws IOException {
        if (code < 0) {
            byte[] text = new byte[256];
            av_strerror(code, text, text.length);
            int n = 0;
            while (n < text.length && text[n] != 0) {
                n++;
            }
            throw new IOException("FFmpeg could not " + doing + ": " + new String(text, 0, n, StandardCharsets.UTF_8));
        }
    }
}
