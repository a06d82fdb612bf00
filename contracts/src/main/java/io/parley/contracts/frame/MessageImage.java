package io.parley.contracts.frame;

import io.micronaut.serde.annotation.Serdeable;
import io.parley.contracts.ids.ImageIds;
import io.parley.contracts.proto.ImageRef;

/**
 * The image of an image message (issue #14), as clients see it: its id (the SHA-256 of its
 * bytes), type, size in pixels and bytes, and where a member fetches it and its thumbnail (with
 * the access token in {@code Authorization}, like any other API call).
 */
@Serdeable
public record MessageImage(String id, String contentType, int width, int height, long size,
                           String url, String thumbUrl) {

    public static MessageImage of(ImageRef image) {
        return new MessageImage(image.getImageId(), image.getContentType(), image.getWidth(),
                image.getHeight(), image.getSizeBytes(), ImageIds.url(image.getImageId()),
                ImageIds.thumbUrl(image.getImageId()));
    }
}
