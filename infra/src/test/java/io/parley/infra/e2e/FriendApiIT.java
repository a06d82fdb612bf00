package io.parley.infra.e2e;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.frame.ErrorFrame;
import io.parley.contracts.frame.SendFrame;
import io.parley.infra.client.ApiClient;
import io.parley.infra.client.ChatClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.parley.infra.e2e.Replies.assertReply;
import static io.parley.infra.e2e.Replies.items;
import static io.parley.infra.e2e.Replies.userIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Friends and blocks through the real system: requests, accept, the friend list with online
 * status from session, crossing requests, blocks, and every refusal with its code and no change.
 */
@ExtendWith(ClusterExtension.class)
class FriendApiIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void requestAcceptListWithOnlineStatusAndRemove(Cluster cluster) {
        ApiClient api1 = new ApiClient(cluster.gateway1().http());
        ApiClient api2 = new ApiClient(cluster.gateway2().http());
        ApiClient.Session ann = Users.signUp(api1, "Ann");
        ApiClient.Session ben = Users.signUp(api2, "Ben");

        ApiClient.Reply sent = request(api1, ann, ben.userId(), "hi Ben");
        assertEquals(201, sent.status(), sent::toString);
        assertEquals("pending", sent.text("status"));
        assertEquals("hi Ben", sent.text("greeting"));
        ApiClient.Reply again = request(api1, ann, ben.userId(), "hi?");
        assertEquals(200, again.status());
        assertEquals(sent.number("requestId"), again.number("requestId"));

        List<Map<String, Object>> inbox = items(api2.get(
                "/api/friends/requests?direction=incoming", ben.token()));
        assertEquals(1, inbox.size());
        assertEquals("Ann", inbox.get(0).get("displayName"));
        assertEquals(1, items(api1.get("/api/friends/requests?direction=outgoing",
                ann.token())).size());

        try (ChatClient online = ChatClient.connect(api1.base(), ann.token(), "a1", f -> { })) {
            ApiClient.Reply accepted = api2.post("/api/friends/requests/"
                    + sent.number("requestId") + "/accept", "", ben.token());
            assertEquals(200, accepted.status(), accepted::toString);
            assertEquals(ann.userId(), accepted.number("userId"));
            assertEquals(Boolean.TRUE, accepted.body().get("online"));

            List<Map<String, Object>> bens = items(api2.get("/api/friends", ben.token()));
            assertEquals(List.of(ann.userId()), userIds(bens));
            assertEquals(Boolean.TRUE, bens.get(0).get("online"));
            List<Map<String, Object>> anns = items(api1.get("/api/friends", ann.token()));
            assertEquals(List.of(ben.userId()), userIds(anns));
            assertEquals("Ben", anns.get(0).get("displayName"));
        }
        assertTrue(items(api2.get("/api/friends/requests", ben.token())).isEmpty());
        assertEquals(new SocialRows(0, 1, 0, 2, 0), SocialRows.between(ann.userId(),
                ben.userId()));

