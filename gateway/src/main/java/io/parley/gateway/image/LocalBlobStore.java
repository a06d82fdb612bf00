package io.parley.gateway.image;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@link BlobStore} on the local file system: {@code <dir>/<first two characters>/<key>}, so no
 * directory holds more than a 256th of the images. A blob is written to a temporary file in the
 * same directory and moved into place atomically: a reader never sees half a file, and two
 * gateways writing the same image at once leave one whole copy.
 */
@Singleton
final class LocalBlobStore implements BlobStore {
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}(\\.thumb)?");

    private final Path dir;

    LocalBlobStore(BlobSettings settings) {
        this.dir = settings.dir().toAbsolutePath();
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(path(key));
    }

    @Override
    public void put(String key, byte[] bytes) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (FileAlreadyExistsException e) {
                // the same bytes, written by another upload meanwhile
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        try {
            return Optional.of(Files.newInputStream(path(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private Path path(String key) {
        if (!KEY.matcher(key).matches()) {
            // keys are hashes: anything else (a "../") is a bug upstream, never a path
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        return dir.resolve(key.substring(0, 2)).resolve(key);
    }
}
