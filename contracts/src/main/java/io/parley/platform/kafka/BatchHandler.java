package io.parley.platform.kafka;

import java.util.List;

/**
 * What a consumer does with the records one poll returned for one partition, in offset order.
 * Throwing means "not done": the batch is offered again after a backoff, then each record alone;
 * a record that keeps failing goes to the dead-letter topic. Handlers must therefore be idempotent
 * and must not throw for a record that can never succeed (answer it instead, e.g. with a failure
 * push).
 */
@FunctionalInterface
public interface BatchHandler {
    void handle(List<Received> batch) throws Exception;

    /** A handler of one record at a time, for consumers without batch work. */
    static BatchHandler each(EnvelopeHandler handler) {
        return batch -> {
            for (Received r : batch) {
                handler.handle(r.key(), r.envelope());
            }
        };
    }
}
