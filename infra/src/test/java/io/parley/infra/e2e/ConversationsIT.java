package io.parley.infra.e2e;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.frame.AckFrame;
import io.parley.contracts.frame.ReadFrame;
import io.parley.contracts.frame.SendFrame;
import io.parley.contracts.ids.ConversationIds;
import io.parley.infra.client.ApiClient;
import io.parley.infra.client.ChatClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a member sees of their conversations through the public API: the list with unread counts
 * and last message, history from any device, catching up after being offline, and read marks
 * that reach the reader's other devices and the peer.
 */
@ExtendWith(ClusterExtension.class)
class ConversationsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void offlineRecipientFindsUnreadCountHistoryAndCatchesUpInOrder(Cluster cluster) {
        ApiClient api = new ApiClient(cluster.gateway1().http());
        ApiClient.Session alice = Users.signUp(api, "Alice");
        ApiClient.Session bob = Users.signUp(api, "Bob");
        String conversation = ConversationIds.direct(alice.userId(), bob.userId());
        try (ChatClient a = ChatClient.connect(api.base(), alice.token(), "a1", f -> { })) {
            for (int i = 1; i <= 5; i++) {
                a.send(new SendFrame("h-" + i, bob.userId(), "text " + i));
                a.await(AckFrame.class::isInstance, WAIT);
            }
        }

        // Bob was never online: the list tells him what he missed.
        Map<String, Object> row = firstRow(api.get("/api/conversations", bob.token()));
        assertEquals(conversation, row.get("conversationId"));
        assertEquals("direct", row.get("kind"));
        assertEquals(5L, number(row, "lastSeq"));
        assertEquals(5L, number(row, "unread"));
        assertEquals("Alice", ((Map<?, ?>) row.get("peer")).get("displayName"));
        assertEquals("text 5", ((Map<?, ?>) row.get("lastMessage")).get("text"));

        // Scroll back from the end, two at a time.
        ApiClient.Reply latest = api.get("/api/conversations/" + conversation
                + "/messages?limit=2", bob.token());
        assertEquals(List.of(4L, 5L), seqs(latest));
        assertEquals(true, latest.body().get("hasMore"));
        ApiClient.Reply older = api.get("/api/conversations/" + conversation
                + "/messages?limit=2&beforeSeq=4", bob.token());
        assertEquals(List.of(2L, 3L), seqs(older));

        // Catch up after the last seq a device has: in order, each once.
        ApiClient.Reply after = api.get("/api/conversations/" + conversation
                + "/messages?afterSeq=2", bob.token());
        assertEquals(List.of(3L, 4L, 5L), seqs(after));
        assertEquals(false, after.body().get("hasMore"));
    }

    @Test
    void markingReadClearsUnreadOnEveryDeviceAndShowsTheReceiptToThePeer(Cluster cluster) {
        ApiClient api1 = new ApiClient(cluster.gateway1().http());
        ApiClient api2 = new ApiClient(cluster.gateway2().http());
        ApiClient.Session alice = Users.signUp(api1, "Alice");
        ApiClient.Session bob = Users.signUp(api2, "Bob");
        String conversation = ConversationIds.direct(alice.userId(), bob.userId());
        try (ChatClient a = ChatClient.connect(api1.base(), alice.token(), "a1", f -> { });
             ChatClient bobPhone = ChatClient.connect(api2.base(), bob.token(), "phone", f -> { });
             ChatClient bobLaptop = ChatClient.connect(api1.base(), bob.token(), "laptop", f -> { })) {
            a.send(new SendFrame("r-1", bob.userId(), "one"));
            a.send(new SendFrame("r-2", bob.userId(), "two"));
            a.await(f -> f instanceof AckFrame k && k.seq() == 2, WAIT);
            assertEquals(0L, number(firstRow(api1.get("/api/conversations", alice.token())),
                    "peerReadSeq"));

            ApiClient.Reply read = api2.post("/api/conversations/" + conversation + "/read",
                    Map.of("seq", 2), bob.token());
            assertEquals(200, read.status(), read::toString);
            assertEquals(0L, read.number("unread"));

            for (ChatClient device : List.of(bobPhone, bobLaptop, a)) {
                ReadFrame mark = (ReadFrame) device.await(ReadFrame.class::isInstance, WAIT);
                assertEquals(conversation, mark.conversationId());
                assertEquals(bob.userId(), mark.userId());
                assertEquals(2, mark.seq());
            }
            Map<String, Object> row = firstRow(api1.get("/api/conversations", bob.token()));
            assertEquals(0L, number(row, "unread"));
            // The receipt outlives the frame: after a reload Alice's list says how far Bob read,
            // and Bob's how far Alice did (her own sends moved her cursor).
            assertEquals(2L, number(firstRow(api1.get("/api/conversations", alice.token())),
                    "peerReadSeq"));
            assertEquals(2L, number(row, "peerReadSeq"));
            // The cursor never moves back, and never past the last message.
            api2.post("/api/conversations/" + conversation + "/read", Map.of("seq", 1), bob.token());
            ApiClient.Reply beyond = api2.post("/api/conversations/" + conversation + "/read",
                    Map.of("seq", 99), bob.token());
            assertEquals(2L, beyond.number("readSeq"));
        }
    }

    @Test
    void onlyMembersSeeAConversationAndPagesAreCapped(Cluster cluster) {
        ApiClient api = new ApiClient(cluster.gateway1().http());
        ApiClient.Session alice = Users.signUp(api, "Alice");
        ApiClient.Session bob = Users.signUp(api, "Bob");
        ApiClient.Session eve = Users.signUp(api, "Eve");
        String conversation = ConversationIds.direct(alice.userId(), bob.userId());
        try (ChatClient a = ChatClient.connect(api.base(), alice.token(), "a1", f -> { })) {
            a.send(new SendFrame("p-1", bob.userId(), "private"));
            a.await(AckFrame.class::isInstance, WAIT);
        }
        ApiClient.Reply peek = api.get("/api/conversations/" + conversation + "/messages",
                eve.token());
        assertEquals(403, peek.status());
        assertEquals(ErrorCode.NOT_CONVERSATION_MEMBER.code(), peek.number("code"));
        ApiClient.Reply mark = api.post("/api/conversations/" + conversation + "/read",
                Map.of("seq", 1), eve.token());
        assertEquals(403, mark.status());
        ApiClient.Reply huge = api.get("/api/conversations?limit=100000", alice.token());
        assertEquals(400, huge.status());
        assertEquals(ErrorCode.PAGE_TOO_LARGE.code(), huge.number("code"));
        assertTrue(((List<?>) api.get("/api/conversations", eve.token()).body().get("items"))
                .isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstRow(ApiClient.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        List<Map<String, Object>> items = (List<Map<String, Object>>) reply.body().get("items");
        assertNotNull(items);
        return items.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Long> seqs(ApiClient.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return ((List<Map<String, Object>>) reply.body().get("items")).stream()
                .map(m -> number(m, "seq")).toList();
    }

    private static long number(Map<?, ?> map, String field) {
        return ((Number) map.get(field)).longValue();
    }
}
