package io.parley.logic.image;

import io.micronaut.core.annotation.Nullable;
import io.parley.contracts.proto.ImageRef;

/**
 * An image message's image as its {@code messages.image} column holds it:
 * {@code "<id> <content type> <width> <height> <bytes>"}. An image never changes under its id, so
 * the message keeps a copy instead of joining {@code images} on every page.
 */
public final class ImageColumn {
    private ImageColumn() {
    }

    public static @Nullable String encode(@Nullable ImageRef image) {
        if (image == null) {
            return null;
        }
        return image.getImageId() + " " + image.getContentType() + " " + image.getWidth() + " "
                + image.getHeight() + " " + image.getSizeBytes();
    }

    public static @Nullable ImageRef decode(@Nullable String column) {
        if (column == null || column.isEmpty()) {
            return null;
        }
        String[] parts = column.split(" ");
        if (parts.length != 5) {
            throw new IllegalStateException("messages.image is not <id> <type> <w> <h> <bytes>: "
                    + column);
        }
        return ImageRef.newBuilder().setImageId(parts[0]).setContentType(parts[1])
                .setWidth(Integer.parseInt(parts[2])).setHeight(Integer.parseInt(parts[3]))
                .setSizeBytes(Long.parseLong(parts[4])).build();
    }
}
