package io.parley.platform.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;

import java.util.HashMap;
import java.util.Map;

/**
 * The process's tracer and the W3C context carried in a plain map (the envelope's {@code trace}
 * field). Kafka consumers and producers are made outside the bean context, so the tracer is
 * reached statically; {@link Tracing} installs the configured one at startup (a no-op until).
 */
public final class Traces {
    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };
    private static volatile Tracer tracer = OpenTelemetry.noop().getTracer("parley");

    private Traces() {
    }

    static void install(OpenTelemetry openTelemetry) {
        tracer = openTelemetry.getTracer("io.parley");
    }

    public static Tracer tracer() {
        return tracer;
    }

    /** Starts a span of {@code kind} as a child of the context carried in {@code carrier}. */
    public static Span start(String name, SpanKind kind, Map<String, String> carrier) {
        return tracer.spanBuilder(name).setSpanKind(kind)
                .setParent(W3C.extract(Context.root(), carrier, MAP)).startSpan();
    }

    /** Starts a span of {@code kind} as a child of the current span (or a new trace). */
    public static Span start(String name, SpanKind kind) {
        return tracer.spanBuilder(name).setSpanKind(kind).startSpan();
    }

    /** The current context as {@code traceparent}/{@code tracestate} entries. */
    public static Map<String, String> current() {
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier;
    }

    /**
     * What a record produced while handling {@code received} carries on: the current span when
     * there is one, else the context that came in.
     */
    public static Map<String, String> carryOn(Map<String, String> received) {
        return Span.current().getSpanContext().isValid() ? current() : received;
    }

    /** The trace id of the current span, or null. */
    public static String traceId() {
        var context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }

    static TextMapPropagator propagator() {
        return W3C;
    }
}
