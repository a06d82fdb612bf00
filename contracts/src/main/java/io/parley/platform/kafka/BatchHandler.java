package io.parley.platform.kafka;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.parley.platform.tracing.RecordLog;
import io.parley.platform.tracing.Traces;

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

    /**
     * A handler of one record at a time, for consumers without batch work. Each record is handled
     * in its own consumer span (a child of the trace the envelope carries) with its ids in the log
     * context.
     */
    static BatchHandler each(EnvelopeHandler handler) {
        return batch -> {
            for (Received r : batch) {
                if (r.envelope().getTraceMap().isEmpty()) {
                    try (RecordLog ignored = RecordLog.of(r.envelope())) {
                        handler.handle(r.key(), r.envelope());
                    }
                    continue;
                }
                Span span = Traces.start("consume " + r.topic(), SpanKind.CONSUMER, r.envelope().getTraceMap());
                try (Scope ignored = span.makeCurrent();
                     RecordLog ignoredToo = RecordLog.of(r.envelope())) {
                    handler.handle(r.key(), r.envelope());
                } catch (Exception e) {
                    span.setStatus(StatusCode.ERROR, e.toString());
                    throw e;
                } finally {
                    span.end();
                }
            }
        };
    }
}
