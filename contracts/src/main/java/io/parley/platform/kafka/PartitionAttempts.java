package io.parley.platform.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import io.parley.contracts.proto.Envelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The records one poll returned for one partition, taken to the end: first as one batch; if that
 * fails, each record alone. A transient failure (a dependency away) is retried with a capped
 * backoff for as long as it lasts; any other failure counts, and a record that fails
 * {@code maxAttempts} times, or cannot be decoded, is parked on the dead-letter topic so the
 * partition moves on. Stops early (and says where to resume) when the consumer stops or loses
 * the partition.
 */
final class PartitionAttempts {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionAttempts.class);
    static final long FIRST_BACKOFF_MS = 100;
    static final long MAX_BACKOFF_MS = 5_000;

    /** {@code next}: the first offset not done; {@code complete}: all records were done. */
    record Outcome(TopicPartition partition, long next, boolean complete) {
    }

    private final BatchHandler handler;
    private final DeadLetters deadLetters;
    private final int maxAttempts;

    PartitionAttempts(BatchHandler handler, DeadLetters deadLetters, int maxAttempts) {
        this.handler = handler;
        this.deadLetters = deadLetters;
        this.maxAttempts = maxAttempts;
    }

    Outcome run(TopicPartition tp, List<ConsumerRecord<String, byte[]>> records,
                BooleanSupplier keepGoing) throws InterruptedException {
        List<Received> batch = new ArrayList<>(records.size());
        List<ConsumerRecord<String, byte[]>> raw = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                batch.add(new Received(r.key(), Envelope.parseFrom(r.value()), r.topic(),
                        r.partition(), r.offset()));
                raw.add(r);
            } catch (InvalidProtocolBufferException e) {
                LOG.error("unreadable record {}@{} goes to {}", tp, r.offset(), deadLetters.topic());
                if (!park(r, e, keepGoing)) {
                    return new Outcome(tp, r.offset(), false);
                }
            }
        }
        long end = records.get(records.size() - 1).offset() + 1;
        if (batch.isEmpty()) {
            return new Outcome(tp, end, true);
        }
        Exception first;
        try {
            handler.handle(batch);
            return new Outcome(tp, end, true);
        } catch (Exception e) {
            first = e;
            LOG.warn("batch of {} records of {} failed, retrying each alone: {}", batch.size(), tp,
                    e.toString());
        }
        for (int i = 0; i < batch.size(); i++) {
            if (!alone(tp, batch.get(i), raw.get(i), first, i == 0, keepGoing)) {
                return new Outcome(tp, batch.get(i).offset(), false);
            }
        }
        return new Outcome(tp, end, true);
    }

    /**
     * One record of a failed batch until done or parked (the batch's try counts as its first);
     * false when stopped first. Only the first record waits before its try alone.
     */
    private boolean alone(TopicPartition tp, Received record, ConsumerRecord<String, byte[]> raw,
                          Exception batchFailure, boolean wait, BooleanSupplier keepGoing)
            throws InterruptedException {
        int counted = TransientFailures.isTransient(batchFailure) ? 0 : 1;
        long backoff = wait ? FIRST_BACKOFF_MS : 0;
        Exception last = batchFailure;
        while (counted < maxAttempts) {
            if (!sleep(backoff, keepGoing)) {
                return false;
            }
            try {
                handler.handle(List.of(record));
                return true;
            } catch (Exception e) {
                last = e;
                if (!TransientFailures.isTransient(e)) {
                    counted++;
                }
                backoff = Math.min(MAX_BACKOFF_MS, Math.max(FIRST_BACKOFF_MS, backoff * 2));
                LOG.warn("{}@{} failed (attempt {} of {}): {}", tp, record.offset(), counted,
                        maxAttempts, e.toString());
            }
        }
        LOG.error("{}@{} failed {} times, goes to {}", tp, record.offset(), maxAttempts,
                deadLetters.topic(), last);
        return park(raw, last, keepGoing);
    }

    /** Parks on the dead-letter topic, retrying while the broker is away; false when stopped. */
    private boolean park(ConsumerRecord<String, byte[]> raw, Throwable error,
                         BooleanSupplier keepGoing) throws InterruptedException {
        long backoff = 0;
        while (sleep(backoff, keepGoing)) {
            try {
                deadLetters.park(raw, error);
                return true;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                LOG.warn("cannot park {}@{} yet: {}", raw.topic(), raw.offset(), e.toString());
                backoff = Math.min(MAX_BACKOFF_MS, Math.max(FIRST_BACKOFF_MS, backoff * 2));
            }
        }
        return false;
    }

    /** Sleeps in small steps; false as soon as {@code keepGoing} says stop. */
    private static boolean sleep(long ms, BooleanSupplier keepGoing) throws InterruptedException {
        long until = System.nanoTime() + ms * 1_000_000;
        while (keepGoing.getAsBoolean()) {
            long left = (until - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return true;
            }
            Thread.sleep(Math.min(left, 50));
        }
        return false;
    }
}
