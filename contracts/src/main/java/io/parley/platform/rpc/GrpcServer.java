package io.parley.platform.rpc;

import io.grpc.BindableService;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import io.parley.platform.tracing.TraceInterceptors;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Serves every {@link BindableService} bean of the service on {@code im.grpc.port}. Started with
 * the context, before the HTTP server announces the instance to etcd; stopped after the instance
 * left etcd, letting in-flight calls finish within the grace period.
 */
@Context
@Requires(property = "im.grpc.port")
public final class GrpcServer {
    private static final Logger LOG = LoggerFactory.getLogger(GrpcServer.class);

    private final Server server;
    private final GrpcServerSettings settings;
    private final LongAdder calls = new LongAdder();
    private final ServerInterceptor counter = new ServerInterceptor() {
        @Override
        public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call,
                                                           Metadata headers,
                                                           ServerCallHandler<Q, A> next) {
            calls.increment();
            return next.startCall(call, headers);
        }
    };

    GrpcServer(List<BindableService> services, GrpcServerSettings settings) {
        this.settings = settings;
        NettyServerBuilder builder = NettyServerBuilder.forAddress(
                new InetSocketAddress("0.0.0.0", settings.port()));
        services.forEach(s -> builder.addService(ServerInterceptors.intercept(s, counter,
                TraceInterceptors.server())));
        try {
            this.server = builder.build().start();
        } catch (IOException e) {
            throw new UncheckedIOException("gRPC server could not bind port " + settings.port(), e);
        }
        LOG.info("gRPC serving {} services on port {}", services.size(), server.getPort());
    }

    public int port() {
        return server.getPort();
    }

    /** Calls received since start; shown in {@code /info} to see load balancing at work. */
    public long callsServed() {
        return calls.sum();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        server.shutdown();
        if (!server.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
            server.shutdownNow();
        }
    }
}
