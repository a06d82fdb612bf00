package io.parley.platform.tracing;

import io.parley.contracts.proto.Envelope;
import org.slf4j.MDC;

/**
 * The log context of one record being handled: its trace id, the sending user and connection, in
 * the MDC (the {@code trace=}, {@code user=}, {@code conn=} fields of every log line) until closed.
 */
public final class RecordLog implements AutoCloseable {
    private RecordLog() {
    }

    /** Call with the record's span current, so the trace id is that span's. */
    public static RecordLog of(Envelope envelope) {
        String traceId = Traces.traceId();
        if (traceId != null) {
            MDC.put("traceId", traceId);
        }
        if (envelope.getSenderId() != 0) {
            MDC.put("userId", Long.toString(envelope.getSenderId()));
        }
        if (!envelope.getConnectionId().isEmpty()) {
            MDC.put("connectionId", envelope.getConnectionId());
        }
        return new RecordLog();
    }

    @Override
    public void close() {
        MDC.remove("traceId");
        MDC.remove("userId");
        MDC.remove("connectionId");
    }
}
