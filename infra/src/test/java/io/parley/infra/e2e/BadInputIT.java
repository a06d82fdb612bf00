package io.parley.infra.e2e;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.frame.AckFrame;
import io.parley.contracts.frame.ErrorFrame;
import io.parley.contracts.frame.PingFrame;
import io.parley.contracts.frame.PongFrame;
import io.parley.contracts.frame.SendFrame;
import io.parley.contracts.frame.ServerFrame;
import io.parley.infra.client.ApiClient;
import io.parley.infra.client.ChatClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input gets a clear error and changes nothing: on the socket an {@code error} frame with a
 * code while the socket stays usable, over HTTP a 4xx with {@code {code, message}}.
 */
@ExtendWith(ClusterExtension.class)
class BadInputIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void answersEveryBadFrameWithAnErrorFrameKeepsTheSocketAndPersistsNothing(Cluster cluster)
            throws Exception {
        ApiClient api = new ApiClient(cluster.gateway1().http());
        ApiClient.Session alice = Users.signUp(api, "Alice");
        ApiClient.Session bob = Users.signUp(api, "Bob");
        try (ChatClient a = ChatClient.connect(api.base(), alice.token(), "a1", f -> { })) {
            assertError(a, "{not json", ErrorCode.MALFORMED_FRAME);
            assertError(a, "[1,2]", ErrorCode.MALFORMED_FRAME);
            assertError(a, "{\"type\":\"teleport\"}", ErrorCode.UNKNOWN_FRAME_TYPE);
            assertError(a, "{\"text\":\"no type\"}", ErrorCode.VALIDATION_FAILED);
            assertError(a, "{\"type\":\"send\",\"to\":" + bob.userId() + ",\"text\":\"x\"}",
                    ErrorCode.VALIDATION_FAILED);
            assertError(a, "{\"type\":\"send\",\"clientMsgId\":\"c1\",\"text\":\"x\"}",
                    ErrorCode.VALIDATION_FAILED);
            assertError(a, "{\"type\":\"send\",\"clientMsgId\":\"c1\",\"to\":\"abc\",\"text\":\"x\"}",
                    ErrorCode.VALIDATION_FAILED);

            a.send(new SendFrame("too-long", bob.userId(), "x".repeat(4097)));
            assertSendError(a, "too-long", ErrorCode.MESSAGE_TOO_LONG);
            a.send(new SendFrame("nobody", 987_654_321L, "hello?"));
            assertSendError(a, "nobody", ErrorCode.RECIPIENT_NOT_FOUND);
            a.send(new SendFrame("self", alice.userId(), "me"));
            assertSendError(a, "self", ErrorCode.SEND_TO_SELF);
            a.sendRaw("{\"type\":\"send\",\"clientMsgId\":\"big\",\"to\":1,\"text\":\""
                    + "y".repeat(20_000) + "\"}");
            assertError(a, null, ErrorCode.FRAME_TOO_LARGE);

            assertEquals(0, messagesFrom(alice.userId()), "nothing persisted for bad input");

            // The socket is still usable: a ping is answered and a good send is acknowledged.
            a.send(new PingFrame());
            a.await(PongFrame.class::isInstance, WAIT);
            a.send(new SendFrame("good", bob.userId(), "finally"));
            AckFrame ack = (AckFrame) a.await(f -> f instanceof AckFrame k
                    && k.clientMsgId().equals("good"), WAIT);
            assertEquals(1, ack.seq());
            assertEquals(1, messagesFrom(alice.userId()));
        }
    }

    @Test
    void retriedSendIsAcknowledgedWithTheOriginalAndStoredOnce(Cluster cluster) throws Exception {
        ApiClient api = new ApiClient(cluster.gateway1().http());
        ApiClient.Session alice = Users.signUp(api, "Alice");
        ApiClient.Session bob = Users.signUp(api, "Bob");
        try (ChatClient a = ChatClient.connect(api.base(), alice.token(), "a1", f -> { })) {
            a.send(new SendFrame("same", bob.userId(), "once"));
            AckFrame first = (AckFrame) a.await(AckFrame.class::isInstance, WAIT);
            a.send(new SendFrame("same", bob.userId(), "once"));
            AckFrame second = (AckFrame) a.await(AckFrame.class::isInstance, WAIT);
            assertEquals(first.messageId(), second.messageId());
            assertEquals(first.seq(), second.seq());
            assertEquals(1, messagesFrom(alice.userId()));
        }
    }

    @Test
    void refusesSocketsWithoutAValidTokenWithCloseCode4401(Cluster cluster) throws Exception {
        for (String token : new String[] {null, "garbage", "eyJhbGciOiJIUzI1NiJ9.e30.x"}) {
            ChatClient c = ChatClient.open(cluster.gateway2().http(), token);
            assertEquals(4401, c.closed().get(10, java.util.concurrent.TimeUnit.SECONDS));
        }
    }

    @Test
    void answersBadHttpRequestsWithStatusAndCode(Cluster cluster) {
        ApiClient api = new ApiClient(cluster.gateway1().http());
        String phone = Users.randomPhone();
        Map<String, String> account = Map.of("phone", phone, "displayName", "Carol",
                "password", Users.PASSWORD);
        assertEquals(201, api.post("/api/auth/register", account, null).status());

        assertReply(api.post("/api/auth/register", account, null), 409, ErrorCode.PHONE_TAKEN);
        assertReply(api.post("/api/auth/login", Map.of("phone", phone, "password", "wrong-pass"),
                null), 401, ErrorCode.BAD_CREDENTIALS);
        assertReply(api.post("/api/auth/login", Map.of("phone", Users.randomPhone(),
                "password", Users.PASSWORD), null), 401, ErrorCode.BAD_CREDENTIALS);
        assertReply(api.post("/api/auth/login", "{\"phone\":", null), 400, ErrorCode.BAD_REQUEST);
        assertReply(api.post("/api/auth/register", Map.of("phone", "12", "displayName", "D",
                "password", Users.PASSWORD), null), 400, ErrorCode.VALIDATION_FAILED);
        assertReply(api.post("/api/auth/register", Map.of("phone", Users.randomPhone(),
                "displayName", "D", "password", "short"), null), 400, ErrorCode.VALIDATION_FAILED);
        assertReply(api.get("/api/me", null), 401, ErrorCode.UNAUTHENTICATED);
        assertReply(api.get("/api/me", "not-a-token"), 401, ErrorCode.UNAUTHENTICATED);

        String token = api.signUp(phone, "Carol", Users.PASSWORD).token();
        assertReply(api.get("/api/users/987654321", token), 404, ErrorCode.USER_NOT_FOUND);
        assertReply(api.get("/api/nowhere", token), 404, ErrorCode.ROUTE_NOT_FOUND);
        assertEquals(200, api.get("/api/me", token).status());
    }

    static void assertReply(ApiClient.Reply reply, int status, ErrorCode code) {
        assertEquals(status, reply.status(), () -> "status of " + reply);
        assertEquals(code.code(), reply.number("code"), () -> "code of " + reply);
        assertTrue(reply.text("message") != null && !reply.text("message").isBlank());
    }

    private static void assertError(ChatClient client, String raw, ErrorCode code) {
        if (raw != null) {
            client.sendRaw(raw);
        }
        ServerFrame f = client.await(ErrorFrame.class::isInstance, WAIT);
        assertEquals(code.code(), ((ErrorFrame) f).code(), () -> "for " + raw + ": " + f);
    }

    private static void assertSendError(ChatClient client, String clientMsgId, ErrorCode code) {
        ErrorFrame f = (ErrorFrame) client.await(ErrorFrame.class::isInstance, WAIT);
        assertEquals(code.code(), f.code(), f::toString);
        assertEquals(clientMsgId, f.clientMsgId());
    }

    static long messagesFrom(long sender) throws Exception {
        try (Connection db = Cluster.database();
             PreparedStatement q = db.prepareStatement(
                     "SELECT COUNT(*) FROM messages WHERE sender_id = ?")) {
            q.setLong(1, sender);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
