package io.parley.platform.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import io.parley.contracts.proto.Envelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A poll loop on its own thread with at-least-once semantics: an offset is committed only after
 * its record was handled. A handler failure rewinds the partition to that record and retries it
 * after a growing backoff (order within a partition, i.e. a conversation, is never broken). An
 * unreadable record is logged and skipped: it can never succeed. Offsets are committed per
 * partition after each polled batch. {@link #close()} lets the record in hand finish, commits,
 * and leaves the group.
 */
public final class EnvelopeConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeConsumer.class);
    private static final long MAX_BACKOFF_MS = 5_000;

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<String> topics;
    private final EnvelopeHandler handler;
    private final Duration pollTimeout;
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
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.topics = topics;
        this.handler = handler;
        this.pollTimeout = settings.pollTimeout();
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
                boolean failed = false;
                for (TopicPartition tp : records.partitions()) {
                    if (!consumePartition(records.records(tp), tp)) {
                        failed = true;
                    }
                }
                if (failed) {
                    backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(100, backoffMs * 2));
                    Thread.sleep(backoffMs);
                } else {
                    backoffMs = 0;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("consumer of {} stopped on an unexpected error", topics, e);
        } finally {
            try {
                consumer.close(Duration.ofSeconds(5));
            } finally {
                running = false;
                stopped.countDown();
            }
        }
    }

    /**
     * Handles a partition's records in order and commits what was handled; false when one failed
     * and the partition was rewound to it.
     */
    private boolean consumePartition(List<ConsumerRecord<String, byte[]>> records,
                                     TopicPartition tp) {
        long next = -1;
        boolean ok = true;
        for (ConsumerRecord<String, byte[]> record : records) {
            if (!running) {
                consumer.seek(tp, record.offset());
                break;
            }
            if (handleOne(tp, record)) {
                next = record.offset() + 1;
            } else {
                consumer.seek(tp, record.offset());
                ok = false;
                break;
            }
        }
        if (next >= 0) {
            consumer.commitSync(Map.of(tp, new OffsetAndMetadata(next)));
        }
        return ok;
    }

    private boolean handleOne(TopicPartition tp, ConsumerRecord<String, byte[]> record) {
        Envelope envelope;
        try {
            envelope = Envelope.parseFrom(record.value());
        } catch (InvalidProtocolBufferException e) {
            LOG.error("skipping unreadable record {}@{}", tp, record.offset());
            return true;
        }
        try {
            handler.handle(record.key(), envelope);
            return true;
        } catch (Exception e) {
            LOG.warn("handling {}@{} failed, will retry: {}", tp, record.offset(), e.toString());
            return false;
        }
    }

    @Override
    public void close() {
        // No wakeup(): the loop sees the flag within one poll timeout, after the record in hand.
        running = false;
        try {
            if (!stopped.await(10, TimeUnit.SECONDS)) {
                LOG.warn("consumer of {} did not stop within 10 s", topics);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Rebalance implements org.apache.kafka.clients.consumer.ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {
            assigned = false;
        }

        @Override
        public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
            assigned = true;
        }
    }

}
