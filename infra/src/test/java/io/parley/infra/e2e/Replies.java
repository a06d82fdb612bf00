package io.parley.infra.e2e;

import io.parley.contracts.error.ErrorCode;
import io.parley.infra.client.ApiClient;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on HTTP replies of the gateway's API. */
final class Replies {
    private Replies() {
    }

    static void assertReply(ApiClient.Reply reply, int status, ErrorCode code) {
        assertEquals(status, reply.status(), () -> "status of " + reply);
        assertEquals(code.code(), reply.number("code"), () -> "code of " + reply);
        assertTrue(reply.text("message") != null && !reply.text("message").isBlank());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(ApiClient.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return (List<Map<String, Object>>) reply.body().get("items");
    }

    static List<Long> userIds(List<Map<String, Object>> items) {
        return items.stream().map(i -> ((Number) i.get("userId")).longValue()).toList();
    }
}
