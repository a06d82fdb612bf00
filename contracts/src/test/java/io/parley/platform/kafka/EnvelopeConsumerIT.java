package io.parley.platform.kafka;

import io.parley.contracts.proto.Envelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consumer loop against the real broker: per-partition progress, dead letters, restarts. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class EnvelopeConsumerIT {
    private static final Duration WAIT = Duration.ofSeconds(45);

    private KafkaSettings settings;
    private TopicProvisioner topics;
    private EnvelopeProducer producer;
    private DeadLetters deadLetters;
    private String topic;
    private final List<EnvelopeConsumer> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        settings = new KafkaSettings(System.getProperty("kafka", "127.0.0.1:9092"),
                "test-consumer-" + UUID.randomUUID().toString().substring(0, 8), 2,
                Duration.ofMillis(200), Duration.ofSeconds(10), 4, Duration.ofSeconds(10),
                Duration.ofMillis(100), 3, (short) 1, Duration.ofMillis(20),
                Duration.ofMillis(1), 1);
        topics = new TopicProvisioner(settings);
        producer = new EnvelopeProducer(settings);
        deadLetters = new DeadLetters(producer, settings);
        topic = settings.namespace() + ".in";
        topics.ensure(topic);
        topics.ensure(deadLetters.topic());
    }

    @AfterEach
    void tearDown() {
        started.forEach(EnvelopeConsumer::close);
        producer.close();
        topics.close();
    }

    @Test
    void aStuckPartitionHoldsUpOnlyItselfAndEachPollIsOneBatch() throws Exception {
        for (int i = 0; i < 20; i++) {
            produce(0, "p0-" + i);
            produce(1, "p1-" + i);
        }
        CountDownLatch release = new CountDownLatch(1);
        List<String> handled = new CopyOnWriteArrayList<>();
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        start(batch -> {
            if (batch.get(0).partition() == 0) {
                assertTrue(release.await(60, TimeUnit.SECONDS));
            }
            batchSizes.add(batch.size());
            batch.forEach(r -> handled.add(r.envelope().getEnvelopeId()));
        });

        await(() -> handled.stream().filter(id -> id.startsWith("p1-")).count() == 20);
        assertTrue(handled.stream().noneMatch(id -> id.startsWith("p0-")),
                "partition 0 is still in its handler");
        produce(1, "p1-late");
        await(() -> handled.contains("p1-late"));
        release.countDown();
        await(() -> handled.stream().filter(id -> id.startsWith("p0-")).count() == 20);
        assertTrue(batchSizes.stream().anyMatch(n -> n > 1), "records come in batches: "
                + batchSizes);
        List<String> p0 = handled.stream().filter(id -> id.startsWith("p0-")).toList();
        for (int i = 0; i < 20; i++) {
            assertEquals("p0-" + i, p0.get(i), "in order");
        }
        await(() -> committed(0) == 20 && committed(1) == 21);
    }

    @Test
    void aRecordThatKeepsFailingIsParkedWithItsOriginAndCanBeReplayed() throws Exception {
        for (String id : List.of("a", "b", "poison", "c", "d")) {
            produce(0, id);
        }
        Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
        List<String> handled = new CopyOnWriteArrayList<>();
        AtomicInteger poisoned = new AtomicInteger(1);
        start(batch -> {
            for (Received r : batch) {
                tries.computeIfAbsent(r.envelope().getEnvelopeId(), k -> new AtomicInteger())
                        .incrementAndGet();
            }
            if (poisoned.get() == 1 && batch.stream()
                    .anyMatch(r -> r.envelope().getEnvelopeId().equals("poison"))) {
                throw new IllegalArgumentException("cannot handle poison");
            }
            batch.forEach(r -> handled.add(r.envelope().getEnvelopeId()));
        });

        await(() -> handled.containsAll(List.of("a", "b", "c", "d")));
        assertEquals(List.of("a", "b", "c", "d"), handled, "the others, once each, in order");
        assertEquals(3, tries.get("poison").get(), "im.kafka.max-attempts tries");

        ConsumerRecord<String, byte[]> letter = deadLetter();
        assertEquals("poison", Envelope.parseFrom(letter.value()).getEnvelopeId());
        assertEquals(topic, header(letter, DeadLetters.TOPIC));
        assertEquals("0", header(letter, DeadLetters.PARTITION));
        assertEquals("2", header(letter, DeadLetters.OFFSET));
        assertTrue(header(letter, DeadLetters.ERROR).contains("cannot handle poison"));
        await(() -> committed(0) == 5);

        poisoned.set(0);
        assertEquals(1, DeadLetterReplay.replay(settings.namespace(), settings.bootstrapServers(),
                WAIT));
        await(() -> handled.contains("poison"));
        assertEquals(0, DeadLetterReplay.replay(settings.namespace(), settings.bootstrapServers(),
                WAIT), "replayed once");
    }

    @Test
    void transientFailuresAreRetriedPastMaxAttemptsWithoutDeadLetters() throws Exception {
        produce(1, "flaky");
        AtomicInteger calls = new AtomicInteger();
        List<String> handled = new CopyOnWriteArrayList<>();
        start(batch -> {
            if (calls.incrementAndGet() <= 6) {
                throw new RuntimeException(new SQLTransientConnectionException("db away"));
            }
            batch.forEach(r -> handled.add(r.envelope().getEnvelopeId()));
        });
        await(() -> handled.contains("flaky"));
        assertEquals(7, calls.get());
        await(() -> committed(1) == 1);
        assertEquals(0, endOffset(deadLetters.topic()), "nothing parked");
    }

    @Test
    void theLoopRestartsAfterAnUnexpectedErrorAndIsLiveAgain() throws Exception {
        produce(0, "first");
        AtomicInteger calls = new AtomicInteger();
        List<String> handled = new CopyOnWriteArrayList<>();
        EnvelopeConsumer consumer = start(batch -> {
            if (calls.incrementAndGet() == 1) {
                throw new StackOverflowError("unexpected");
            }
            batch.forEach(r -> handled.add(r.envelope().getEnvelopeId()));
        });
        await(() -> handled.contains("first"));
        assertEquals(1, consumer.restarts());
        await(consumer::isLive);
        assertTrue(consumer.isRunning());
        produce(0, "second");
        await(() -> handled.contains("second"));
    }

    private EnvelopeConsumer start(BatchHandler handler) {
        EnvelopeConsumer c = new EnvelopeConsumer(settings, settings.group("test"), List.of(topic),
                EnvelopeConsumer.StartAt.EARLIEST, handler, deadLetters).start();
        started.add(c);
        return c;
    }

    private void produce(int partition, String id) throws Exception {
        producer.sendRecord(new ProducerRecord<>(topic, partition, id, Envelope.newBuilder()
                .setEnvelopeId(id).build().toByteArray())).get(30, TimeUnit.SECONDS);
    }

    private long committed(int partition) {
        try (KafkaConsumer<String, byte[]> c = probe(settings.group("test"))) {
            var tp = new org.apache.kafka.common.TopicPartition(topic, partition);
            var o = c.committed(java.util.Set.of(tp), Duration.ofSeconds(10)).get(tp);
            return o == null ? -1 : o.offset();
        }
    }

    private long endOffset(String t) {
        try (KafkaConsumer<String, byte[]> c = probe("probe-" + UUID.randomUUID())) {
            return c.endOffsets(c.partitionsFor(t).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(t, p.partition()))
                    .toList()).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private ConsumerRecord<String, byte[]> deadLetter() {
        try (KafkaConsumer<String, byte[]> c = probe("probe-" + UUID.randomUUID())) {
            c.subscribe(List.of(deadLetters.topic()));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    return r;
                }
            }
        }
        throw new AssertionError("no dead letter within " + WAIT);
    }

    private KafkaConsumer<String, byte[]> probe(String group) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT);
            }
            Thread.sleep(100);
        }
    }
}
