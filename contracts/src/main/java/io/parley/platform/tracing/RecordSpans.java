package io.parley.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.parley.platform.kafka.Received;

import java.util.ArrayList;
import java.util.List;

/**
 * One consumer span ({@code consume <topic>}) per record of a batch that carries a trace, each a
 * child of the trace its envelope carries; all end together when the batch is done. A batch
 * handler has no single record to make current, so the spans are not current: work they cover
 * carries each record's own trace map on (see {@link Traces#carryOn}).
 */
public final class RecordSpans implements AutoCloseable {
    private final List<Span> spans;

    private RecordSpans(List<Span> spans) {
        this.spans = spans;
    }

    public static RecordSpans of(List<Received> batch) {
        List<Span> spans = new ArrayList<>(batch.size());
        for (Received r : batch) {
            if (!r.envelope().getTraceMap().isEmpty()) {
                spans.add(Traces.start("consume " + r.topic(), SpanKind.CONSUMER,
                        r.envelope().getTraceMap()));
            }
        }
        return new RecordSpans(spans);
    }

    /** Marks every span of the batch failed (the batch will be offered again). */
    public void failed(Throwable error) {
        spans.forEach(s -> s.setStatus(StatusCode.ERROR, error.toString()));
    }

    @Override
    public void close() {
        spans.forEach(Span::end);
    }
}
