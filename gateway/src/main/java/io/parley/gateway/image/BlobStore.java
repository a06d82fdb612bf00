package io.parley.gateway.image;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where image bytes are kept, by key ({@code <sha256>} for an image, {@code <sha256>.thumb} for
 * its thumbnail). Content-addressed: the bytes under a key never change, so writing a key twice
 * is harmless and concurrent uploads of one file need no lock. {@link LocalBlobStore} (a
 * directory, shared by every gateway) is the default; an S3-compatible store implements the same
 * three calls (HEAD, PUT, GET of an object).
 */
public interface BlobStore {
    boolean exists(String key) throws IOException;

    /** Stores the bytes under the key; when the call returns, {@link #open} finds them whole. */
    void put(String key, byte[] bytes) throws IOException;

    /** The bytes under the key, to stream; empty when there are none. */
    Optional<InputStream> open(String key) throws IOException;
}
