package io.parley.platform.kafka;

import io.parley.platform.metrics.KafkaClientMeters;
import io.parley.platform.metrics.Stage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A poll loop with at-least-once semantics that works per poll, not per record. The records a
 * poll returns for a partition go to a worker as one batch ({@link PartitionAttempts}); what
 * later polls return for that partition while its worker is busy waits in a backlog and goes to
 * a worker as the next batch the moment the first is done, while the loop keeps polling the
 * others: a slow or retrying partition holds up only itself. The partition stays in the fetches
 * meanwhile (it is paused only when its backlog holds {@link #MAX_POLL_RECORDS}): a Kafka
 * consumer keeps one fetch in flight per broker, so a partition paused and resumed would be
 * fetched only by the fetch after the one in flight, which the broker may hold for
 * {@code fetch.max.wait.ms}. Only the poll thread touches the Kafka consumer; a finished worker
 * wakes it, and it starts the backlog, resumes the partition and commits what was handled
 * asynchronously every {@code commitInterval} (synchronously when partitions are revoked and at
 * close). An unexpected error in the loop closes that Kafka consumer and starts a new one from
 * the committed offsets after a backoff; {@link #isLive()} is false until it polls again.
 * Two {@link Stage}s time each record from its create time: {@code kafka.<stage>.polled} when a
 * poll returns it, {@code kafka.<stage>.started} when its batch's worker starts (the difference
 * is the wait behind the partition's batch in hand).
 */
public final class EnvelopeConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeConsumer.class);
    private static final long DRAIN_WAIT_MS = 10_000;
    /** Records one poll returns at most; also the backlog at which a busy partition is paused. */
    static final int MAX_POLL_RECORDS = 500;

    /** Where a group without a committed offset starts. */
    public enum StartAt { EARLIEST, LATEST }

    private final KafkaSettings settings;
    private final String groupId;
    private final List<String> topics;
    private final StartAt startAt;
    private final PartitionAttempts attempts;
    private final ExecutorService workers;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile boolean running = true;
    private volatile boolean healthy = true;
    private volatile boolean assigned;
    private volatile boolean positioned;
    private volatile Session current;
    private final Stage polled;
    private final Stage started;

    public EnvelopeConsumer(KafkaSettings settings, String groupId, List<String> topics,
                            StartAt startAt, BatchHandler handler, DeadLetters deadLetters) {
        this(settings, groupId, topics, startAt, handler, deadLetters, "consumer");
    }

    /** {@code stage} names this consumer's stages ({@code kafka.<stage>.polled}, {@code .started}). */
    public EnvelopeConsumer(KafkaSettings settings, String groupId, List<String> topics,
                            StartAt startAt, BatchHandler handler, DeadLetters deadLetters,
                            String stage) {
        this.polled = Stage.of("kafka." + stage + ".polled");
        this.started = Stage.of("kafka." + stage + ".started");
        this.settings = settings;
        this.groupId = groupId;
        this.topics = topics;
        this.startAt = startAt;
        this.attempts = new PartitionAttempts(handler, deadLetters, settings.maxAttempts());
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.consumerConcurrency(),
                r -> new Thread(r, groupId + "-worker-" + n.incrementAndGet()));
        this.thread = new Thread(this::run, "consumer-" + groupId);
    }

    public EnvelopeConsumer start() {
        thread.start();
        return this;
    }

    /** True from start until close. */
    public boolean isRunning() {
        return running && thread.isAlive();
    }

    /**
     * Running, and for a group that starts at {@link StartAt#LATEST}, placed on its partitions at
     * least once: from then on nothing produced is skipped.
     */
    public boolean isReady() {
        return isRunning() && (startAt == StartAt.EARLIEST || positioned);
    }

    /** False while the loop is down after an unexpected error and has not polled again. */
    public boolean isLive() {
        return !running || (healthy && thread.isAlive());
    }

    /** How often the loop was restarted after an unexpected error. */
    public int restarts() {
        return restarts.get();
    }

    public List<String> topics() {
        return topics;
    }

    /** True while the group has given this consumer partitions. */
    public boolean isAssigned() {
        return assigned;
    }

    private void run() {
        long backoffMs = 0;
        try {
            while (running) {
                try (Session session = new Session()) {
                    current = session;
                    session.loop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Throwable e) {
                    if (!running) {
                        return;
                    }
                    healthy = false;
                    restarts.incrementAndGet();
                    backoffMs = Math.min(PartitionAttempts.MAX_BACKOFF_MS,
                            Math.max(PartitionAttempts.FIRST_BACKOFF_MS, backoffMs * 2));
                    LOG.error("consumer of {} failed, restarting in {} ms", topics, backoffMs, e);
                    try {
                        Thread.sleep(backoffMs);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        } finally {
            running = false;
            workers.shutdownNow();
            stopped.countDown();
        }
    }

    /** One Kafka consumer's life: from subscribe to close, or to an unexpected error. */
    private final class Session implements AutoCloseable, ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> consumer;
        private final AutoCloseable meters;
        private final Map<TopicPartition, CompletableFuture<PartitionAttempts.Outcome>> inFlight =
                new HashMap<>();
        private final ConcurrentLinkedQueue<TopicPartition> finished = new ConcurrentLinkedQueue<>();
        /** Records polled for a partition while its worker was busy: its next batch. */
        private final Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> backlog =
                new HashMap<>();
        private final Set<TopicPartition> revoking = ConcurrentHashMap.newKeySet();
        private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
        private final Set<TopicPartition> owned = new HashSet<>();
        private volatile boolean open = true;
        private long lastCommitNanos = System.nanoTime();

        Session() {
            this.consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, groupId,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    startAt == StartAt.LATEST ? "latest" : "earliest",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS,
                    ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) settings.fetchMaxWait().toMillis(),
                    ConsumerConfig.FETCH_MIN_BYTES_CONFIG, settings.fetchMinBytes(),
                    ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                    (int) settings.sessionTimeout().toMillis(),
                    ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                    (int) Math.max(1000, settings.sessionTimeout().toMillis() / 3),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                    new StringDeserializer(), new ByteArrayDeserializer());
            this.meters = KafkaClientMeters.consumer(consumer, groupId);
        }

        void loop() throws InterruptedException {
            consumer.subscribe(topics, this);
            long commitMs = settings.commitInterval().toMillis();
            while (running) {
                ConsumerRecords<String, byte[]> records;
                try {
                    records = consumer.poll(pending.isEmpty() ? settings.pollTimeout()
                            : Duration.ofMillis(Math.min(commitMs,
                            settings.pollTimeout().toMillis())));
                } catch (WakeupException e) {
                    records = ConsumerRecords.empty();
                }
                healthy = true;
                long now = System.currentTimeMillis();
                for (ConsumerRecord<String, byte[]> r : records) {
                    polled.sinceMs(r.timestamp(), now);
                }
                for (TopicPartition tp : records.partitions()) {
                    dispatch(tp, records.records(tp));
                }
                collect();
                if (!pending.isEmpty()
                        && System.nanoTime() - lastCommitNanos >= commitMs * 1_000_000) {
                    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(pending);
                    pending.clear();
                    lastCommitNanos = System.nanoTime();
                    consumer.commitAsync(offsets, (o, error) -> {
                        if (error != null) {
                            LOG.warn("commit of {} failed (re-delivered later): {}", o, error.toString());
                        }
                    });
                }
            }
            drain(inFlight.keySet());
            commitSync(pending);
        }

        private void dispatch(TopicPartition tp, List<ConsumerRecord<String, byte[]>> batch) {
            if (!inFlight.containsKey(tp)) {
                start(tp, batch);
                return;
            }
            List<ConsumerRecord<String, byte[]>> waiting =
                    backlog.computeIfAbsent(tp, k -> new ArrayList<>());
            waiting.addAll(batch);
            if (waiting.size() >= MAX_POLL_RECORDS) {
                consumer.pause(List.of(tp));
            }
        }

        private void start(TopicPartition tp, List<ConsumerRecord<String, byte[]>> batch) {
            CompletableFuture<PartitionAttempts.Outcome> outcome = new CompletableFuture<>();
            inFlight.put(tp, outcome);
            workers.execute(() -> {
                try {
                    long now = System.currentTimeMillis();
                    for (ConsumerRecord<String, byte[]> r : batch) {
                        started.sinceMs(r.timestamp(), now);
                    }
                    outcome.complete(attempts.run(tp, batch,
                            () -> running && open && !revoking.contains(tp)));
                } catch (Throwable e) {
                    outcome.completeExceptionally(e);
                } finally {
                    finished.add(tp);
                    if (open) {
                        consumer.wakeup();
                    }
                }
            });
        }

        /** Takes in what workers finished: offsets to commit, backlogs to start. */
        private void collect() {
            TopicPartition tp;
            while ((tp = finished.poll()) != null) {
                CompletableFuture<PartitionAttempts.Outcome> f = inFlight.remove(tp);
                if (f != null) {
                    settle(f.join());
                }
            }
        }

        /**
         * Takes in a worker's outcome and starts the partition's backlog, unless the loop stops,
         * the partition is going away or the worker stopped short: then the backlog is dropped
         * (its records are not committed, so they come again), and in the last case the
         * partition is set back to the first record not done.
         */
        private void settle(PartitionAttempts.Outcome o) {
            TopicPartition tp = o.partition();
            pending.put(tp, new OffsetAndMetadata(o.next()));
            List<ConsumerRecord<String, byte[]>> next = backlog.remove(tp);
            if (!owned.contains(tp)) {
                return;
            }
            if (!o.complete()) {
                consumer.seek(tp, o.next());
            } else if (next != null && running && !revoking.contains(tp)) {
                start(tp, next);
            }
            consumer.resume(List.of(tp));
        }

        /** Waits (bounded) for the workers of these partitions and takes in their outcomes. */
        private void drain(Collection<TopicPartition> partitions) {
            long deadline = System.nanoTime() + DRAIN_WAIT_MS * 1_000_000;
            for (TopicPartition tp : List.copyOf(partitions)) {
                CompletableFuture<PartitionAttempts.Outcome> f = inFlight.get(tp);
                if (f == null) {
                    continue;
                }
                try {
                    PartitionAttempts.Outcome o = f.get(Math.max(1,
                            deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    inFlight.remove(tp);
                    settle(o);
                } catch (java.util.concurrent.TimeoutException e) {
                    LOG.warn("{} still busy after {} ms; its records are re-delivered", tp,
                            DRAIN_WAIT_MS);
                    inFlight.remove(tp);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (java.util.concurrent.ExecutionException e) {
                    inFlight.remove(tp);
                    throw new IllegalStateException("worker of " + tp + " failed", e.getCause());
                }
            }
        }

        private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            if (offsets.isEmpty()) {
                return;
            }
            Map<TopicPartition, OffsetAndMetadata> copy = new HashMap<>(offsets);
            for (int tries = 0; tries < 2; tries++) {
                try {
                    consumer.commitSync(copy, Duration.ofSeconds(5));
                    offsets.keySet().removeAll(copy.keySet());
                    return;
                } catch (WakeupException e) {
                    // a worker's wake-up call; try once more
                } catch (RuntimeException e) {
                    LOG.warn("commit of {} failed (re-delivered later): {}", copy, e.toString());
                    offsets.keySet().removeAll(copy.keySet());
                    return;
                }
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            revoking.addAll(partitions);
            try {
                drain(partitions);
                Map<TopicPartition, OffsetAndMetadata> mine = new HashMap<>();
                partitions.forEach(tp -> {
                    OffsetAndMetadata o = pending.remove(tp);
                    if (o != null) {
                        mine.put(tp, o);
                    }
                });
                commitSync(mine);
            } finally {
                owned.removeAll(partitions);
                partitions.forEach(backlog::remove);
                revoking.removeAll(partitions);
                assigned = !owned.isEmpty();
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            revoking.addAll(partitions);
            try {
                drain(partitions);
                partitions.forEach(pending::remove);
            } finally {
                owned.removeAll(partitions);
                partitions.forEach(backlog::remove);
                revoking.removeAll(partitions);
                assigned = !owned.isEmpty();
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            owned.addAll(partitions);
            consumer.resume(partitions.stream().filter(tp -> !inFlight.containsKey(tp)).toList());
            if (startAt == StartAt.LATEST) {
                // resolve "latest" now, not at the first fetch: what is produced from here is read
                partitions.forEach(tp -> consumer.position(tp, Duration.ofSeconds(10)));
            }
            assigned = !owned.isEmpty();
            positioned = positioned || assigned;
        }

        @Override
        public void close() {
            open = false;
            try {
                meters.close();
            } catch (Exception e) {
                LOG.debug("closing the meters of {}: {}", topics, e.toString());
            }
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.warn("closing the consumer of {}: {}", topics, e.toString());
            }
            assigned = false;
        }
    }

    @Override
    public void close() {
        running = false;
        Session session = current;
        if (session != null) {
            session.consumer.wakeup();
        }
        try {
            if (!stopped.await(20, TimeUnit.SECONDS)) {
                LOG.warn("consumer of {} did not stop within 20 s", topics);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
