package io.parley.gateway.image;

import io.parley.contracts.proto.ImageRef;

/**
 * Logic's record of images (who uploaded which, where each was sent): {@link ImageClient} over
 * gRPC; a fake in unit tests.
 */
interface ImageRegistry {
    ImageRef register(long userId, ImageRef image);

    /** The image when the user may read it; 6003 otherwise. */
    ImageRef open(long userId, String imageId);
}
