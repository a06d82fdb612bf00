package io.parley.platform.kafka;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * A service's consumer of some topics, from start-up to shutdown: once the server is up it
 * creates the topics when absent and starts an {@link EnvelopeConsumer} in the group
 * {@code <ns>.<role>}; readiness follows it ({@link ConsumersHealth}); on shutdown it lets the
 * records in hand finish and leaves the group. Subclasses say which topics and handle records.
 */
public abstract class EnvelopeListener implements ApplicationEventListener<ServerStartupEvent>,
        ConsumerStatus, EnvelopeHandler {
    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeListener.class);
    private final KafkaSettings kafka;
    private final TopicProvisioner provisioner;
    private final String role;
    private volatile EnvelopeConsumer consumer;

    protected EnvelopeListener(KafkaSettings kafka, TopicProvisioner provisioner, String role) {
        this.kafka = kafka;
        this.provisioner = provisioner;
        this.role = role;
    }

    /** The topics to consume. */
    protected abstract List<String> topics(KafkaSettings kafka);

    /** Topics this service produces to and creates at start-up too (none by default). */
    protected List<String> producedTopics(KafkaSettings kafka) {
        return List.of();
    }

    @Override
    public final void onApplicationEvent(ServerStartupEvent event) {
        List<String> consumed = topics(kafka);
        consumed.forEach(provisioner::ensure);
        producedTopics(kafka).forEach(provisioner::ensure);
        consumer = new EnvelopeConsumer(kafka, kafka.group(role), consumed, this).start();
    }

    @Override
    public String consumerName() {
        return role;
    }

    @Override
    public final boolean isConsuming() {
        EnvelopeConsumer c = consumer;
        return c != null && c.isRunning();
    }

    @PreDestroy
    public void stop() {
        EnvelopeConsumer c = consumer;
        if (c != null) {
            c.close();
            LOG.info("stopped consuming {} as {}", c.topics(), kafka.group(role));
        }
    }
}
