package io.parley.gateway.image;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.proto.ImageRef;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Takes an upload: within the size limit (6001), of a taken type whose magic bytes agree with the
 * declared one (6002), its header readable (6004) and its dimensions within the limits before a
 * pixel is decoded (6005). Its id is the SHA-256 of the bytes: bytes already stored are not
 * stored nor thumbnailed again, so the same file uploaded twice, by anyone, is one blob with one
 * URL. The thumbnail is written before the image, so an image in the store always has its
 * thumbnail. Then logic records the image and its uploader, who may read it from then on.
 */
@Singleton
final class ImageUploads {
    private final ImageLimits limits;
    private final BlobStore blobs;
    private final ImageRegistry registry;

    ImageUploads(ImageLimits limits, BlobStore blobs, ImageRegistry registry) {
        this.limits = limits;
        this.blobs = blobs;
        this.registry = registry;
    }

    ImageRef upload(long userId, String declaredType, byte[] bytes) {
        if (bytes.length > limits.maxBytes()) {
            throw new ParleyException(ErrorCode.IMAGE_TOO_LARGE,
                    "images are limited to " + limits.maxBytes() + " bytes");
        }
        if (bytes.length == 0) {
            throw new ParleyException(ErrorCode.IMAGE_UNREADABLE, "the body is empty");
        }
        ImageFormat format = formatOf(declaredType, bytes);
        ImageSize size = ImageProbe.size(bytes, format);
        if (size.width() > limits.maxSide() || size.height() > limits.maxSide()
                || size.pixels() > limits.maxPixels()) {
            throw new ParleyException(ErrorCode.IMAGE_DIMENSIONS_TOO_LARGE, "images are limited to "
                    + limits.maxSide() + " pixels each way and " + limits.maxPixels()
                    + " pixels in all; this one is " + size.width() + "x" + size.height());
        }
        String id = idOf(bytes);
        try {
            if (!blobs.exists(id)) {
                byte[] thumb = Thumbnails.of(bytes, format, size, limits.thumbSide());
                if (thumb != null) {
                    blobs.put(thumbKey(id), thumb);
                }
                blobs.put(id, bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("blob store: " + e.getMessage(), e);
        }
        return registry.register(userId, ImageRef.newBuilder().setImageId(id)
                .setContentType(format.contentType()).setWidth(size.width())
                .setHeight(size.height()).setSizeBytes(bytes.length).build());
    }

    private ImageFormat formatOf(String declaredType, byte[] bytes) {
        Optional<ImageFormat> declared = ImageFormat.ofContentType(declaredType)
                .filter(f -> limits.types().contains(f.contentType()));
        if (declared.isEmpty()) {
            throw new ParleyException(ErrorCode.IMAGE_TYPE_NOT_ALLOWED,
                    "Content-Type must be one of " + limits.types());
        }
        Optional<ImageFormat> actual = ImageFormat.sniff(bytes);
        if (actual.isEmpty() || actual.get() != declared.get()) {
            throw new ParleyException(ErrorCode.IMAGE_TYPE_NOT_ALLOWED, "the bytes are not "
                    + declared.get().contentType() + actual.map(f -> " but " + f.contentType())
                    .orElse(""));
        }
        return declared.get();
    }

    static String thumbKey(String id) {
        return id + ".thumb";
    }

    static String idOf(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
