package io.parley.platform.kafka;

import io.parley.contracts.proto.Envelope;

/** One consumed record, decoded: its key and envelope, and where it was read. */
public record Received(String key, Envelope envelope, String topic, int partition, long offset) {
}
