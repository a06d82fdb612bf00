package io.parley.logic.presence;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.parley.contracts.proto.Envelope;
import io.parley.logic.delivery.Fanout;
import io.parley.logic.friend.FriendLists;
import io.parley.platform.kafka.ConsumerStatus;
import io.parley.platform.kafka.EnvelopeConsumer;
import io.parley.platform.kafka.KafkaSettings;
import io.parley.platform.kafka.TopicProvisioner;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Consumes {@code <ns>.presence} (users coming online or going offline, from session) and tells
 * each user's online friends with a {@code presence} frame. Friends beyond
 * {@code im.logic.presence.max-notified} are not told live; they see the state when they load
 * their friend list.
 */
@Singleton
final class PresenceListener implements ApplicationEventListener<ServerStartupEvent>,
        ConsumerStatus {
    private final FriendLists friends;
    private final Fanout fanout;
    private final KafkaSettings kafka;
    private final TopicProvisioner topics;
    private final int maxNotified;
    private volatile EnvelopeConsumer consumer;

    PresenceListener(FriendLists friends, Fanout fanout, KafkaSettings kafka,
                     TopicProvisioner topics,
                     @Value("${im.logic.presence.max-notified:5000}") int maxNotified) {
        this.friends = friends;
        this.fanout = fanout;
        this.kafka = kafka;
        this.topics = topics;
        this.maxNotified = maxNotified;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        topics.ensure(kafka.presenceTopic());
        consumer = new EnvelopeConsumer(kafka, kafka.group("logic-presence"),
                List.of(kafka.presenceTopic()), (key, envelope) -> tellFriends(envelope)).start();
    }

    @Override
    public String consumerName() {
        return "presence";
    }

    @Override
    public boolean isConsuming() {
        EnvelopeConsumer c = consumer;
        return c != null && c.isRunning();
    }

    void tellFriends(Envelope envelope) {
        if (!envelope.hasPresenceChange()) {
            return;
        }
        long user = envelope.getPresenceChange().getUserId();
        List<Long> audience = friends.friendIds(user, maxNotified);
        if (!audience.isEmpty()) {
            fanout.presence(envelope.getPresenceChange(), audience);
        }
    }

    @PreDestroy
    void stop() {
        EnvelopeConsumer c = consumer;
        if (c != null) {
            c.close();
        }
    }
}
