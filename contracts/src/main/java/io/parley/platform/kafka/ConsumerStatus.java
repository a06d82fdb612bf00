package io.parley.platform.kafka;

/** A bean that runs an {@link EnvelopeConsumer}; its state feeds readiness and liveness. */
public interface ConsumerStatus {
    String consumerName();

    boolean isConsuming();

    /** False while its poll loop is down after an unexpected error and cannot restart. */
    boolean isLive();
}
