package io.parley.infra.e2e;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.frame.AckFrame;
import io.parley.contracts.frame.SendFrame;
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

/**
 * Group read receipts from read cursors: how many members read a message, and who, on request;
 * and the sender's own messages never count as unread for them.
 */
@ExtendWith(ClusterExtension.class)
class GroupReceiptsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void countsAndListsTheMembersWhoReadAMessage(Cluster cluster) {
        ApiClient api = new ApiClient(cluster.gateway1().http());
        ApiClient.Session alice = Users.signUp(api, "Alice");
        ApiClient.Session bob = Users.signUp(api, "Bob");
        ApiClient.Session carol = Users.signUp(api, "Carol");
        ApiClient.Session dave = Users.signUp(api, "Dave");
        ApiClient.Reply group = api.post("/api/groups", Map.of("name", "Readers",
                "joinPolicy", "open"), alice.token());
        assertEquals(201, group.status(), group::toString);
        String conversation = "g_" + group.text("groupId");
        for (ApiClient.Session member : List.of(bob, carol, dave)) {
            assertEquals(200, api.post("/api/groups/" + group.text("groupId") + "/join", "{}",
                    member.token()).status());
        }
        long seq;
        try (ChatClient a = ChatClient.connect(api.base(), alice.token(), "a", f -> { })) {
            a.send(SendFrame.toGroup("g-1", conversation, "did you read this?"));
            seq = ((AckFrame) a.await(AckFrame.class::isInstance, WAIT)).seq();
        }
        String readers = "/api/conversations/" + conversation + "/messages/" + seq + "/readers";
        ApiClient.Reply none = api.get(readers, alice.token());
        assertEquals(0L, none.number("readCount"));
        assertEquals(3L, none.number("memberCount"), "every member but the sender");

        api.post("/api/conversations/" + conversation + "/read", Map.of("seq", seq), bob.token());
        api.post("/api/conversations/" + conversation + "/read", Map.of("seq", seq), dave.token());
        ApiClient.Reply two = api.get(readers + "?limit=1", carol.token());
        assertEquals(2L, two.number("readCount"));
        assertEquals(List.of(bob.userId()), userIds(two));
        ApiClient.Reply next = api.get(readers + "?limit=1&cursor=" + two.text("nextCursor"),
                carol.token());
        assertEquals(List.of(dave.userId()), userIds(next));

        ApiClient.Session outsider = Users.signUp(api, "Eve");
        ApiClient.Reply refused = api.get(readers, outsider.token());
        assertEquals(403, refused.status());
        assertEquals(ErrorCode.NOT_CONVERSATION_MEMBER.code(), refused.number("code"));

        // Alice's own message is not unread for her; it is for Carol, who has not read it.
        assertEquals(0L, unread(api, alice, conversation));
        assertEquals(1L, unread(api, carol, conversation));
    }

    @SuppressWarnings("unchecked")
    private static List<Long> userIds(ApiClient.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return ((List<Map<String, Object>>) reply.body().get("items")).stream()
                .map(m -> ((Number) m.get("userId")).longValue()).toList();
    }

    @SuppressWarnings("unchecked")
    private static long unread(ApiClient api, ApiClient.Session who, String conversation) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) api.get(
                "/api/conversations", who.token()).body().get("items");
        return items.stream().filter(m -> conversation.equals(m.get("conversationId")))
                .map(m -> ((Number) m.get("unread")).longValue()).findFirst().orElseThrow();
    }
}
