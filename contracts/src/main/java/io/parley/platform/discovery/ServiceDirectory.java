package io.parley.platform.discovery;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchEvent;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The live view of the registry: for each service asked about, every registered instance, kept
 * current by an etcd prefix watch. Listeners hear the whole new list after every change, so a
 * gRPC channel picks up an instance that starts or stops without a restart.
 */
@Singleton
public final class ServiceDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceDirectory.class);

    private final Client etcd;
    private final EtcdSettings settings;
    private final JsonMapper json;
    private final Map<String, Watched> services = new ConcurrentHashMap<>();

    ServiceDirectory(Client etcd, EtcdSettings settings, JsonMapper json) {
        this.etcd = etcd;
        this.settings = settings;
        this.json = json;
    }

    /** The instances of {@code service} known now; starts watching it on first use. */
    public List<ServiceInstance> instances(String service) {
        return watched(service).snapshot();
    }

    /** Calls {@code listener} now and after every change with the instances of {@code service}. */
    public void subscribe(String service, Consumer<List<ServiceInstance>> listener) {
        Watched w = watched(service);
        w.listeners.add(listener);
        listener.accept(w.snapshot());
    }

    public void unsubscribe(String service, Consumer<List<ServiceInstance>> listener) {
        Watched w = services.get(service);
        if (w != null) {
            w.listeners.remove(listener);
        }
    }

    private Watched watched(String service) {
        return services.computeIfAbsent(service, Watched::new);
    }

    @PreDestroy
    void close() {
        services.values().forEach(w -> w.watcher.close());
    }

    private final class Watched {
        private final Map<String, ServiceInstance> byKey = new ConcurrentHashMap<>();
        private final List<Consumer<List<ServiceInstance>>> listeners = new CopyOnWriteArrayList<>();
        private final Watch.Watcher watcher;

        Watched(String service) {
            ByteSequence prefix = ByteSequence.from(settings.servicePrefix(service),
                    StandardCharsets.UTF_8);
            long revision = load(prefix);
            // Watch from the revision after the snapshot so no change falls between the two.
            watcher = etcd.getWatchClient().watch(prefix,
                    WatchOption.builder().isPrefix(true).withRevision(revision + 1).build(),
                    response -> {
                        for (WatchEvent event : response.getEvents()) {
                            apply(event);
                        }
                        publish();
                    },
                    error -> LOG.warn("watch of {} failed: {}", service, error.toString()));
        }

        private long load(ByteSequence prefix) {
            try {
                var response = etcd.getKVClient()
                        .get(prefix, GetOption.builder().isPrefix(true).build())
                        .get(5, TimeUnit.SECONDS);
                response.getKvs().forEach(this::put);
                return response.getHeader().getRevision();
            } catch (Exception e) {
                LOG.warn("reading {} from etcd failed: {}", prefix, e.toString());
                return 0;
            }
        }

        private void apply(WatchEvent event) {
            KeyValue kv = event.getKeyValue();
            if (event.getEventType() == WatchEvent.EventType.DELETE) {
                byKey.remove(kv.getKey().toString(StandardCharsets.UTF_8));
            } else {
                put(kv);
            }
        }

        private void put(KeyValue kv) {
            try {
                byKey.put(kv.getKey().toString(StandardCharsets.UTF_8),
                        json.readValue(kv.getValue().getBytes(), ServiceInstance.class));
            } catch (Exception e) {
                LOG.warn("ignoring unreadable registry entry {}", kv.getKey());
            }
        }

        private List<ServiceInstance> snapshot() {
            return List.copyOf(new ArrayList<>(byKey.values()));
        }

        private void publish() {
            List<ServiceInstance> now = snapshot();
            listeners.forEach(l -> l.accept(now));
        }
    }
}
