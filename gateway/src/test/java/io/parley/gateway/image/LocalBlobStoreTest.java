package io.parley.gateway.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalBlobStoreTest {
    private static final String KEY = "ab" + "0".repeat(62);

    @TempDir
    Path dir;

    private LocalBlobStore store() {
        return new LocalBlobStore(new BlobSettings(dir));
    }

    @Test
    void keepsBytesUnderTheKeyInADirectoryOfItsFirstTwoCharacters() throws IOException {
        LocalBlobStore store = store();
        assertFalse(store.exists(KEY));
        assertTrue(store.open(KEY).isEmpty());

        store.put(KEY, new byte[] {1, 2, 3});
        store.put(KEY + ".thumb", new byte[] {4});

        assertTrue(store.exists(KEY));
        try (InputStream in = store.open(KEY).orElseThrow()) {
            assertArrayEquals(new byte[] {1, 2, 3}, in.readAllBytes());
        }
        assertTrue(Files.isRegularFile(dir.resolve("ab").resolve(KEY)));
        assertTrue(Files.isRegularFile(dir.resolve("ab").resolve(KEY + ".thumb")));
    }

    @Test
    void concurrentWritesOfOneKeyLeaveOneWholeFileAndNoTemporaries() throws Exception {
        LocalBlobStore store = store();
        byte[] bytes = new byte[256 * 1024];
        java.util.Arrays.fill(bytes, (byte) 7);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                writes.add(pool.submit(() -> {
                    store.put(KEY, bytes);
                    return null;
                }));
            }
            for (Future<?> w : writes) {
                w.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        try (InputStream in = store.open(KEY).orElseThrow()) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
        try (Stream<Path> files = Files.list(dir.resolve("ab"))) {
            assertEquals(List.of(KEY), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void refusesKeysThatAreNotImageIds() {
        LocalBlobStore store = store();
        assertThrows(IllegalArgumentException.class, () -> store.put("../../etc/passwd", new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> store.exists("ab/../../x"));
    }
}
