package io.parley.infra.e2e;

import io.parley.infra.client.ApiClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Group invite codes over HTTP on the real system (issue #14): an admin's code lets anyone in
 * (an invite-only group too; an approval group files an application), uses and revocation are
 * kept, every dead code is the same 404 4120, and only owners and admins manage codes.
 */
@ExtendWith(ClusterExtension.class)
class InviteCodesIT {

    @Test
    void aCodeAdmitsUntilUsedUpOrRevokedAndOnlyAdminsManageCodes(Cluster cluster) {
        ApiClient api = new ApiClient(cluster.gateway1().http());
        ApiClient.Session owner = Users.signUp(api, "Owner");
        ApiClient.Session ann = Users.signUp(api, "Ann");
        ApiClient.Session ben = Users.signUp(api, "Ben");
        ApiClient.Session cy = Users.signUp(api, "Cy");
        String groupId = GroupCalls.create(api, owner, "By invitation", "invite");
        String codes = "/api/groups/" + groupId + "/invite-codes";

        ApiClient.Reply created = api.post(codes, Map.of("maxUses", 2), owner.token());
        assertEquals(201, created.status(), created::toString);
        String code = created.text("code");
        assertTrue(code.matches("[A-Za-z0-9_-]{16}"), code);
        assertEquals(2, created.number("maxUses"));
        assertNotEquals(code, api.post(codes, Map.of(), owner.token()).text("code"),
                "every code is new");

        ApiClient.Reply preview = api.get("/api/invites/" + code, ann.token());
        assertEquals(200, preview.status(), preview::toString);
        assertEquals("By invitation", preview.text("name"));
        assertEquals(groupId, preview.text("groupId"));
        assertEquals(Boolean.FALSE, preview.body().get("member"));

        ApiClient.Reply joined = api.post("/api/invites/" + code + "/join", Map.of(),
                ann.token());
        assertEquals(200, joined.status(), joined::toString);
        assertEquals("joined", joined.text("status"));
        assertEquals(groupId, joined.text("groupId"));
        assertError(409, 4105, api.post("/api/invites/" + code + "/join", Map.of(), ann.token()));
        // A plain member may not make or see codes.
        assertError(403, 4104, api.post(codes, Map.of(), ann.token()));
        assertError(403, 4104, api.get(codes, ann.token()));

        assertEquals(200, api.post("/api/invites/" + code + "/join", Map.of(), ben.token())
                .status());
        assertError(404, 4120, api.post("/api/invites/" + code + "/join", Map.of(), cy.token()));
        assertError(404, 4120, api.get("/api/invites/" + code, cy.token()));

        ApiClient.Reply another = api.post(codes, Map.of("expiresInSeconds", 3600),
                owner.token());
        String second = another.text("code");
        assertTrue(another.number("expiresAt") > System.currentTimeMillis() + 3_000_000L);
        List<Map<String, Object>> live = api.get(codes, owner.token()).list("items");
        assertTrue(live.stream().anyMatch(c -> second.equals(c.get("code"))), live::toString);
        assertTrue(live.stream().noneMatch(c -> code.equals(c.get("code"))), "used up: not live");
        assertEquals(204, api.delete(codes + "/" + second, owner.token()).status());
        assertError(404, 4120, api.delete(codes + "/" + second, owner.token()));
        assertError(404, 4120, api.post("/api/invites/" + second + "/join", Map.of(),
                cy.token()));

        assertError(404, 4120, api.get("/api/invites/not%20a%20code", cy.token()));
        assertError(400, 1001, api.post(codes, Map.of("expiresInSeconds", 10), owner.token()));
        assertError(400, 1001, api.post(codes, Map.of("maxUses", 0), owner.token()));
        assertError(400, 1001, api.post(codes, "{\"maxUses\":\"3\"}", owner.token()));

        String approval = GroupCalls.create(api, owner, "Approved", "approval");
        String approvalCode = api.post("/api/groups/" + approval + "/invite-codes", Map.of(),
                owner.token()).text("code");
        ApiClient.Reply pending = api.post("/api/invites/" + approvalCode + "/join", Map.of(),
                cy.token());
        assertEquals(202, pending.status(), pending::toString);
        assertEquals("pending", pending.text("status"));
    }

    private static void assertError(int status, int code, ApiClient.Reply reply) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(code, reply.number("code"), reply::toString);
    }
}
