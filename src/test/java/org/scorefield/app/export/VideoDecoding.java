package org.scorefield.app.export;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * A video file read back by FFmpeg's own demuxer and decoder (through JavaCPP), without ffprobe: what the
 * container says of its stream, and every decoded frame's pixels at a few points, as 8-bit Y, U and V.
 */
final class VideoDecoding {

    /** The first video stream's parameters and the decoded frames. */
    record Video(int codecId, int codecPixelFormat, int width, int height, int colorSpace, int colorRange,
                 long streamFrames, List<int[][]> samples, List<Integer> framePixelFormats) {
        int frames() {
            return samples.size();
        }
    }

    private VideoDecoding() {
    }

    /**
     * Decodes the file.
     *
     * @param points (x, y) pixels whose Y, U and V are kept for each frame (U and V from the 2×2 block's sample)
     */
    static Video decode(Path file, int[][] points) {
        AVFormatContext format = new AVFormatContext(null);
        check(avformat_open_input(format, new BytePointer("file:" + file.toAbsolutePath(), StandardCharsets.UTF_8),
                (org.bytedeco.ffmpeg.avformat.AVInputFormat) null, (AVDictionary) null), "open");
        AVCodecContext decoder = null;
        AVPacket packet = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        try {
            check(avformat_find_stream_info(format, (AVDictionary) null), "read the stream info");
            int index = -1;
            for (int s = 0; s < format.nb_streams(); s++) {
                if (format.streams(s).codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                    index = s;
                    break;
                }
            }
            if (index < 0) {
                throw new AssertionError("no video stream in " + file);
            }
            AVCodecParameters p = format.streams(index).codecpar();
            AVCodec codec = avcodec_find_decoder(p.codec_id());
            decoder = avcodec_alloc_context3(codec);
            check(avcodec_parameters_to_context(decoder, p), "configure the decoder");
            decoder.thread_count(1);
            check(avcodec_open2(decoder, codec, (AVDictionary) null), "open the decoder");
            List<int[][]> samples = new ArrayList<>();
            List<Integer> formats = new ArrayList<>();
            while (av_read_frame(format, packet) >= 0) {
                if (packet.stream_index() == index) {
                    check(avcodec_send_packet(decoder, packet), "decode");
                    receive(decoder, frame, points, samples, formats);
                }
                av_packet_unref(packet);
            }
            check(avcodec_send_packet(decoder, null), "flush");
            receive(decoder, frame, points, samples, formats);
            return new Video(p.codec_id(), p.format(), p.width(), p.height(), p.color_space(), p.color_range(),
                    format.streams(index).nb_frames(), samples, formats);
        } finally {
            av_frame_free(frame);
            av_packet_free(packet);
            if (decoder != null) {
                avcodec_free_context(decoder);
            }
            avformat_close_input(format);
        }
    }

    private static void receive(AVCodecContext decoder, AVFrame frame, int[][] points, List<int[][]> samples,
                                List<Integer> formats) {
        while (true) {
            int r = avcodec_receive_frame(decoder, frame);
            if (r == AVERROR_EAGAIN() || r == AVERROR_EOF) {
                return;
            }
            check(r, "receive a frame");
            int[][] yuv = new int[points.length][];
            for (int k = 0; k < points.length; k++) {
                int x = points[k][0];
                int y = points[k][1];
                yuv[k] = new int[] {
                    frame.data(0).get((long) y * frame.linesize(0) + x) & 0xff,
                    frame.data(1).get((long) (y / 2) * frame.linesize(1) + x / 2) & 0xff,
                    frame.data(2).get((long) (y / 2) * frame.linesize(2) + x / 2) & 0xff};
            }
            samples.add(yuv);
            formats.add(frame.format());
        }
    }

    private static void check(int code, String what) {
        if (code < 0) {
            throw new AssertionError("FFmpeg could not " + what + ": error " + code);
        }
    }

    /**
     * RGB from 8-bit limited-range BT.709 Y′CbCr (ITU-R BT.709-6, items 3.2–3.5, inverted): the independent
     * reference the encoder's swscale conversion is checked against.
     */
    static int[] rgbFromBt709(int[] yuv) {
        double y = (yuv[0] - 16) / 219.0;
        double cb = (yuv[1] - 128) / 224.0;
        double cr = (yuv[2] - 128) / 224.0;
        double kr = 0.2126;
        double kb = 0.0722;
        double r = y + 2 * (1 - kr) * cr;
        double b = y + 2 * (1 - kb) * cb;
        double g = (y - kr * r - kb * b) / (1 - kr - kb);
        return new int[] {clamp(r), clamp(g), clamp(b)};
    }

    private static int clamp(double v) {
        return (int) Math.round(Math.max(0, Math.min(255, 255 * v)));
    }
}
