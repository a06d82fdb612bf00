package io.parley.platform.kafka;

/** A bean that runs an {@link EnvelopeConsumer}; its state feeds readiness. */
public interface ConsumerStatus {
    String consumerName();

    boolean isConsuming();
}
