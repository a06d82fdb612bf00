package io.parley.infra.e2e;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.frame.ErrorFrame;
import io.parley.contracts.frame.PeerTypingFrame;
import io.parley.contracts.frame.ServerFrame;
import io.parley.contracts.frame.TypingFrame;
import io.parley.contracts.ids.ConversationIds;
import io.parley.infra.client.ApiClient;
import io.parley.infra.client.ChatClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Typing indicators across two gateways (issue #14): a friend's {@code typing} reaches the peer
 * and nobody else, a blocked user's reaches nobody, a group member's reaches the other members but not the typer, an outsider's
 * reaches nobody, bad conversation ids get an {@code error} frame, and a burst is cut to the
 * per-user rate.
 */
@ExtendWith(ClusterExtension.class)
class TypingIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration QUIET = Duration.ofSeconds(2);

    @Test
    void typingReachesThePeerAndTheGroupButNotOutsidersAndBadIdsAreRefused(Cluster cluster) {
        ApiClient api1 = new ApiClient(cluster.gateway1().http());
        ApiClient api2 = new ApiClient(cluster.gateway2().http());
        ApiClient.Session alice = Users.signUp(api1, "Alice");
        ApiClient.Session bob = Users.signUp(api2, "Bob");
        ApiClient.Session carol = Users.signUp(api2, "Carol");
        ApiClient.Session stranger = Users.signUp(api1, "Stranger");
        Users.befriend(api1, alice, bob);
        // The test cluster lets strangers chat; a block is what stops the stranger's typing.
        ApiClient.Reply blocked = api2.post("/api/blocks", Map.of("userId", stranger.userId()),
                bob.token());
        assertEquals(204, blocked.status(), blocked::toString);
        String groupId = GroupCalls.create(api1, alice, "Typists", "open");
        GroupCalls.join(api2, carol, groupId);
        String group = "g_" + groupId;
        String direct = ConversationIds.direct(alice.userId(), bob.userId());

        try (ChatClient a = ChatClient.connect(api1.base(), alice.token(), "a", f -> { });
             ChatClient b = ChatClient.connect(api2.base(), bob.token(), "b", f -> { });
             ChatClient c = ChatClient.connect(api2.base(), carol.token(), "c", f -> { });
             ChatClient s = ChatClient.connect(api1.base(), stranger.token(), "s", f -> { })) {
            a.send(new TypingFrame(direct));
            PeerTypingFrame seen = (PeerTypingFrame) b.await(typing(direct, alice), WAIT);
            assertEquals(alice.userId(), seen.userId());

            a.send(new TypingFrame(group));
            c.await(typing(group, alice), WAIT);

            // Bob is not in the group, Bob blocked the stranger: nothing reaches anyone.
            b.send(new TypingFrame(group));
            s.send(new TypingFrame(ConversationIds.direct(stranger.userId(), bob.userId())));
            assertTrue(b.awaitNone(typing(ConversationIds.direct(stranger.userId(), bob.userId()),
                    stranger), QUIET));
            assertTrue(c.awaitNone(typing(group, bob), Duration.ofMillis(200)));
            assertTrue(a.awaitNone(f -> f instanceof PeerTypingFrame, Duration.ofMillis(200)),
                    "the typer is not told of their own typing");

            s.sendRaw("{\"type\":\"typing\",\"conversationId\":\"d_2_1\"}");
            assertEquals(ErrorCode.VALIDATION_FAILED.code(), error(s).code());
            s.sendRaw("{\"type\":\"typing\"}");
            assertEquals(ErrorCode.VALIDATION_FAILED.code(), error(s).code());
            s.send(new TypingFrame(direct));
            ErrorFrame notMine = error(s);
            assertEquals(ErrorCode.NOT_CONVERSATION_MEMBER.code(), notMine.code());
            assertEquals(null, notMine.clientMsgId());

            // A burst of 30: the default bucket (5 at once, 1 a second) lets a handful through.
            for (int i = 0; i < 30; i++) {
                a.send(new TypingFrame(direct));
            }
            b.await(typing(direct, alice), WAIT);
            int relayed = 1;
            while (!b.awaitNone(typing(direct, alice), QUIET)) { // each miss took one frame
                relayed++;
                assertTrue(relayed <= 12, "the burst was not cut to the rate");
            }
            assertTrue(relayed >= 1 && relayed < 30, "relayed " + relayed + " of 30");
        }
    }

    private static Predicate<ServerFrame> typing(String conversationId, ApiClient.Session who) {
        return f -> f instanceof PeerTypingFrame t && t.conversationId().equals(conversationId)
                && t.userId() == who.userId();
    }

    private static ErrorFrame error(ChatClient client) {
        return (ErrorFrame) client.await(f -> f instanceof ErrorFrame, WAIT);
    }
}
