package io.parley.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;

/**
 * Parks a record that can not be handled on {@code <ns>.dead-letter}: the same key and bytes, with
 * headers {@code parley.source.topic}, {@code .partition}, {@code .offset} and
 * {@code parley.error}. {@link DeadLetterReplay} puts them back on their source topic.
 */
@Singleton
public final class DeadLetters {
    public static final String TOPIC = "parley.source.topic";
    public static final String PARTITION = "parley.source.partition";
    public static final String OFFSET = "parley.source.offset";
    public static final String ERROR = "parley.error";

    private final EnvelopeProducer producer;
    private final String topic;

    public DeadLetters(EnvelopeProducer producer, KafkaSettings settings) {
        this.producer = producer;
        this.topic = settings.deadLetterTopic();
    }

    public String topic() {
        return topic;
    }

    /** Produces the dead letter and waits until the broker has it. */
    void park(ConsumerRecord<String, byte[]> record, Throwable error) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add(TOPIC, bytes(record.topic()));
        headers.add(PARTITION, bytes(Integer.toString(record.partition())));
        headers.add(OFFSET, bytes(Long.toString(record.offset())));
        String reason = String.valueOf(error);
        headers.add(ERROR, bytes(reason.length() > 500 ? reason.substring(0, 500) : reason));
        producer.sendRecord(new ProducerRecord<>(topic, null, record.key(), record.value(), headers))
                .get();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
