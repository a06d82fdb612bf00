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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The live view of the registry: for each service asked about, every registered instance, kept
 * current by an etcd prefix watch that is re-established (full re-read, then watch) whenever it
 * fails. Listeners hear the whole new list after every change, so a gRPC channel picks up an
 * instance that starts or stops without a restart.
 */
@Singleton
public final class ServiceDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceDirectory.class);

    private final Client etcd;
    private final EtcdSettings settings;
    private final JsonMapper json;
    private static final Duration RESYNC_DELAY = Duration.ofSeconds(1);

    private final Map<String, Watched> services = new ConcurrentHashMap<>();
    private final ScheduledExecutorService resyncs = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "etcd-resync");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

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
        closed = true;
        resyncs.shutdownNow();
        services.values().forEach(Watched::stop);
    }

    /**
     * One watched service. Its list is (re)built by a full read of the prefix followed by a watch
     * from the revision after that read; when the watch fails (etcd restarted, lost its data, a
     * compaction, a partition) the watch is dropped and both steps are repeated every
     * {@link #RESYNC_DELAY} until they succeed, so the list never freezes.
     */
    private final class Watched {
        private final String service;
        private final ByteSequence prefix;
        private final Map<String, ServiceInstance> byKey = new ConcurrentHashMap<>();
        private final List<Consumer<List<ServiceInstance>>> listeners = new CopyOnWriteArrayList<>();
        private Watch.Watcher watcher;
        private long generation;

        Watched(String service) {
            this.service = service;
            this.prefix = ByteSequence.from(settings.servicePrefix(service), StandardCharsets.UTF_8);
            resync();
        }

        private synchronized void resync() {
            if (closed) {
                return;
            }
            Map<String, ServiceInstance> fresh = new HashMap<>();
            long revision;
            try {
                var response = etcd.getKVClient()
                        .get(prefix, GetOption.builder().isPrefix(true).build())
                        .get(5, TimeUnit.SECONDS);
                response.getKvs().forEach(kv -> read(kv, fresh));
                revision = response.getHeader().getRevision();
            } catch (Exception e) {
                LOG.warn("reading {} from etcd failed, retrying in {}: {}", prefix, RESYNC_DELAY,
                        e.toString());
                scheduleResync();
                return;
            }
            byKey.keySet().retainAll(fresh.keySet());
            byKey.putAll(fresh);
            publish();
            long mine = ++generation;
            // Watch from the revision after the read so no change falls between the two.
            watcher = etcd.getWatchClient().watch(prefix,
                    WatchOption.builder().isPrefix(true).withRevision(revision + 1).build(),
                    response -> onEvents(mine, response.getEvents()),
                    error -> onWatchError(mine, error));
        }

        private synchronized void onEvents(long from, List<WatchEvent> events) {
            if (from != generation) {
                return;
            }
            for (WatchEvent event : events) {
                apply(event);
            }
            publish();
        }

        private synchronized void onWatchError(long from, Throwable error) {
            if (from != generation || closed) {
                return;
            }
            LOG.warn("watch of {} failed ({}); listing and watching again", service, error.toString());
            generation++;
            Watch.Watcher failed = watcher;
            watcher = null;
            resyncs.execute(() -> {
                if (failed != null) {
                    failed.close();
                }
            });
            scheduleResync();
        }

        private void scheduleResync() {
            if (!closed) {
                resyncs.schedule(this::resync, RESYNC_DELAY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        private void apply(WatchEvent event) {
            KeyValue kv = event.getKeyValue();
            if (event.getEventType() == WatchEvent.EventType.DELETE) {
                byKey.remove(kv.getKey().toString(StandardCharsets.UTF_8));
            } else {
                read(kv, byKey);
            }
        }

        private void read(KeyValue kv, Map<String, ServiceInstance> into) {
            try {
                into.put(kv.getKey().toString(StandardCharsets.UTF_8),
                        json.readValue(kv.getValue().getBytes(), ServiceInstance.class));
            } catch (Exception e) {
                LOG.warn("ignoring unreadable registry entry {}", kv.getKey());
            }
        }

        private synchronized void stop() {
            generation++;
            if (watcher != null) {
                watcher.close();
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
