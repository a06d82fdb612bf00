/**
 * Kafka I/O with the one envelope: a durable producer, an at-least-once consumer loop that
 * retries in order, topic creation and a readiness check. Services add only their handlers.
 */
package io.parley.platform.kafka;
