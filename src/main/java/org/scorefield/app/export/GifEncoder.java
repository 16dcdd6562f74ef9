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
 * themes), then a 6 × 6 × 6 colour cube and greys. One palette for all frames makes the encoding
 * about 10× faster than a palette per frame (docs/platform.md §5.1) and keeps colours from flickering between
 * frames. The NETSCAPE2.0 looping extension sits on the first frame only.
 */
final class GifEncoder implements FrameEncoder {

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

    GifEncoder(Path path, double fps) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("this Java has no GIF writer");
        }
        writer = writers.next();
        stream = new javax.imageio.stream.FileImageOutputStream(path.toFile());
        try {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
        } catch (IOException | RuntimeException e) {
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
        BufferedImage indexed = toPalette(image);
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(indexed), param);
        String format = metadata.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delay(frames++, fps)));
        control.setAttribute("transparentColorIndex", "0");
        // the palette written with every frame (ImageIO would otherwise write a web-safe default)
        IIOMetadataNode table = child(root, "LocalColorTable");
        while (table.getLength() > 0) {
            table.removeChild(table.getFirstChild());
        }
        table.setAttribute("sizeOfLocalColorTable", "256");
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
    static BufferedImage toPalette(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] index = new byte[w * h];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            index[i] = LOOKUP[((p >> 9) & 0x7c00) | ((p >> 6) & 0x3e0) | ((p >> 3) & 0x1f)];
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, PALETTE);
        out.getRaster().setDataElements(0, 0, w, h, index);
        return out;
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
        int greys = 256 - n;
        for (int k = 0; k < greys; k++) {
            int v = (k + 1) * 255 / (greys + 1);
            colors[n++] = v << 16 | v << 8 | v;
        }
        return new IndexColorModel(8, 256, colors, 0, false, -1, java.awt.image.DataBuffer.TYPE_BYTE);
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
            for (int i = 0; i < 256; i++) {
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
