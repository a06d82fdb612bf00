package io.parley.platform.discovery;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Everything under one etcd prefix, kept current: a full read, then a watch from the revision
 * after it. When the watch fails (etcd restarted, lost its data, a compaction, a partition) it is
 * dropped and both steps are repeated every second until they succeed, and the handler is given
 * the whole new state, so what it holds never freezes.
 */
public final class PrefixWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PrefixWatch.class);
    private static final Duration RESYNC_DELAY = Duration.ofSeconds(1);

    /** Hears the state under the prefix; keys are whole etcd keys. Called one at a time. */
    public interface Handler {
        /** The complete state after a (re)read; what is not in {@code all} is gone. */
        void reset(Map<String, byte[]> all);

        void put(String key, byte[] value);

        void delete(String key);
    }

    private final Client etcd;
    private final ByteSequence prefix;
    private final Handler handler;
    private final ScheduledExecutorService resyncs;
    private Watch.Watcher watcher;
    private long generation;
    private boolean closed;

    /** Reads and watches at once; a failed first read is retried in the background. */
    public PrefixWatch(Client etcd, String prefix, Handler handler) {
        this.etcd = etcd;
        this.prefix = ByteSequence.from(prefix, StandardCharsets.UTF_8);
        this.handler = handler;
        this.resyncs = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "etcd-watch " + prefix);
            t.setDaemon(true);
            return t;
        });
        resync();
    }

    private synchronized void resync() {
        if (closed) {
            return;
        }
        Map<String, byte[]> all = new LinkedHashMap<>();
        long revision;
        try {
            var response = etcd.getKVClient()
                    .get(prefix, GetOption.builder().isPrefix(true).build())
                    .get(5, TimeUnit.SECONDS);
            for (KeyValue kv : response.getKvs()) {
                all.put(kv.getKey().toString(StandardCharsets.UTF_8), kv.getValue().getBytes());
            }
            revision = response.getHeader().getRevision();
        } catch (Exception e) {
            LOG.warn("reading {} from etcd failed, retrying in {}: {}", prefix, RESYNC_DELAY,
                    e.toString());
            scheduleResync();
            return;
        }
        handler.reset(all);
        long mine = ++generation;
        // Watch from the revision after the read so no change falls between the two.
        watcher = etcd.getWatchClient().watch(prefix,
                WatchOption.builder().isPrefix(true).withRevision(revision + 1).build(),
                response -> onEvents(mine, response.getEvents()),
                error -> onWatchError(mine, error));
    }

    private synchronized void onEvents(long from, List<WatchEvent> events) {
        if (from != generation || closed) {
            return;
        }
        for (WatchEvent event : events) {
            KeyValue kv = event.getKeyValue();
            String key = kv.getKey().toString(StandardCharsets.UTF_8);
            if (event.getEventType() == WatchEvent.EventType.DELETE) {
                handler.delete(key);
            } else {
                handler.put(key, kv.getValue().getBytes());
            }
        }
    }

    private synchronized void onWatchError(long from, Throwable error) {
        if (from != generation || closed) {
            return;
        }
        LOG.warn("watch of {} failed ({}); reading and watching again", prefix, error.toString());
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

    @Override
    public synchronized void close() {
        closed = true;
        generation++;
        resyncs.shutdownNow();
        if (watcher != null) {
            watcher.close();
        }
    }
}
