package io.parley.platform.discovery;

import io.etcd.jetcd.Client;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The live view of the registry: for each service asked about, every registered instance, kept
 * current by a {@link PrefixWatch} (re-read and re-watched whenever the watch fails). Listeners hear the whole new list after every change, so a gRPC channel picks up an
 * instance that starts or stops without a restart.
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
        services.values().forEach(w -> w.watch.close());
    }

    /** One watched service: its entries by key, rebuilt whenever its {@link PrefixWatch} re-reads. */
    private final class Watched implements PrefixWatch.Handler {
        private final Map<String, ServiceInstance> byKey = new ConcurrentHashMap<>();
        private final List<Consumer<List<ServiceInstance>>> listeners = new CopyOnWriteArrayList<>();
        private final PrefixWatch watch;

        Watched(String service) {
            watch = new PrefixWatch(etcd, settings.servicePrefix(service), this);
        }

        @Override
        public void reset(Map<String, byte[]> all) {
            Map<String, ServiceInstance> fresh = new HashMap<>();
            all.forEach((key, value) -> read(key, value, fresh));
            byKey.keySet().retainAll(fresh.keySet());
            byKey.putAll(fresh);
            publish();
        }

        @Override
        public void put(String key, byte[] value) {
            read(key, value, byKey);
            publish();
        }

        @Override
        public void delete(String key) {
            byKey.remove(key);
            publish();
        }

        private void read(String key, byte[] value, Map<String, ServiceInstance> into) {
            try {
                into.put(key, json.readValue(value, ServiceInstance.class));
            } catch (Exception e) {
                LOG.warn("ignoring unreadable registry entry {}", key);
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
