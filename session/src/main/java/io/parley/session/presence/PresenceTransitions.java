package io.parley.session.presence;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.parley.contracts.proto.Connection;
import io.parley.contracts.proto.Envelope;
import io.parley.contracts.proto.PresenceChange;
import io.parley.contracts.proto.UserStatus;
import io.parley.platform.kafka.EnvelopeProducer;
import io.parley.platform.kafka.KafkaSettings;
import io.parley.platform.kafka.TopicProvisioner;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/**
 * Connects and disconnects, with the transitions they cause: a user's first live connection
 * makes them online, the close of their last one offline. Each transition is produced to
 * {@code <ns>.presence} for logic to tell the user's friends. Heartbeats never cause one. A
 * transition that could not be produced is only logged: presence queries stay right, only the
 * live notice is lost.
 */
@Singleton
final class PresenceTransitions implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceTransitions.class);

    private final PresenceStore store;
    private final EnvelopeProducer producer;
    private final KafkaSettings kafka;
    private final TopicProvisioner topics;

    PresenceTransitions(PresenceStore store, EnvelopeProducer producer, KafkaSettings kafka,
                        TopicProvisioner topics) {
        this.store = store;
        this.producer = producer;
        this.kafka = kafka;
        this.topics = topics;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        topics.ensure(kafka.presenceTopic());
    }

    int connect(Connection connection, long nowMs) {
        boolean wasOnline = online(connection.getUserId());
        int written = store.upsert(List.of(connection), nowMs);
        if (!wasOnline) {
            announce(connection.getUserId(), true, nowMs);
        }
        return written;
    }

    int disconnect(long userId, String gatewayId, String connectionId, long nowMs) {
        int removed = store.remove(userId, gatewayId, connectionId, nowMs);
        if (removed > 0 && !online(userId)) {
            announce(userId, false, nowMs);
        }
        return removed;
    }

    /**
     * A gateway that died took its sockets with it without a single disconnect: once its beats
     * have been missing for a TTL, its users who are not connected elsewhere are announced
     * offline, last seen at their last heartbeat.
     */
    @Scheduled(fixedDelay = "${im.session.presence.sweep-interval:5s}", initialDelay = "5s")
    void sweepSilentGateways() {
        for (String gateway : store.silentGateways()) {
            for (long user : store.claimSilent(gateway)) {
                UserStatus status = store.statuses(List.of(user)).get(0);
                if (!status.getOnline()) {
                    announce(user, false, status.getLastSeenMs());
                }
            }
        }
    }

    private boolean online(long userId) {
        return !store.locate(List.of(userId)).isEmpty();
    }

    private void announce(long userId, boolean online, long nowMs) {
        producer.send(kafka.presenceTopic(), Long.toString(userId), Envelope.newBuilder()
                .setEnvelopeId(UUID.randomUUID().toString())
                .setCreatedAtMs(nowMs)
                .setSenderId(userId)
                .setPresenceChange(PresenceChange.newBuilder().setUserId(userId)
                        .setOnline(online).setAtMs(nowMs))
                .build()).whenComplete((ok, error) -> {
                    if (error != null) {
                        LOG.warn("presence change of {} not announced: {}", userId, error.toString());
                    }
                });
    }
}
