package io.parley.gateway.image;

import java.util.Locale;
import java.util.Optional;

/**
 * The image types the gateway knows, each recognised by its magic bytes: what a client declares
 * in {@code Content-Type} is only believed when the bytes agree, so an HTML or SVG file renamed
 * {@code .png} is refused rather than served back as an image.
 */
public enum ImageFormat {
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpeg"),
    GIF("image/gif", "gif"),
    /** No decoder in the JDK: measured from its header, served as its own thumbnail. */
    WEBP("image/webp", null);

    private final String contentType;
    private final String imageIoName;

    ImageFormat(String contentType, String imageIoName) {
        this.contentType = contentType;
        this.imageIoName = imageIoName;
    }

    public String contentType() {
        return contentType;
    }

    /** The javax.imageio format name; null when the JDK cannot decode it. */
    String imageIoName() {
        return imageIoName;
    }

    /** The format of a declared content type ({@code image/jpg} is taken for JPEG). */
    public static Optional<ImageFormat> ofContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (type.equals("image/jpg") || type.equals("image/pjpeg")) {
            return Optional.of(JPEG);
        }
        for (ImageFormat f : values()) {
            if (f.contentType.equals(type)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The format the bytes are, by their first bytes; empty for anything else. */
    public static Optional<ImageFormat> sniff(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8', '7', 'a')
                || startsWith(b, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of(GIF);
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, int offset, int... magic) {
        if (b.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
