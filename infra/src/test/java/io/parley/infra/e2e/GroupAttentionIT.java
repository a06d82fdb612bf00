package io.parley.infra.e2e;

import io.parley.contracts.error.ErrorCode;
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
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.parley.infra.e2e.Replies.assertReply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #12 on the real stack with two gateways: the inbox sync, mentions (and @all rules),
 * mute (a muted member's socket gets mentions only) and recall with its errors.
 */
@ExtendWith(ClusterExtension.class)
class GroupAttentionIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void syncMentionsMuteAndRecallAcrossTwoGateways(Cluster cluster) {
        ApiClient api1 = new ApiClient(cluster.gateway1().http());
        ApiClient api2 = new ApiClient(cluster.gateway2().http());
        ApiClient.Session alice = Users.signUp(api1, "Alice");
        ApiClient.Session bob = Users.signUp(api1, "Bob");
        ApiClient.Session carol = Users.signUp(api1, "Carol");
        String groupId = GroupCalls.create(api1, alice, "Attention", "open");
        GroupCalls.join(api1, bob, groupId);
        GroupCalls.join(api1, carol, groupId);
        String conv = "g_" + groupId;
        ApiClient.Reply muted = api2.call("PUT", "/api/conversations/" + conv + "/mute",
                Map.of("muted", true), carol.token());
        assertEquals(200, muted.status(), muted::toString);
        assertEquals(true, muted.body().get("muted"));
        assertReply(api2.call("PUT", "/api/conversations/" + conv + "/mute", Map.of(),
                carol.token()), 400, ErrorCode.VALIDATION_FAILED);

        List<ServerFrame> atCarol = new CopyOnWriteArrayList<>();
        try (ChatClient a = ChatClient.connect(api1.base(), alice.token(), "a", f -> { });
             ChatClient b = ChatClient.connect(api2.base(), bob.token(), "b", f -> { });
             ChatClient c = ChatClient.connect(api2.base(), carol.token(), "c", atCarol::add)) {
            b.send(SendFrame.toGroup("b-all", conv, "@all listen to me"));
            ErrorFrame refused = (ErrorFrame) b.await(f -> f instanceof ErrorFrame, WAIT);
            assertEquals(ErrorCode.MENTION_ALL_NOT_ALLOWED.code(), refused.code());
            assertEquals("b-all", refused.clientMsgId());

            a.send(SendFrame.toGroup("a-1", conv, "plain news"));
            MessageFrame plain = (MessageFrame) b.await(f -> f instanceof MessageFrame m
                    && m.text().equals("plain news"), WAIT);
            a.send(SendFrame.toGroup("a-2", conv, "look @" + carol.userId()));
            c.await(f -> f instanceof MessageFrame m && m.text().startsWith("look"), WAIT);
            assertFalse(atCarol.stream().anyMatch(f -> f instanceof MessageFrame m
                    && m.text().equals("plain news")), "muted: no live frame without a mention");
            assertEquals(1, plain.seq(), "the refused @all took no seq");

            ApiClient.Reply sync = api2.get("/api/sync", carol.token());
            assertEquals(200, sync.status(), sync::toString);
            assertEquals(List.of("plain news", "look @" + carol.userId()), texts(sync));
            assertEquals(2L, sync.number("inboxSeq"));
            Map<String, Object> badge = sync.list("badges").get(0);
            assertEquals(conv, badge.get("conversationId"));
            assertEquals(1, ((Number) badge.get("mentions")).intValue());
            assertEquals(true, badge.get("muted"));
            assertEquals(List.of("look @" + carol.userId()),
                    texts(api1.get("/api/sync?afterInboxSeq=1", carol.token())));
            assertReply(api1.get("/api/sync?afterInboxSeq=-1", carol.token()), 400,
                    ErrorCode.VALIDATION_FAILED);

            String recall = "/api/conversations/" + conv + "/messages/" + plain.messageId()
                    + "/recall";
            assertReply(api1.post(recall, "{}", bob.token()), 403, ErrorCode.NOT_MESSAGE_SENDER);
            ApiClient.Reply tombstone = api1.post(recall, "{}", alice.token());
            assertEquals(200, tombstone.status(), tombstone::toString);
            assertEquals(plain.seq(), tombstone.number("seq"));
            assertTrue(tombstone.number("recalledAt") > 0);
            assertReply(api2.post(recall, "{}", alice.token()), 409, ErrorCode.ALREADY_RECALLED);
            assertReply(api2.post("/api/conversations/" + conv + "/messages/42/recall", "{}",
                    alice.token()), 404, ErrorCode.MESSAGE_NOT_FOUND);

            Map<String, Object> first = api2.get("/api/sync", bob.token()).list("items").get(0);
            assertNotNull(first.get("recalledAt"), "every device sees the tombstone");
            assertEquals("", message(first).get("text"), "the text is gone");
            Map<String, Object> second = api2.get("/api/sync", bob.token()).list("items").get(1);
            assertNull(second.get("recalledAt"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> message(Map<String, Object> item) {
        return (Map<String, Object>) item.get("message");
    }

    private static List<Object> texts(ApiClient.Reply sync) {
        return sync.list("items").stream().map(i -> message(i).get("text")).toList();
    }
}
