package io.parley.platform.tracing;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

import java.util.HashMap;
import java.util.Map;

/**
 * The trace context in gRPC metadata: the client side writes the current context's
 * {@code traceparent}/{@code tracestate}; the server side continues it in a server span that is
 * current while the call's listener runs.
 */
public final class TraceInterceptors {
    private static final String[] KEYS = {"traceparent", "tracestate"};

    private TraceInterceptors() {
    }

    public static ClientInterceptor client() {
        return new ClientInterceptor() {
            @Override
            public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method,
                                                         CallOptions options, Channel next) {
                return new ForwardingClientCall.SimpleForwardingClientCall<>(
                        next.newCall(method, options)) {
                    @Override
                    public void start(Listener<A> listener, Metadata headers) {
                        Traces.current().forEach((k, v) -> headers.put(key(k), v));
                        super.start(listener, headers);
                    }
                };
            }
        };
    }

    public static ServerInterceptor server() {
        return new ServerInterceptor() {
            @Override
            public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call,
                                                               Metadata headers,
                                                               ServerCallHandler<Q, A> next) {
                Map<String, String> carrier = new HashMap<>();
                for (String k : KEYS) {
                    String v = headers.get(key(k));
                    if (v != null) {
                        carrier.put(k, v);
                    }
                }
                Span span = Traces.start(call.getMethodDescriptor().getFullMethodName(),
                        SpanKind.SERVER, carrier);
                Context context = Context.current().with(span);
                ServerCall<Q, A> ending = new ForwardingServerCall.SimpleForwardingServerCall<>(
                        call) {
                    @Override
                    public void close(Status status, Metadata trailers) {
                        if (!status.isOk()) {
                            span.setStatus(StatusCode.ERROR, status.getCode().name());
                        }
                        span.end();
                        super.close(status, trailers);
                    }
                };
                ServerCall.Listener<Q> listener;
                try (Scope ignored = context.makeCurrent()) {
                    listener = next.startCall(ending, headers);
                }
                return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(
                        listener) {
                    @Override
                    public void onMessage(Q message) {
                        try (Scope ignored = context.makeCurrent()) {
                            super.onMessage(message);
                        }
                    }

                    @Override
                    public void onHalfClose() {
                        try (Scope ignored = context.makeCurrent()) {
                            super.onHalfClose();
                        }
                    }
                };
            }
        };
    }

    private static Metadata.Key<String> key(String name) {
        return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
    }
}
