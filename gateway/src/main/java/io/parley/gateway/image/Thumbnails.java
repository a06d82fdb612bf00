package io.parley.gateway.image;

import io.micronaut.core.annotation.Nullable;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Makes the thumbnail of an image already measured by {@link ImageProbe} (its size within the
 * limits): decoded subsampled to about twice the thumbnail's size, so a 6000 x 4000 photo costs a
 * few hundred kilobytes of pixels instead of 96 MB, then scaled smoothly to at most
 * {@code side} pixels each way. JPEG stays JPEG; the rest become PNG (transparency kept). GIFs
 * give their first frame.
 */
final class Thumbnails {
    static {
        // encode in memory: ImageIO's default would write a temporary file per thumbnail
        ImageIO.setUseCache(false);
    }

    private Thumbnails() {
    }

    /** The thumbnail's type for images of {@code format}; null when there is none (WebP). */
    static @Nullable ImageFormat formatOf(ImageFormat format) {
        return switch (format) {
            case JPEG -> ImageFormat.JPEG;
            case PNG, GIF -> ImageFormat.PNG;
            case WEBP -> null;
        };
    }

    /** The thumbnail's bytes; null for a format the JDK cannot decode (WebP). */
    static byte @Nullable [] of(byte[] bytes, ImageFormat format, ImageSize size, int side) {
        ImageFormat out = formatOf(format);
        if (out == null) {
            return null;
        }
        try {
            BufferedImage decoded = decodeSubsampled(bytes, format, size, side);
            double scale = Math.min(1.0, (double) side / Math.max(size.width(), size.height()));
            int w = Math.max(1, (int) Math.round(size.width() * scale));
            int h = Math.max(1, (int) Math.round(size.height() * scale));
            boolean alpha = out == ImageFormat.PNG && decoded.getColorModel().hasAlpha();
            BufferedImage thumb = new BufferedImage(w, h,
                    alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            Graphics2D g = thumb.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                        RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING,
                        RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(decoded, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            if (!ImageIO.write(thumb, out.imageIoName(), buffer)) {
                throw new IOException("no writer for " + out);
            }
            return buffer.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new ParleyException(ErrorCode.IMAGE_UNREADABLE,
                    "the " + format.contentType() + " image cannot be decoded");
        }
    }

    private static BufferedImage decodeSubsampled(byte[] bytes, ImageFormat format,
                                                  ImageSize size, int side) throws IOException {
        ImageReader reader = ImageProbe.reader(bytes, format);
        try {
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, Math.max(size.width(), size.height()) / (2 * side));
            param.setSourceSubsampling(step, step, 0, 0);
            return reader.read(0, param);
        } finally {
            reader.dispose();
        }
    }
}
