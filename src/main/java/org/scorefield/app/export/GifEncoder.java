package org.scorefield.app.export;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * An animated GIF through {@code javax.imageio}, every frame mapped to one fixed 256-colour
 * palette: the lab's own colours exactly (backgrounds, text, grid, class and path colours of both
 * themes), then a 6 × 6 × 6 colour cube and greys, the last entry kept for "transparent". One
 * palette for all frames makes the encoding about 10× faster than a palette per frame
 * (docs/platform.md §5.1) and keeps colours from flickering between frames. The NETSCAPE2.0
 * looping extension sits on the first frame only.
 *
 * <p>Frame differencing: after the first frame, each frame is only the rectangle that changed,
 * laid over the frame before it (disposal "do not dispose"), with every pixel inside it that did
 * not change made transparent, so that the axes, the grid, the text and the still parts of the
 * picture compress to long runs of one index; a frame equal to the one before lengthens that one's
 * delay instead of being written. A pixel whose new colour is one of the lab's, or that shows one
 * of the lab's now, is always written exactly; a blend over a blend (the rim of a moving point)
 * stays as shown while within {@link #TOLERANCE} of the new one. So no trail is left on the
 * background and no faint new stroke is lost on it.
 */
final class GifEncoder implements FrameEncoder {

    /** The palette entry no colour maps to: "unchanged since the previous frame". */
    static final int TRANSPARENT = 255;
    /** The palette's first entries: the lab's own colours, exactly. */
    private static final int LAB_COLOURS = ExportColors.lab().length;
    private static final IndexColorModel PALETTE = palette();
    /** Nearest palette entry of every colour quantised to 5 bits per channel. */
    private static final byte[] LOOKUP = lookup();

    /** The highest frame rate: delays are whole hundredths, and browsers slow down delays under 2. */
    static final int MAX_FPS = 50;

    private final ImageWriter writer;
    private final ImageOutputStream stream;
    private final double fps;
    private int frames;
    private boolean first = true;
    /** The whole picture as the viewer shows it after the frames written so far, in palette indices. */
    private byte[] shown;
    /** The frame waiting to be written, whose delay grows while the next frames equal it. */
    private Pending pending;

    /** A changed rectangle and how long it stays, in hundredths of a second. */
    private record Pending(BufferedImage part, int left, int top, boolean transparent, int[] delay) {
    }

    GifEncoder(Path path, double fps) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("this Java has no GIF writer");
        }
        writer = writers.next();
        stream = new javax.imageio.stream.FileImageOutputStream(path.toFile());
        try {
            writer.setOutput(stream);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.fps = fps;
    }

    /**
     * The delay of frame i in hundredths of a second: the rounded end time minus the rounded start
     * time, so that the frames add up to the duration (30 fps alternates 3, 3, 4).
     */
    static int delay(int i, double fps) {
        return (int) (Math.round(100 * (i + 1) / fps) - Math.round(100 * i / fps));
    }

    @Override
    public void frame(BufferedImage image) throws IOException {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] index = indices(image);
        int delay = delay(frames++, fps);
        if (shown == null || shown.length != index.length) {
            flush();
            shown = index;
            pending = new Pending(indexed(index, w, h), 0, 0, false, new int[] {delay});
            return;
        }
        // the pixels alike in colour are left as they are shown: what remains may be nothing
        for (int i = 0; i < index.length; i++) {
            if (alike(index[i], shown[i])) {
                index[i] = shown[i];
            }
        }
        int[] box = changed(shown, index, w, h);
        if (box == null) {
            pending.delay()[0] += delay; // the same picture stays longer
            return;
        }
        flush();
        int bw = box[2] - box[0];
        int bh = box[3] - box[1];
        byte[] part = new byte[bw * bh];
        for (int y = 0; y < bh; y++) {
            int row = (box[1] + y) * w + box[0];
            for (int x = 0; x < bw; x++) {
                // the pixels alike were set to what is shown above: the same entry now means "keep"
                byte now = index[row + x];
                part[y * bw + x] = now == shown[row + x] ? (byte) TRANSPARENT : now;
            }
        }
        shown = index;
        pending = new Pending(indexed(part, bw, bh), box[0], box[1], true, new int[] {delay});
    }

    /**
     * How far, in every channel, a pixel that is not a lab colour may stay from its new colour: the
     * anti-aliased rims of moving points flicker between near palette entries from frame to frame,
     * and writing each flicker made the default 6-s 720p sampling GIF 4.70 MB instead of 3.69 (9.93
     * with whole frames).
     */
    static final int TOLERANCE = 64;

    /**
     * Whether the pixel shown ({@code b}) may stay for the new one ({@code a}): the same entry, or
     * within {@link #TOLERANCE} of it when the new one is not a lab colour.
     */
    private static boolean alike(byte a, byte b) {
        if (a == b) {
            return true;
        }
        if ((a & 0xff) < LAB_COLOURS || (b & 0xff) < LAB_COLOURS) {
            // back to a colour of the lab (the background, a grid line): exactly, or trails stay; and a
            // blend drawn where a lab colour is shown (a faint new stroke over the background): written,
            // or it never appears
            return false;
        }
        int ca = PALETTE.getRGB(a & 0xff);
        int cb = PALETTE.getRGB(b & 0xff);
        return Math.abs(((ca >> 16) & 0xff) - ((cb >> 16) & 0xff)) <= TOLERANCE
                && Math.abs(((ca >> 8) & 0xff) - ((cb >> 8) & 0xff)) <= TOLERANCE
                && Math.abs((ca & 0xff) - (cb & 0xff)) <= TOLERANCE;
    }

    /**
     * The smallest rectangle holding every pixel that differs, as {x0, y0, x1, y1} (ends exclusive),
     * or null when none does.
     */
    static int[] changed(byte[] before, byte[] after, int w, int h) {
        int top = -1;
        int bottom = -1;
        int left = w;
        int right = -1;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int first = -1;
            int last = -1;
            for (int x = 0; x < w; x++) {
                if (before[row + x] != after[row + x]) {
                    if (first < 0) {
                        first = x;
                    }
                    last = x;
                }
            }
            if (first >= 0) {
                if (top < 0) {
                    top = y;
                }
                bottom = y;
                left = Math.min(left, first);
                right = Math.max(right, last);
            }
        }
        return top < 0 ? null : new int[] {left, top, right + 1, bottom + 1};
    }

    private void flush() throws IOException {
        if (pending != null) {
            write(pending);
            pending = null;
        }
    }

    private void write(Pending frame) throws IOException {
        BufferedImage indexed = frame.part();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (first) {
            writer.prepareWriteSequence(streamMetadata(param, indexed.getWidth(), indexed.getHeight()));
        }
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(indexed), param);
        String format = metadata.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
        IIOMetadataNode descriptor = child(root, "ImageDescriptor");
        descriptor.setAttribute("imageLeftPosition", Integer.toString(frame.left()));
        descriptor.setAttribute("imageTopPosition", Integer.toString(frame.top()));
        descriptor.setAttribute("imageWidth", Integer.toString(indexed.getWidth()));
        descriptor.setAttribute("imageHeight", Integer.toString(indexed.getHeight()));
        descriptor.setAttribute("interlaceFlag", "FALSE");
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "doNotDispose");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", frame.transparent() ? "TRUE" : "FALSE");
        control.setAttribute("delayTime", Integer.toString(frame.delay()[0]));
        control.setAttribute("transparentColorIndex", Integer.toString(TRANSPARENT));
        // no palette of its own: every frame uses the one global palette of the stream
        for (int i = root.getLength() - 1; i >= 0; i--) {
            if (root.item(i).getNodeName().equals("LocalColorTable")) {
                root.removeChild(root.item(i));
            }
        }
        if (first) {
            IIOMetadataNode extensions = child(root, "ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0}); // sub-block 1, loop count 0 = forever
            extensions.appendChild(loop);
            first = false;
        }
        metadata.setFromTree(format, root);
        writer.writeToSequence(new IIOImage(indexed, null, metadata), param);
    }

    @Override
    public void finish() throws IOException {
        flush();
        writer.endWriteSequence();
        stream.close();
        writer.dispose();
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException ignored) {
            // closing after a failure: nothing more to do
        }
        writer.dispose();
    }

    /** The frame in the fixed palette: each pixel's nearest entry, through a 32³ lookup table. */
    private static byte[] indices(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] index = new byte[w * h];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            index[i] = LOOKUP[((p >> 9) & 0x7c00) | ((p >> 6) & 0x3e0) | ((p >> 3) & 0x1f)];
        }
        return index;
    }

    private static BufferedImage indexed(byte[] index, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, PALETTE);
        out.getRaster().setDataElements(0, 0, w, h, index);
        return out;
    }

    /** The stream's header: the picture's size and the one palette all frames share. */
    private IIOMetadata streamMetadata(ImageWriteParam param, int width, int height) throws IOException {
        IIOMetadata metadata = writer.getDefaultStreamMetadata(param);
        String format = metadata.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
        IIOMetadataNode screen = child(root, "LogicalScreenDescriptor");
        screen.setAttribute("logicalScreenWidth", Integer.toString(width));
        screen.setAttribute("logicalScreenHeight", Integer.toString(height));
        screen.setAttribute("colorResolution", "8");
        screen.setAttribute("pixelAspectRatio", "0");
        IIOMetadataNode table = child(root, "GlobalColorTable");
        while (table.getLength() > 0) {
            table.removeChild(table.getFirstChild());
        }
        table.setAttribute("sizeOfGlobalColorTable", "256");
        table.setAttribute("backgroundColorIndex", "0");
        table.setAttribute("sortFlag", "FALSE");
        for (int i = 0; i < 256; i++) {
            int c = PALETTE.getRGB(i);
            IIOMetadataNode entry = new IIOMetadataNode("ColorTableEntry");
            entry.setAttribute("index", Integer.toString(i));
            entry.setAttribute("red", Integer.toString((c >> 16) & 0xff));
            entry.setAttribute("green", Integer.toString((c >> 8) & 0xff));
            entry.setAttribute("blue", Integer.toString(c & 0xff));
            table.appendChild(entry);
        }
        metadata.setFromTree(format, root);
        return metadata;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    private static IndexColorModel palette() {
        int[] colors = new int[256];
        int n = 0;
        for (int c : ExportColors.lab()) {
            colors[n++] = c;
        }
        for (int r = 0; r < 6; r++) {
            for (int g = 0; g < 6; g++) {
                for (int b = 0; b < 6; b++) {
                    colors[n++] = (r * 51) << 16 | (g * 51) << 8 | b * 51;
                }
            }
        }
        int greys = TRANSPARENT - n;
        for (int k = 0; k < greys; k++) {
            int v = (k + 1) * 255 / (greys + 1);
            colors[n++] = v << 16 | v << 8 | v;
        }
        colors[TRANSPARENT] = 0xff00ff; // never chosen: see lookup()
        return new IndexColorModel(8, 256, colors, 0, false, TRANSPARENT, java.awt.image.DataBuffer.TYPE_BYTE);
    }

    private static byte[] lookup() {
        byte[] table = new byte[32 * 32 * 32];
        int[] pr = new int[256];
        int[] pg = new int[256];
        int[] pb = new int[256];
        for (int i = 0; i < 256; i++) {
            int c = PALETTE.getRGB(i);
            pr[i] = (c >> 16) & 0xff;
            pg[i] = (c >> 8) & 0xff;
            pb[i] = c & 0xff;
        }
        for (int q = 0; q < table.length; q++) {
            int r = ((q >> 10) & 31) * 255 / 31;
            int g = ((q >> 5) & 31) * 255 / 31;
            int b = (q & 31) * 255 / 31;
            int best = 0;
            int bestD = Integer.MAX_VALUE;
            for (int i = 0; i < TRANSPARENT; i++) {
                int dr = r - pr[i];
                int dg = g - pg[i];
                int db = b - pb[i];
                // weighted towards green, to which the eye is most sensitive
                int d = 2 * dr * dr + 4 * dg * dg + 3 * db * db;
                if (d < bestD) {
                    bestD = d;
                    best = i;
                }
            }
            table[q] = (byte) best;
        }
        return table;
    }
}
