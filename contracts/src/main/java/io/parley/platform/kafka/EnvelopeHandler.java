package io.parley.platform.kafka;

import io.parley.contracts.proto.Envelope;

/**
 * What a consumer does with each record. Throwing means "not done": the same record is offered
 * again after a backoff, so handlers must be idempotent and must not throw for a record that
 * can never succeed (answer it instead, e.g. with a failure push).
 */
@FunctionalInterface
public interface EnvelopeHandler {
    void handle(String key, Envelope envelope) throws Exception;
}
