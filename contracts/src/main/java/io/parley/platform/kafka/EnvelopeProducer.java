package io.parley.platform.kafka;

import io.parley.contracts.proto.Envelope;
import io.parley.platform.metrics.KafkaClientMeters;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The one producer of a process, for every topic and every kind of envelope. Durable by
 * configuration: acks=all and idempotence, so a completed send is on every in-sync replica and a
 * producer retry never writes a record twice.
 */
@Singleton
public final class EnvelopeProducer {
    private final KafkaProducer<String, byte[]> producer;

    EnvelopeProducer(KafkaSettings settings) {
        int timeoutMs = (int) settings.sendTimeout().toMillis();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // a batch of sends produces its records together: let them share a request
                ProducerConfig.LINGER_MS_CONFIG, (int) settings.linger().toMillis(),
                ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 5000),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeoutMs, 5001 + 1),
                ProducerConfig.CLIENT_ID_CONFIG, "parley-" + ProcessHandle.current().pid()),
                new StringSerializer(), new ByteArraySerializer());
        KafkaClientMeters.producer(producer);
    }

    /** Completes when the broker has the record, or exceptionally after the send timeout. */
    public CompletableFuture<RecordMetadata> send(String topic, String key, Envelope envelope) {
        return sendRecord(new ProducerRecord<>(topic, key, envelope.toByteArray()));
    }

    /** A record as it is (a dead letter, a replayed one), completing like {@link #send}. */
    public CompletableFuture<RecordMetadata> sendRecord(ProducerRecord<String, byte[]> record) {
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        try {
            producer.send(record,
                    (metadata, error) -> {
                        if (error != null) {
                            result.completeExceptionally(error);
                        } else {
                            result.complete(metadata);
                        }
                    });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
