package io.parley.platform.config;

import io.etcd.jetcd.Client;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.parley.platform.config.LiveOverrides.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Live settings against the real etcd (own namespace): applied, refused, reset. */
class LiveConfigIT {
    private final String ns = "/parley-liveconfig-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void validValuesApplyBadOnesAreRefusedDeletesReset() throws Exception {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(
                "micronaut.application.name", "svc", "im.etcd.namespace", ns,
                "im.etcd.register", "false"))) {
            LiveOverrides etcd = new LiveOverrides(ctx.getBean(Client.class), ns + "/config/svc/");
            // Present before the setting is registered: applied at registration.
            etcd.put("im.x.timeout", "30s");
            LiveConfig config = ctx.getBean(LiveConfig.class);
            assertEquals(ns + "/config/svc/", config.prefix());
            LiveValue<Duration> timeout = config.durationValue("im.x.timeout", Duration.ofSeconds(65),
                    Duration.ofSeconds(1), Duration.ofMinutes(10));
            LiveValue<Integer> burst = config.intValue("im.x.burst", 40, 1, 10_000);
            assertEquals(Duration.ofSeconds(30), timeout.get());
            List<Integer> seen = new CopyOnWriteArrayList<>();
            burst.onChange(seen::add);

            etcd.put("im.x.burst", "80");
            await(() -> burst.get() == 80, "valid value applied");
            etcd.put("im.x.burst", "lots");
            etcd.put("im.x.burst", "0");
            etcd.put("im.x.timeout", "forever");
            etcd.put("im.x.unrelated", "1");
            etcd.put("im.x.burst", "81"); // a marker: the refused ones came before it
            await(() -> burst.get() == 81, "later valid value applied");
            // The value is set before its listeners run: wait until they have seen it too.
            await(() -> seen.contains(81), "listener told of the later value");
            assertEquals(List.of(80, 81), seen, "refused values never reached the listener");
            assertEquals(Duration.ofSeconds(30), timeout.get(), "bad duration refused, old kept");
            assertEquals(Map.of("im.x.burst", "81", "im.x.timeout", "PT30S"), config.snapshot());

            etcd.delete("im.x.burst");
            await(() -> burst.get() == 40, "delete returns to the configured value");
        }
    }
}
