package io.parley.platform.metrics;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Publishes a Kafka client's own metrics (consumer lag per partition, fetch and send rates) as
 * meters, tagged with the consumer group. The clients are made outside the bean context, so they
 * bind to Micrometer's global registry, which {@link GlobalRegistryBridge} feeds into this
 * service's Prometheus registry. Close the result together with the client.
 */
public final class KafkaClientMeters {
    private KafkaClientMeters() {
    }

    public static AutoCloseable consumer(Consumer<?, ?> consumer, String groupId) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(consumer, Tags.of("group", groupId));
        metrics.bindTo(Metrics.globalRegistry);
        return metrics;
    }

    public static AutoCloseable producer(Producer<?, ?> producer) {
        // Same tag keys as the consumers' (Prometheus refuses a name with two sets of keys).
        KafkaClientMetrics metrics = new KafkaClientMetrics(producer, Tags.of("group", "-"));
        metrics.bindTo(Metrics.globalRegistry);
        return metrics;
    }
}
