package io.parley.logic.message;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.ids.ConversationIds;
import io.parley.contracts.proto.ChatSend;
import io.parley.contracts.proto.Envelope;
import io.parley.contracts.proto.SendResult;
import io.parley.logic.account.TestUsers;
import io.parley.logic.delivery.TopicProbe;
import io.parley.logic.friend.FriendTestGraph;
import io.parley.platform.kafka.KafkaSettings;
import io.parley.platform.kafka.TopicProvisioner;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Direct messages need a friendship (the default, {@code im.logic.chat.direct-requires-friendship}
 * true) and are refused either way after a block: nothing is stored, and the sender's connection
 * gets the refusal through the push topic as the gateway turns it into an {@code error} frame.
 */
@MicronautTest(transactional = false)
class DirectChatPermissionIT {
    @Inject
    MessageService messages;
    @Inject
    MessageRepository repository;
    @Inject
    UpstreamListener upstream;
    @Inject
    TestUsers users;
    @Inject
    FriendTestGraph graph;
    @Inject
    KafkaSettings kafka;
    @Inject
    TopicProvisioner topics;
    @Inject
    TopicProbe probe;

    @Test
    void refusesASendBetweenStrangersWith4005AndStoresNothing() {
        long a = users.createId("Ann");
        long b = users.createId("Ben");
        ParleyException e = assertThrows(ParleyException.class,
                () -> messages.persistDirect(a, b, "c1", "hello?"));
        assertEquals(ErrorCode.NOT_FRIENDS, e.error());
        assertEquals(0, repository.countBySenderId(a));
    }

    @Test
    void storesASendBetweenFriends() {
        long a = users.createId("Ann");
        long b = users.createId("Ben");
        graph.befriend(a, b);
        Persisted stored = messages.persistDirect(a, b, "c1", "hi friend");
        assertFalse(stored.duplicate());
        assertEquals(1, stored.message().seq());
        assertEquals(1, repository.countBySenderId(a));
    }

    @Test
    void refusesSendsEitherWayAfterABlockWith4003EvenBetweenFormerFriends() {
        long a = users.createId("Ann");
        long b = users.createId("Ben");
        graph.befriend(a, b);
        messages.persistDirect(a, b, "before", "still friends");
        graph.block(b, a);

        for (long[] pair : new long[][] {{a, b}, {b, a}}) {
            ParleyException e = assertThrows(ParleyException.class,
                    () -> messages.persistDirect(pair[0], pair[1], "after", "hello?"));
            assertEquals(ErrorCode.BLOCKED, e.error());
        }
        assertEquals(1, repository.countBySenderId(a));
        assertEquals(0, repository.countBySenderId(b));
    }

    @Test
    void answersTheSendingConnectionWithTheRefusalCodeThroughItsPushTopic() {
        long a = users.createId("Ann");
        long b = users.createId("Ben");
        String gateway = "perm-" + UUID.randomUUID().toString().substring(0, 8);
        String topic = kafka.pushTopic(gateway);
        topics.ensure(topic);

        upstream.handle(ConversationIds.direct(a, b), Envelope.newBuilder()
                .setEnvelopeId(UUID.randomUUID().toString())
                .setConversationId(ConversationIds.direct(a, b))
                .setSenderId(a).setGatewayId(gateway).setConnectionId("conn-1")
                .setChatSend(ChatSend.newBuilder().setClientMsgId("m-1").setRecipientId(b)
                        .setText("hello stranger"))
                .build());

        SendResult result = readSendResult(topic);
        assertEquals("m-1", result.getClientMsgId());
        assertEquals(ErrorCode.NOT_FRIENDS.code(), result.getFailure().getCode());
        assertEquals(0, repository.countBySenderId(a));
    }

    private SendResult readSendResult(String topic) {
        return probe.first(topic, (key, envelope) -> envelope.hasPushBatch()
                && envelope.getPushBatch().getResultsCount() > 0).getPushBatch().getResults(0)
                .getResult();
    }
}
