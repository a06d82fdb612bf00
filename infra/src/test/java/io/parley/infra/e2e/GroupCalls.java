package io.parley.infra.e2e;

import io.parley.infra.client.ApiClient;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The groups HTTP API calls that several end-to-end tests make. */
final class GroupCalls {
    private GroupCalls() {
    }

    /** Creates a group through the gateway; returns its id. */
    static String create(ApiClient api, ApiClient.Session owner, String name, String policy) {
        ApiClient.Reply created = api.post("/api/groups", Map.of("name", name,
                "joinPolicy", policy), owner.token());
        assertEquals(201, created.status(), created::toString);
        return created.text("groupId");
    }

    static void join(ApiClient api, ApiClient.Session user, String groupId) {
        ApiClient.Reply joined = api.post("/api/groups/" + groupId + "/join", Map.of(),
                user.token());
        assertEquals(200, joined.status(), joined::toString);
        assertEquals("joined", joined.text("status"));
    }
}
