package org.scorefield.app.export;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Animated PNG (the APNG extension of PNG, as Firefox, Chrome and Safari read it), built on ImageIO's
 * PNG encoder: each frame is encoded as a PNG, and its IDAT data becomes the frame's IDAT (the
 * first) or fdAT chunks (the rest), each after an fcTL chunk; acTL, right after IHDR, gives the
 * frame count and loops forever. No library on Maven Central writes APNG (docs/platform.md §5.3).
 * A viewer without APNG support shows the first frame.
 */
final class ApngEncoder implements FrameEncoder {

    private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};

    private final OutputStream out;
    private final int width;
    private final int height;
    private final int frames;
    private final short delayNumerator;
    private final short delayDenominator;
    private int sequence;
    private int written;

    ApngEncoder(Path path, int width, int height, double fps, int frames) throws IOException {
        this.out = new java.io.BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        this.width = width;
        this.height = height;
        this.frames = frames;
        // delay = 100 / (fps · 100) s: exact to 1/100 fps, and within the 16-bit fields up to 327 fps
        this.delayNumerator = 100;
        this.delayDenominator = (short) Math.round(fps * 100);
        out.write(SIGNATURE);
    }

    @Override
    public void frame(BufferedImage image) throws IOException {
        if (written >= frames) {
            throw new IOException("an APNG announced " + frames + " frames and cannot take more");
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", png)) {
            throw new IOException("this Java has no PNG writer");
        }
        ByteBuffer in = ByteBuffer.wrap(png.toByteArray());
        in.position(SIGNATURE.length);
        boolean firstFrame = written == 0;
        boolean controlWritten = false;
        while (in.remaining() >= 12) {
            int length = in.getInt();
            byte[] type = new byte[4];
            in.get(type);
            byte[] data = new byte[length];
            in.get(data);
            in.getInt(); // crc
            String name = new String(type, StandardCharsets.US_ASCII);
            if (name.equals("IHDR") && firstFrame) {
                chunk("IHDR", data);
                chunk("acTL", ByteBuffer.allocate(8).putInt(frames).putInt(0).array());
            } else if (name.equals("IDAT")) {
                if (!controlWritten) {
                    chunk("fcTL", frameControl());
                    controlWritten = true;
                }
                if (firstFrame) {
                    chunk("IDAT", data);
                } else {
                    chunk("fdAT", ByteBuffer.allocate(4 + data.length).putInt(sequence++).put(data).array());
                }
            }
        }
        written++;
    }

    /** fcTL: sequence, size, offset 0, delay, dispose none, blend source. */
    private byte[] frameControl() {
        return ByteBuffer.allocate(26).putInt(sequence++).putInt(width).putInt(height).putInt(0).putInt(0)
                .putShort(delayNumerator).putShort(delayDenominator).put((byte) 0).put((byte) 0).array();
    }

    private void chunk(String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        d.writeInt(data.length);
        d.write(name);
        d.write(data);
        d.writeInt((int) crc.getValue());
    }

    @Override
    public void finish() throws IOException {
        if (written != frames) {
            throw new IOException("an APNG announced " + frames + " frames but got " + written);
        }
        chunk("IEND", new byte[0]);
        out.close();
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // closing after a failure
        }
    }
}
