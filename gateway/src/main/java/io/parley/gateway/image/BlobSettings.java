package io.parley.gateway.image;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;

/**
 * Where {@link LocalBlobStore} keeps images.
 *
 * @param dir the directory; every gateway of a deployment must see the same one (a shared
 *            volume), since an image uploaded through one gateway is served by any
 */
@ConfigurationProperties("im.gateway.blobs")
public record BlobSettings(@Bindable(defaultValue = "data/blobs") Path dir) {
}
