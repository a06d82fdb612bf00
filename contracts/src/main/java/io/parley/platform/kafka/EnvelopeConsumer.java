package io.parley.platform.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import io.parley.contracts.proto.Envelope;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.parley.platform.metrics.KafkaClientMeters;
import io.parley.platform.tracing.RecordLog;
import io.parley.platform.tracing.Traces;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A poll loop with at-least-once semantics. Each polled batch is split by partition and the
 * partitions are handled in parallel on {@code concurrency} workers, each partition's records in
 * order (a partition holds whole conversations, so their order is kept). Only the poll thread
 * touches the Kafka consumer: once every partition of the batch is done it commits what was
 * handled, and rewinds a partition whose record failed to that record, which is offered again
 * after a growing backoff. An unreadable record is logged and skipped: it can never succeed.
 * {@link #close()} lets the records in hand finish, commits, and leaves the group.
 */
public final class EnvelopeConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeConsumer.class);
    private static final long MAX_BACKOFF_MS = 5_000;

    private final KafkaConsumer<String, byte[]> consumer;
    private final AutoCloseable meters;
    private final List<String> topics;
    private final EnvelopeHandler handler;
    private final Duration pollTimeout;
    private final ExecutorService workers;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean assigned;

    public EnvelopeConsumer(KafkaSettings settings, String groupId, List<String> topics,
                            EnvelopeHandler handler) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis(),
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                (int) Math.max(1000, settings.sessionTimeout().toMillis() / 3),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.meters = KafkaClientMeters.consumer(consumer, groupId);
        this.topics = topics;
        this.handler = handler;
        this.pollTimeout = settings.pollTimeout();
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.consumerConcurrency(),
                r -> new Thread(r, groupId + "-worker-" + n.incrementAndGet()));
        this.thread = new Thread(this::run, "consumer-" + groupId);
    }

    public EnvelopeConsumer start() {
        thread.start();
        return this;
    }

    /** True from start until close (or a fatal error). */
    public boolean isRunning() {
        return running && thread.isAlive();
    }

    public List<String> topics() {
        return topics;
    }

    /** True while the group has given this consumer partitions. */
    public boolean isAssigned() {
        return assigned;
    }

    private void run() {
        try {
            consumer.subscribe(topics, new Rebalance());
            long backoffMs = 0;
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(pollTimeout);
                if (records.isEmpty()) {
                    continue;
                }
                if (handleBatch(records)) {
                    backoffMs = 0;
                } else {
                    backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(100, backoffMs * 2));
                    Thread.sleep(backoffMs);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("consumer of {} stopped on an unexpected error", topics, e);
        } finally {
            try {
                workers.shutdown();
                closeMeters();
                consumer.close(Duration.ofSeconds(5));
            } finally {
                running = false;
                stopped.countDown();
            }
        }
    }

    private void closeMeters() {
        try {
            meters.close();
        } catch (Exception e) {
            LOG.debug("closing the consumer's meters failed", e);
        }
    }

    /** Handles one polled batch, partitions in parallel; false when some partition failed. */
    private boolean handleBatch(ConsumerRecords<String, byte[]> records) {
        List<CompletableFuture<Progress>> work = new ArrayList<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> batch = records.records(tp);
            work.add(CompletableFuture.supplyAsync(() -> handlePartition(tp, batch), workers));
        }
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        boolean ok = true;
        for (CompletableFuture<Progress> f : work) {
            Progress p = f.join();
            if (p.nextOffset() >= 0) {
                commits.put(p.partition(), new OffsetAndMetadata(p.nextOffset()));
            }
            if (p.rewindTo() >= 0) {
                consumer.seek(p.partition(), p.rewindTo());
                ok = ok && p.stopped();
            }
        }
        if (!commits.isEmpty()) {
            consumer.commitSync(commits);
        }
        return ok;
    }

    /**
     * One partition's records in order. {@code nextOffset}: the offset to commit (-1: none
     * handled); {@code rewindTo}: where to resume (-1: all handled).
     */
    private record Progress(TopicPartition partition, long nextOffset, long rewindTo,
                            boolean stopped) {
    }

    private Progress handlePartition(TopicPartition tp, List<ConsumerRecord<String, byte[]>> batch) {
        long next = -1;
        for (ConsumerRecord<String, byte[]> record : batch) {
            if (!running) {
                return new Progress(tp, next, record.offset(), true);
            }
            if (!handleOne(tp, record)) {
                return new Progress(tp, next, record.offset(), false);
            }
            next = record.offset() + 1;
        }
        return new Progress(tp, next, -1, false);
    }

    private boolean handleOne(TopicPartition tp, ConsumerRecord<String, byte[]> record) {
        Envelope envelope;
        try {
            envelope = Envelope.parseFrom(record.value());
        } catch (InvalidProtocolBufferException e) {
            LOG.error("skipping unreadable record {}@{}", tp, record.offset());
            return true;
        }
        Span span = Traces.start("consume " + tp.topic(), SpanKind.CONSUMER,
                envelope.getTraceMap());
        try (Scope ignored = span.makeCurrent(); RecordLog ignoredToo = RecordLog.of(envelope)) {
            handler.handle(record.key(), envelope);
            return true;
        } catch (Exception e) {
            span.setStatus(StatusCode.ERROR, e.toString());
            LOG.warn("handling {}@{} failed, will retry: {}", tp, record.offset(), e.toString());
            return false;
        } finally {
            span.end();
        }
    }

    @Override
    public void close() {
        // No wakeup(): the loop sees the flag within one poll timeout, after the records in hand.
        running = false;
        try {
            if (!stopped.await(15, TimeUnit.SECONDS)) {
                LOG.warn("consumer of {} did not stop within 15 s", topics);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            assigned = false;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assigned = true;
        }
    }
}
