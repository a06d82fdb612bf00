package io.parley.platform.config;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Writes a service's live overrides into the real etcd, as an operator's etcdctl would. */
public final class LiveOverrides {
    private final Client etcd;
    private final String prefix;

    /** {@code prefix}: {@code <namespace>/config/<service>/}, as {@link LiveConfig#prefix()}. */
    public LiveOverrides(Client etcd, String prefix) {
        this.etcd = etcd;
        this.prefix = prefix;
    }

    public void put(String property, String value) throws Exception {
        etcd.getKVClient().put(key(property), ByteSequence.from(value, StandardCharsets.UTF_8))
                .get(20, TimeUnit.SECONDS);
    }

    public void delete(String property) throws Exception {
        etcd.getKVClient().delete(key(property)).get(20, TimeUnit.SECONDS);
    }

    private ByteSequence key(String property) {
        return ByteSequence.from(prefix + property, StandardCharsets.UTF_8);
    }

    /** Polls {@code condition} every 10 ms for up to 30 s. */
    public static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(10);
        }
        fail("timed out waiting: " + what);
    }
}
