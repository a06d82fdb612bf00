package io.parley.gateway.image;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.proto.ImageRef;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Logic's image records in memory: uploaders may read, and whoever {@link #share} names. */
final class FakeRegistry implements ImageRegistry {
    final Map<String, ImageRef> images = new HashMap<>();
    final Set<String> readers = new HashSet<>();

    @Override
    public synchronized ImageRef register(long userId, ImageRef image) {
        images.putIfAbsent(image.getImageId(), image);
        share(image.getImageId(), userId);
        return images.get(image.getImageId());
    }

    @Override
    public synchronized ImageRef open(long userId, String imageId) {
        if (!readers.contains(imageId + "/" + userId)) {
            throw new ParleyException(ErrorCode.IMAGE_NOT_FOUND);
        }
        return images.get(imageId);
    }

    synchronized void share(String imageId, long userId) {
        readers.add(imageId + "/" + userId);
    }
}
