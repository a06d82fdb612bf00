package io.parley.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Puts the dead letters of a namespace back on the topics they came from, once each (the
 * consumer group {@code <ns>.dead-letter-replay} remembers how far it got), then exits. Run it
 * after fixing what made them fail: {@code infra/scripts/replay-dead-letters.sh [namespace]
 * [bootstrap]}. Handlers are idempotent, so a record replayed twice does no harm.
 */
public final class DeadLetterReplay {
    private DeadLetterReplay() {
    }

    public static void main(String[] args) throws Exception {
        String namespace = args.length > 0 ? args[0] : "im";
        String bootstrap = args.length > 1 ? args[1] : "127.0.0.1:9092";
        System.out.println("replayed " + replay(namespace, bootstrap, Duration.ofSeconds(60))
                + " dead letters of " + namespace);
    }

    /** Replays everything on {@code <ns>.dead-letter} now; returns how many records. */
    public static int replay(String namespace, String bootstrap, Duration timeout)
            throws Exception {
        String topic = namespace + ".dead-letter";
        int replayed = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, topic + "-replay",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                     new StringSerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not caught up with " + topic + " in " + timeout);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    Header source = r.headers().lastHeader(DeadLetters.TOPIC);
                    if (source == null) {
                        continue;
                    }
                    RecordHeaders headers = new RecordHeaders();
                    headers.add("parley.replayed-from", (topic + "@" + r.partition() + ":"
                            + r.offset()).getBytes(StandardCharsets.UTF_8));
                    producer.send(new ProducerRecord<>(new String(source.value(),
                            StandardCharsets.UTF_8), null, r.key(), r.value(), headers))
                            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    replayed++;
                }
                consumer.commitSync(timeout);
            }
        }
        return replayed;
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer,
                                    Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
