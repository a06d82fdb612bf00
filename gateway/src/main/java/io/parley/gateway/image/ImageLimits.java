package io.parley.gateway.image;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;

import java.util.List;
import java.util.Locale;

/**
 * What an upload may be. The dimension limits guard against decode bombs: a few kilobytes of
 * PNG can declare 50,000 x 50,000 pixels (10 GB decoded), so the header's size is checked before
 * a pixel is decoded, and thumbnails are decoded subsampled.
 *
 * @param maxBytes   the largest upload (bytes); {@code micronaut.server.max-request-size} is set a
 *                   little above it so that an image just over the limit gets 6001, not 1009
 * @param types      the content types taken; the bytes must be of the declared one
 * @param maxSide    the largest width or height in pixels
 * @param maxPixels  the largest width x height
 * @param thumbSide  a thumbnail's longer side at most (pixels)
 */
@ConfigurationProperties("im.gateway.images")
public record ImageLimits(
        @Bindable(defaultValue = "10485760") @Positive long maxBytes,
        @Bindable(defaultValue = "image/png,image/jpeg,image/gif,image/webp") List<String> types,
        @Bindable(defaultValue = "10000") @Positive int maxSide,
        @Bindable(defaultValue = "40000000") @Positive long maxPixels,
        @Bindable(defaultValue = "320") @Positive int thumbSide) {

    public ImageLimits {
        types = types.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).toList();
        for (String t : types) {
            if (ImageFormat.ofContentType(t).isEmpty()) {
                throw new IllegalArgumentException("im.gateway.images.types: " + t
                        + " is not one of " + List.of(ImageFormat.values()));
            }
        }
        if (maxBytes <= 0 || maxSide <= 0 || maxPixels <= 0 || thumbSide <= 0) {
            throw new IllegalArgumentException("im.gateway.images limits must be positive");
        }
    }

    public static ImageLimits defaults() {
        return new ImageLimits(10L << 20, List.of("image/png", "image/jpeg", "image/gif",
                "image/webp"), 10_000, 40_000_000L, 320);
    }
}
