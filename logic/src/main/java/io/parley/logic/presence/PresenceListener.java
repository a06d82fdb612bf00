package io.parley.logic.presence;

import io.micronaut.context.annotation.Value;
import io.parley.contracts.proto.Envelope;
import io.parley.logic.delivery.Fanout;
import io.parley.logic.friend.FriendLists;
import io.parley.platform.kafka.EnvelopeListener;
import io.parley.platform.kafka.DeadLetters;
import io.parley.platform.kafka.KafkaSettings;
import io.parley.platform.kafka.TopicProvisioner;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Consumes {@code <ns>.presence} (users coming online or going offline, from session) and tells
 * each user's online friends with a {@code presence} frame. Friends beyond
 * {@code im.logic.presence.max-notified} are not told live; they see the state when they load
 * their friend list.
 */
@Singleton
final class PresenceListener extends EnvelopeListener {
    private final FriendLists friends;
    private final Fanout fanout;
    private final int maxNotified;

    PresenceListener(FriendLists friends, Fanout fanout, KafkaSettings kafka,
                     TopicProvisioner topics, DeadLetters deadLetters,
                     @Value("${im.logic.presence.max-notified:5000}") int maxNotified) {
        super(kafka, topics, deadLetters, "logic-presence");
        this.friends = friends;
        this.fanout = fanout;
        this.maxNotified = maxNotified;
    }

    @Override
    protected List<String> topics(KafkaSettings kafka) {
        return List.of(kafka.presenceTopic());
    }

    /** Tells the user's friends. */
    @Override
    public void handle(String key, Envelope envelope) {
        if (!envelope.hasPresenceChange()) {
            return;
        }
        long user = envelope.getPresenceChange().getUserId();
        List<Long> audience = friends.friendIds(user, maxNotified);
        if (!audience.isEmpty()) {
            fanout.presence(envelope.getPresenceChange(), audience);
        }
    }
}