        assertEquals(204, api1.delete("/api/friends/" + ben.userId(), ann.token()).status());
        assertTrue(items(api2.get("/api/friends", ben.token())).isEmpty());
        assertEquals(new SocialRows(0, 1, 0, 0, 0), SocialRows.between(ann.userId(),
                ben.userId()));
    }

    @Test
    void usersRequestingEachOtherAtOnceOnTwoGatewaysEndAsFriendsOnce(Cluster cluster) {
        ApiClient api1 = new ApiClient(cluster.gateway1().http());
        ApiClient api2 = new ApiClient(cluster.gateway2().http());
        List<ApiClient.Session[]> pairs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pairs.add(new ApiClient.Session[] {Users.signUp(api1, "P" + i),
                    Users.signUp(api2, "Q" + i)});
        }
        List<CompletableFuture<ApiClient.Reply>> calls = new ArrayList<>();
        for (ApiClient.Session[] p : pairs) {
            calls.add(CompletableFuture.supplyAsync(() -> request(api1, p[0], p[1].userId(), "")));
            calls.add(CompletableFuture.supplyAsync(() -> request(api2, p[1], p[0].userId(), "")));
        }
        calls.forEach(c -> assertTrue(List.of(200, 201).contains(
                c.orTimeout(60, TimeUnit.SECONDS).join().status())));
        for (ApiClient.Session[] p : pairs) {
            assertEquals(new SocialRows(0, 1, 0, 2, 0),
                    SocialRows.between(p[0].userId(), p[1].userId()));
            assertEquals(List.of(p[1].userId()), userIds(items(api1.get("/api/friends",
                    p[0].token()))));
        }
    }

    @Test
    void refusesBadRequestsWithTheirCodesAndChangesNothing(Cluster cluster) {
        ApiClient api = new ApiClient(cluster.gateway1().http());
        ApiClient.Session ann = Users.signUp(api, "Ann");
        ApiClient.Session ben = Users.signUp(api, "Ben");
        ApiClient.Session cat = Users.signUp(api, "Cat");

        assertReply(request(api, ann, ann.userId(), "me"), 400,
                ErrorCode.FRIEND_REQUEST_TO_SELF);
        assertReply(request(api, ann, 987_654_321L, ""), 404, ErrorCode.USER_NOT_FOUND);
        assertReply(api.post("/api/friends/requests", Map.of("greeting", "who?"), ann.token()),
                400, ErrorCode.VALIDATION_FAILED);
        assertReply(request(api, ann, ben.userId(), "x".repeat(101)), 400,
                ErrorCode.VALIDATION_FAILED);
        assertEquals(new SocialRows(0, 0, 0, 0, 0), SocialRows.between(ann.userId(),
                ann.userId()));
        assertEquals(new SocialRows(0, 0, 0, 0, 0), SocialRows.between(ann.userId(),
                ben.userId()));

        long id = request(api, ann, ben.userId(), "hi").number("requestId");
        for (ApiClient.Session notRecipient : List.of(ann, cat)) {
            assertReply(api.post("/api/friends/requests/" + id + "/accept", "",
                    notRecipient.token()), 404, ErrorCode.FRIEND_REQUEST_NOT_FOUND);
            assertReply(api.post("/api/friends/requests/" + id + "/reject", "",
                    notRecipient.token()), 404, ErrorCode.FRIEND_REQUEST_NOT_FOUND);
        }
        assertEquals(new SocialRows(1, 0, 0, 0, 0), SocialRows.between(ann.userId(),
                ben.userId()));
        assertEquals(204, api.post("/api/friends/requests/" + id + "/reject", "", ben.token())
                .status());
        assertEquals(new SocialRows(0, 0, 1, 0, 0), SocialRows.between(ann.userId(),
                ben.userId()));

        api.post("/api/friends/requests/" + request(api, cat, ben.userId(), "").number("requestId")
                + "/accept", "", ben.token());
        SocialRows friends = SocialRows.between(ben.userId(), cat.userId());
        assertReply(request(api, ben, cat.userId(), ""), 409, ErrorCode.ALREADY_FRIENDS);
        assertEquals(friends, SocialRows.between(ben.userId(), cat.userId()));

        assertReply(api.get("/api/friends?limit=51", ann.token()), 400, ErrorCode.PAGE_TOO_LARGE);
        assertReply(api.get("/api/friends/requests?direction=sideways", ann.token()), 400,
                ErrorCode.VALIDATION_FAILED);
        assertReply(api.get("/api/friends", null), 401, ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void aBlockEndsTheFriendshipAndRefusesRequestsAndMessagesEitherWay(Cluster cluster)
            throws Exception {
        ApiClient api = new ApiClient(cluster.gateway1().http());
        ApiClient.Session ann = Users.signUp(api, "Ann");
        ApiClient.Session ben = Users.signUp(api, "Ben");
        api.post("/api/friends/requests/" + request(api, ann, ben.userId(), "").number(
                "requestId") + "/accept", "", ben.token());

        assertEquals(204, api.post("/api/blocks", Map.of("userId", ben.userId()), ann.token())
                .status());
        assertEquals(new SocialRows(0, 1, 0, 0, 1), SocialRows.between(ann.userId(),
                ben.userId()));
        assertEquals(List.of(ben.userId()), userIds(items(api.get("/api/blocks", ann.token()))));
        assertTrue(items(api.get("/api/friends", ben.token())).isEmpty());

        ApiClient.Reply fromBlocked = request(api, ben, ann.userId(), "please");
        ApiClient.Reply fromBlocker = request(api, ann, ben.userId(), "sorry");
        assertReply(fromBlocked, 403, ErrorCode.BLOCKED);
        assertReply(fromBlocker, 403, ErrorCode.BLOCKED);
        assertEquals(fromBlocked.body(), fromBlocker.body(), "nothing tells who blocked whom");
        try (ChatClient b = ChatClient.connect(api.base(), ben.token(), "b1", f -> { })) {
            b.send(new SendFrame("blocked-1", ann.userId(), "hello?"));
            ErrorFrame refused = (ErrorFrame) b.await(ErrorFrame.class::isInstance, WAIT);
            assertEquals(ErrorCode.BLOCKED.code(), refused.code());
            assertEquals("blocked-1", refused.clientMsgId());
        }
        assertEquals(0, BadInputIT.messagesFrom(ben.userId()));
        assertEquals(new SocialRows(0, 1, 0, 0, 1), SocialRows.between(ann.userId(),
                ben.userId()));
        assertReply(api.post("/api/blocks", Map.of("userId", 987_654_321L), ann.token()), 404,
                ErrorCode.USER_NOT_FOUND);

        assertEquals(204, api.delete("/api/blocks/" + ben.userId(), ann.token()).status());
        assertTrue(items(api.get("/api/blocks", ann.token())).isEmpty());
        assertEquals(201, request(api, ben, ann.userId(), "friends again?").status());
    }

    static ApiClient.Reply request(ApiClient api, ApiClient.Session from, long to,
                                           String greeting) {
        return api.post("/api/friends/requests", Map.of("toUserId", to, "greeting", greeting),
                from.token());
    }
}
