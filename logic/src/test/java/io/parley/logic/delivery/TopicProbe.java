package io.parley.logic.delivery;

import com.google.protobuf.InvalidProtocolBufferException;
import io.parley.contracts.proto.Envelope;
import io.parley.platform.kafka.KafkaSettings;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;

/** Reads what logic produced to a real topic, from its beginning, in a group of its own. */
@Singleton
public final class TopicProbe {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaSettings kafka;

    TopicProbe(KafkaSettings kafka) {
        this.kafka = kafka;
    }

    /** The first envelope on the topic whose key and envelope match; fails after 30 s. */
    public Envelope first(String topic, BiPredicate<String, Envelope> wanted) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Envelope envelope = Envelope.parseFrom(record.value());
                    if (wanted.test(record.key(), envelope)) {
                        return envelope;
                    }
                }
            }
            throw new AssertionError("nothing matching on " + topic + " within " + WAIT);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("not an envelope on " + topic, e);
        }
    }
}
