package io.parley.gateway.image;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * Reads an image's width and height from its header only, before anything is decoded: the
 * decode-bomb guard of {@link ImageUploads}. PNG, JPEG and GIF through javax.imageio's readers
 * ({@code getWidth(0)} reads the header, not the pixels); WebP from its RIFF header by hand.
 */
final class ImageProbe {
    private ImageProbe() {
    }

    static ImageSize size(byte[] bytes, ImageFormat format) {
        try {
            return format == ImageFormat.WEBP ? webp(bytes) : withImageIo(bytes, format);
        } catch (IOException | RuntimeException e) {
            throw new ParleyException(ErrorCode.IMAGE_UNREADABLE,
                    "the " + format.contentType() + " header cannot be read");
        }
    }

    /** A reader over the bytes, its input set; the caller disposes of it. */
    static ImageReader reader(byte[] bytes, ImageFormat format) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new IOException("no reader for " + format);
        }
        ImageReader reader = readers.next();
        ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes));
        reader.setInput(in, true, true);
        return reader;
    }

    private static ImageSize withImageIo(byte[] bytes, ImageFormat format) throws IOException {
        ImageReader reader = reader(bytes, format);
        try {
            return new ImageSize(reader.getWidth(0), reader.getHeight(0));
        } finally {
            reader.dispose();
        }
    }

    /** The three WebP layouts: lossy (VP8), lossless (VP8L) and extended (VP8X). */
    private static ImageSize webp(byte[] b) throws IOException {
        if (b.length < 30) {
            throw new IOException("truncated WebP");
        }
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        switch (chunk) {
            case "VP8X" -> {
                return new ImageSize(1 + u24(b, 24), 1 + u24(b, 27));
            }
            case "VP8L" -> {
                if ((b[20] & 0xFF) != 0x2F) {
                    throw new IOException("bad VP8L signature");
                }
                long bits = (b[21] & 0xFFL) | (b[22] & 0xFFL) << 8 | (b[23] & 0xFFL) << 16
                        | (b[24] & 0xFFL) << 24;
                return new ImageSize((int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1);
            }
            case "VP8 " -> {
                if ((b[23] & 0xFF) != 0x9D || (b[24] & 0xFF) != 0x01 || (b[25] & 0xFF) != 0x2A) {
                    throw new IOException("bad VP8 start code");
                }
                return new ImageSize(u16(b, 26) & 0x3FFF, u16(b, 28) & 0x3FFF);
            }
            default -> throw new IOException("unknown WebP chunk " + chunk);
        }
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int u24(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
    }
}
