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
 * {@code <ns>.<role>}; readiness and liveness follow it ({@link ConsumersHealth},
 * {@link ConsumersLiveness}); on shutdown it lets the records in hand finish and leaves the group.
 * Subclasses say which topics and handle records, one at a time ({@link #handle}) or a
 * partition's poll at once ({@link #handle(List)}).
 */
public abstract class EnvelopeListener implements ApplicationEventListener<ServerStartupEvent>,
        ConsumerStatus, EnvelopeHandler, BatchHandler {
    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeListener.class);
    private final KafkaSettings kafka;
    private final TopicProvisioner provisioner;
    private final DeadLetters deadLetters;
    private final String role;
    private volatile EnvelopeConsumer consumer;

    protected EnvelopeListener(KafkaSettings kafka, TopicProvisioner provisioner,
                               DeadLetters deadLetters, String role) {
        this.kafka = kafka;
        this.provisioner = provisioner;
        this.deadLetters = deadLetters;
        this.role = role;
    }

    /** The topics to consume. */
    protected abstract List<String> topics(KafkaSettings kafka);

    /** Topics this service produces to and creates at start-up too (none by default). */
    protected List<String> producedTopics(KafkaSettings kafka) {
        return List.of();
    }

    /**
     * The name of this consumer's stages ({@code kafka.<stage>.polled}, {@code .started}):
     * the role up to its first dot by default ({@code logic}, {@code gateway}).
     */
    protected String stage() {
        int dot = role.indexOf('.');
        return dot < 0 ? role : role.substring(0, dot);
    }

    /** Where the group starts when it has no committed offset: the beginning by default. */
    protected EnvelopeConsumer.StartAt startAt() {
        return EnvelopeConsumer.StartAt.EARLIEST;
    }

    /** A partition's records of one poll; by default each in turn to {@link #handle}. */
    @Override
    public void handle(List<Received> batch) throws Exception {
        for (Received r : batch) {
            handle(r.key(), r.envelope());
        }
    }

    @Override
    public final void onApplicationEvent(ServerStartupEvent event) {
        List<String> consumed = topics(kafka);
        consumed.forEach(provisioner::ensure);
        producedTopics(kafka).forEach(provisioner::ensure);
        provisioner.ensure(deadLetters.topic());
        consumer = new EnvelopeConsumer(kafka, kafka.group(role), consumed, startAt(), this,
                deadLetters, stage()).start();
    }

    @Override
    public String consumerName() {
        return role;
    }

    @Override
    public final boolean isConsuming() {
        EnvelopeConsumer c = consumer;
        return c != null && c.isReady();
    }

    @Override
    public final boolean isLive() {
        EnvelopeConsumer c = consumer;
        return c == null || c.isLive();
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
