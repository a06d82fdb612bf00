package io.parley.gateway.image;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link BlobStore} in memory that counts its writes. */
final class FakeBlobs implements BlobStore {
    final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    final AtomicInteger puts = new AtomicInteger();

    @Override
    public boolean exists(String key) {
        return blobs.containsKey(key);
    }

    @Override
    public void put(String key, byte[] bytes) {
        puts.incrementAndGet();
        blobs.put(key, bytes.clone());
    }

    @Override
    public Optional<InputStream> open(String key) {
        return Optional.ofNullable(blobs.get(key)).map(ByteArrayInputStream::new);
    }
}
