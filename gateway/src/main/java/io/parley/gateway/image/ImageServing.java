package io.parley.gateway.image;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.proto.ImageRef;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves an image or its thumbnail to a user logic says may read it (its uploader, or a member of
 * a conversation it was sent in); everyone else, and an id nobody uploaded, get the same 6003.
 */
@Singleton
final class ImageServing {
    private final BlobStore blobs;
    private final ImageRegistry registry;

    ImageServing(BlobStore blobs, ImageRegistry registry) {
        this.blobs = blobs;
        this.registry = registry;
    }

    /** The bytes of the image or its thumbnail, with their content type. */
    record Served(String contentType, InputStream bytes) {
    }

    Served image(long userId, String imageId) {
        ImageRef image = registry.open(userId, imageId);
        return new Served(image.getContentType(), read(imageId));
    }

    /** The thumbnail; a WebP image (no decoder in the JDK) is its own thumbnail. */
    Served thumbnail(long userId, String imageId) {
        ImageRef image = registry.open(userId, imageId);
        ImageFormat thumb = ImageFormat.ofContentType(image.getContentType())
                .map(Thumbnails::formatOf).orElse(null);
        return thumb == null ? new Served(image.getContentType(), read(imageId))
                : new Served(thumb.contentType(), read(ImageUploads.thumbKey(imageId)));
    }

    private InputStream read(String key) {
        try {
            return blobs.open(key).orElseThrow(() -> new ParleyException(ErrorCode.IMAGE_NOT_FOUND,
                    "the image is recorded but its bytes are not in this gateway's blob store"));
        } catch (IOException e) {
            throw new UncheckedIOException("blob store: " + e.getMessage(), e);
        }
    }
}
