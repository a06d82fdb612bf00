package io.parley.gateway.ws;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.parley.contracts.error.ErrorCode;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/**
 * The gateway's socket-side meters (names in docs/operations.md): open sockets, sends taken,
 * acks and refusals written (by error code), answers whose socket was gone, redeliveries,
 * pushes not written because the socket had the message already, rate-limited sends, and the
 * end-to-end delivery latency from the sender's gateway ingress to the recipient's socket write.
 */
@Singleton
public final class SocketMeters {
    private final MeterRegistry registry;
    private final Clock clock;
    private final Counter sends;
    private final Counter acks;
    private final Counter redeliveries;
    private final Counter suppressed;
    private final Counter unheldResults;
    private final Counter rateLimited;
    private final Timer deliveryLatency;

    SocketMeters(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.sends = Counter.builder("parley.gateway.sends")
                .description("send frames taken from clients").register(registry);
        this.acks = Counter.builder("parley.gateway.acks")
                .description("ack frames written to senders").register(registry);
        this.redeliveries = Counter.builder("parley.gateway.redeliveries")
                .description("messages pushed again for want of a received frame")
                .register(registry);
        this.suppressed = Counter.builder("parley.gateway.pushes.suppressed")
                .description("pushes not written: the socket already had the message")
                .register(registry);
        this.unheldResults = Counter.builder("parley.gateway.results.unheld")
                .description("acks and send errors for a socket this gateway no longer holds")
                .register(registry);
        this.rateLimited = Counter.builder("parley.gateway.sends.rate.limited")
                .description("sends refused by the per-user rate limit").register(registry);
        this.deliveryLatency = Timer.builder("parley.delivery.latency")
                .description("sender's gateway ingress to the recipient's socket write")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    /** Publishes the number of sockets {@code connections} holds. */
    void watch(Connections connections) {
        Gauge.builder("parley.gateway.connections", connections, Connections::size)
                .description("open, admitted sockets on this gateway").register(registry);
    }

    void send() {
        sends.increment();
    }

    void ack() {
        acks.increment();
    }

    /** A send answered with an {@code error} frame, at the edge or by logic. */
    void refused(int code) {
        registry.counter("parley.gateway.refusals", "code", Integer.toString(code)).increment();
        if (code == ErrorCode.RATE_LIMITED.code()) {
            rateLimited.increment();
        }
    }

    /** An answer to a send found its socket gone; returns how many did since start. */
    long unheldResult() {
        unheldResults.increment();
        return (long) unheldResults.count();
    }

    void redelivered() {
        redeliveries.increment();
    }

    /** A message pushed again (a de-duplicated retry, a replay) to a socket that had it. */
    void pushedAgainSuppressed() {
        suppressed.increment();
    }

    /** A message was written to a recipient's socket; {@code ingressAtMs} 0 means unknown. */
    public void delivered(long ingressAtMs) {
        if (ingressAtMs > 0) {
            deliveryLatency.record(Duration.ofMillis(Math.max(0, clock.millis() - ingressAtMs)));
        }
    }
}
