package io.parley.infra.e2e;

import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.frame.AckFrame;
import io.parley.contracts.frame.ErrorFrame;
import io.parley.contracts.frame.MessageFrame;
import io.parley.contracts.frame.SendFrame;
import io.parley.contracts.frame.ServerFrame;
import io.parley.infra.client.ApiClient;
import io.parley.infra.client.ChatClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Group chat through the real system: a group created over HTTP, members' messages reaching the
 * other members' sockets on both gateways, an outsider refused with an error frame.
 */
@ExtendWith(ClusterExtension.class)
class GroupChatIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aMembersMessageReachesTheOtherMembersAndAnOutsidersSendIsRefused(Cluster cluster)
            throws Exception {
        ApiClient api1 = new ApiClient(cluster.gateway1().http());
        ApiClient api2 = new ApiClient(cluster.gateway2().http());
        ApiClient.Session alice = Users.signUp(api1, "Alice");
        ApiClient.Session bob = Users.signUp(api2, "Bob");
        ApiClient.Session carol = Users.signUp(api1, "Carol");
        String groupId = GroupCalls.create(api1, alice, "Climbers", "open");
        GroupCalls.join(api2, bob, groupId);
        String conversation = "g_" + groupId;

        DirectChatIT.Inbox aliceOtherTab = new DirectChatIT.Inbox();
        DirectChatIT.Inbox bobTab = new DirectChatIT.Inbox();
        DirectChatIT.Inbox carolTab = new DirectChatIT.Inbox();
        try (ChatClient a = ChatClient.connect(api1.base(), alice.token(), "a1", f -> { });
             ChatClient a2 = ChatClient.connect(api2.base(), alice.token(), "a2", aliceOtherTab);
             ChatClient b = ChatClient.connect(api2.base(), bob.token(), "b1", bobTab);
             ChatClient c = ChatClient.connect(api1.base(), carol.token(), "c1", carolTab)) {
            a.send(SendFrame.toGroup("g-1", conversation, "hello climbers"));
            AckFrame ack = (AckFrame) a.await(AckFrame.class::isInstance, WAIT);
            await().atMost(WAIT).until(() -> bobTab.messages.size() == 1
                    && aliceOtherTab.messages.size() == 1);
            MessageFrame received = bobTab.messages.get(0);
            assertEquals(conversation, received.conversationId());
            assertEquals(alice.userId(), received.from());
            assertEquals(0, received.to());
            assertEquals("hello climbers", received.text());
            assertEquals(1, received.seq());
            assertEquals(ack.messageId(), received.messageId());
            assertEquals(conversation, ack.conversationId());

            c.send(SendFrame.toGroup("c-1", conversation, "let me in"));
            ErrorFrame refused = (ErrorFrame) c.await(ErrorFrame.class::isInstance, WAIT);
            assertEquals(ErrorCode.NOT_GROUP_MEMBER.code(), refused.code());
            assertEquals("c-1", refused.clientMsgId());

            // Same conversation, same partition: once Bob's reply arrives, Carol's refused send
            // was handled before it, so anything it pushed would have arrived already.
            b.send(SendFrame.toGroup("b-1", conversation, "hi Alice"));
            MessageFrame reply = (MessageFrame) a.await(MessageFrame.class::isInstance, WAIT);
            assertEquals(bob.userId(), reply.from());
            assertEquals(2, reply.seq(), "the refused send took no seq");
            await().atMost(WAIT).until(() -> aliceOtherTab.messages.size() == 2);
            assertEquals(List.of("hello climbers", "hi Alice"), texts(aliceOtherTab));
            assertEquals(List.of("hello climbers"), texts(bobTab),
                    "the sending socket gets the ack, not its own message");
            assertTrue(carolTab.messages.isEmpty(), "an outsider receives nothing");
            assertEquals(0, BadInputIT.messagesFrom(carol.userId()),
                    "nothing persisted for the outsider");
        }
    }

    @Test
    void aStaleMemberListLeftByARacingReaderIsGoneASecondLater(Cluster cluster) throws Exception {
        ApiClient api = new ApiClient(cluster.gateway1().http());
        ApiClient.Session owner = Users.signUp(api, "Olivia");
        ApiClient.Session late = Users.signUp(api, "Liam");
        String groupId = GroupCalls.create(api, owner, "Late joiners", "open");
        String key = cluster.namespace() + ":group:" + groupId + ":members";
        RedisClient redisClient = RedisClient.create("redis://127.0.0.1:6379");
        try (StatefulRedisConnection<String, String> redis = redisClient.connect();
             ChatClient o = ChatClient.connect(api.base(), owner.token(), "o1", f -> { });
             ChatClient l = ChatClient.connect(api.base(), late.token(), "l1", f -> { })) {
            GroupCalls.join(api, late, groupId);
            // What a reader that read MySQL just before the join would write after its delete:
            redis.sync().set(key, owner.userId() + ":owner", SetArgs.Builder.px(60_000));

            // The job service's delayed delete (about a second after the join) removes it ...
            await().atMost(WAIT).until(() -> redis.sync().exists(key) == 0);
            // ... so the new member is not refused as an outsider.
            l.send(SendFrame.toGroup("l-1", "g_" + groupId, "made it"));
            ServerFrame answer = l.await(f -> f instanceof AckFrame || f instanceof ErrorFrame,
                    WAIT);
            assertInstanceOf(AckFrame.class, answer, answer::toString);
            assertEquals(1, ((AckFrame) answer).seq());
            MessageFrame m = (MessageFrame) o.await(MessageFrame.class::isInstance, WAIT);
            assertEquals("made it", m.text());
        } finally {
            redisClient.shutdown();
        }
    }

    private static List<String> texts(DirectChatIT.Inbox inbox) {
        return inbox.messages.stream().map(MessageFrame::text).toList();
    }
}
