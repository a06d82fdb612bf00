package io.parley.infra.e2e;

import io.parley.contracts.error.ErrorCode;
import io.parley.infra.client.ApiClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.parley.infra.e2e.Replies.assertReply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The groups HTTP API through a real gateway and logic: each endpoint's status and body, and the
 * status and code of its refusals (logic's integration tests check the rules and that refusals
 * change nothing; this checks what a browser sees).
 */
@ExtendWith(ClusterExtension.class)
class GroupApiIT {

    @Test
    void createReadEditListAndDissolve(Cluster cluster) {
        ApiClient api = new ApiClient(cluster.gateway1().http());
        ApiClient.Session owner = Users.signUp(api, "Gus");
        ApiClient.Session outsider = Users.signUp(api, "Gil");

        ApiClient.Reply created = api.post("/api/groups", Map.of("name", "Gardeners",
                "notice", "Bring gloves", "joinPolicy", "open"), owner.token());
        assertEquals(201, created.status(), created::toString);
        String id = created.text("groupId");
        assertTrue(Long.parseLong(id) > 0, "the id is a string of digits");
        assertEquals("Gardeners", created.text("name"));
        assertEquals("", created.text("avatarUrl"));
        assertEquals("Bring gloves", created.text("notice"));
        assertEquals("open", created.text("joinPolicy"));
        assertEquals(owner.userId(), created.number("ownerId"));
        assertEquals(1, created.number("memberCount"));
        assertEquals("owner", created.text("myRole"));

        assertReply(api.post("/api/groups", Map.of("name", " ", "joinPolicy", "open"),
                owner.token()), 400, ErrorCode.VALIDATION_FAILED);
        assertReply(api.post("/api/groups", Map.of("name", "X", "joinPolicy", "secret"),
                owner.token()), 400, ErrorCode.VALIDATION_FAILED);
        assertReply(api.post("/api/groups", Map.of("name", "X", "joinPolicy", "open"), null),
                401, ErrorCode.UNAUTHENTICATED);

        assertEquals("Gardeners", api.get("/api/groups/" + id, owner.token()).text("name"));
        assertReply(api.get("/api/groups/" + id, outsider.token()), 403,
                ErrorCode.NOT_GROUP_MEMBER);
        assertReply(api.get("/api/groups/123", owner.token()), 404, ErrorCode.GROUP_NOT_FOUND);
        assertReply(api.get("/api/groups/abc", owner.token()), 400, ErrorCode.BAD_REQUEST);

        ApiClient.Reply patched = api.call("PATCH", "/api/groups/" + id,
                Map.of("name", "Green thumbs", "joinPolicy", "approval"), owner.token());
        assertEquals(200, patched.status(), patched::toString);
        assertEquals("Green thumbs", patched.text("name"));
        assertEquals("Bring gloves", patched.text("notice"), "fields left out stay");
        assertEquals("approval", patched.text("joinPolicy"));
        assertReply(api.call("PATCH", "/api/groups/" + id, Map.of("name", "Mine"),
                outsider.token()), 403, ErrorCode.NOT_GROUP_MEMBER);

        List<Map<String, Object>> mine = api.get("/api/groups", owner.token()).list("items");
        assertEquals(1, mine.size());
        assertEquals(id, mine.get(0).get("groupId"));
        assertEquals("owner", mine.get(0).get("myRole"));
        assertEquals(List.of(), api.get("/api/groups", outsider.token()).list("items"));

        assertReply(api.call("DELETE", "/api/groups/" + id, null, outsider.token()), 403,
                ErrorCode.NOT_GROUP_MEMBER);
        assertEquals(204, api.call("DELETE", "/api/groups/" + id, null, owner.token()).status());
        assertReply(api.get("/api/groups/" + id, owner.token()), 404, ErrorCode.GROUP_NOT_FOUND);
    }

    @Test
    void joinApplyApproveRejectInviteAndPageMembers(Cluster cluster) {
        ApiClient api = new ApiClient(cluster.gateway2().http());
        ApiClient.Session owner = Users.signUp(api, "Hal");
        ApiClient.Session member = Users.signUp(api, "Hen");
        ApiClient.Session applicant = Users.signUp(api, "Hope");
        ApiClient.Session rejected = Users.signUp(api, "Hugo");

        String open = GroupCalls.create(api, owner, "Open house", "open");
        GroupCalls.join(api, member, open);
        assertReply(join(api, member, open), 409, ErrorCode.ALREADY_GROUP_MEMBER);

        String approval = GroupCalls.create(api, owner, "By approval", "approval");
        ApiClient.Reply pending = api.post("/api/groups/" + approval + "/join",
                Map.of("message", "hello"), applicant.token());
        assertEquals(202, pending.status(), pending::toString);
        assertEquals("pending", pending.text("status"));
        String applicationId = pending.text("applicationId");
        String other = join(api, rejected, approval).text("applicationId");
        assertReply(api.get("/api/groups/" + approval + "/applications", applicant.token()), 403,
                ErrorCode.NOT_GROUP_MEMBER);
        List<Map<String, Object>> waiting = api.get("/api/groups/" + approval + "/applications",
                owner.token()).list("items");
        assertEquals(2, waiting.size());
        assertEquals(applicationId, waiting.get(0).get("applicationId"));
        assertEquals("hello", waiting.get(0).get("message"));
        ApiClient.Reply approved = api.post("/api/groups/" + approval + "/applications/"
                + applicationId + "/approve", Map.of(), owner.token());
        assertEquals(200, approved.status(), approved::toString);
        assertEquals(applicant.userId(), approved.number("userId"));
        assertEquals("member", approved.text("role"));
        assertEquals(204, api.post("/api/groups/" + approval + "/applications/" + other
                + "/reject", Map.of(), owner.token()).status());
        assertReply(api.post("/api/groups/" + approval + "/applications/" + other + "/approve",
                Map.of(), owner.token()), 404, ErrorCode.GROUP_APPLICATION_NOT_FOUND);

        String invite = GroupCalls.create(api, owner, "Invite only", "invite");
        assertReply(join(api, rejected, invite), 403, ErrorCode.GROUP_JOIN_NOT_ALLOWED);
        ApiClient.Reply invited = api.post("/api/groups/" + invite + "/invitations",
                Map.of("userIds", List.of(member.userId(), rejected.userId())), owner.token());
        assertEquals(200, invited.status(), invited::toString);
        assertEquals(List.of(member.userId(), rejected.userId()), numbers(invited, "added"));
        assertReply(api.post("/api/groups/" + invite + "/invitations",
                Map.of("userIds", List.of(applicant.userId())), member.token()), 403,
                ErrorCode.NOT_GROUP_ADMIN);

        List<Long> paged = new ArrayList<>();
        String cursor = null;
        do {
            ApiClient.Reply page = api.get("/api/groups/" + invite + "/members?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), member.token());
            assertEquals(200, page.status(), page::toString);
            page.list("items").forEach(m -> paged.add(((Number) m.get("userId")).longValue()));
            assertTrue(page.list("items").get(0).get("displayName") instanceof String);
            cursor = page.text("nextCursor");
        } while (cursor != null && paged.size() < 1000); // bounded
        assertEquals(List.of(owner.userId(), member.userId(), rejected.userId()).stream()
                .sorted().toList(), paged);
        assertReply(api.get("/api/groups/" + invite + "/members?limit=51", owner.token()), 400,
                ErrorCode.PAGE_TOO_LARGE);
        ApiClient.Reply all = api.get("/api/groups/" + invite + "/members", owner.token());
        assertTrue(all.body().containsKey("nextCursor"), "present, as null, on the last page");
        assertNull(all.text("nextCursor"));
    }

    @Test
    void leaveKickRolesAndTransfer(Cluster cluster) {
        ApiClient api = new ApiClient(cluster.gateway1().http());
        ApiClient.Session owner = Users.signUp(api, "Kara");
        ApiClient.Session admin = Users.signUp(api, "Karl");
        ApiClient.Session member = Users.signUp(api, "Kyle");
        String id = GroupCalls.create(api, owner, "Roles", "open");
        GroupCalls.join(api, admin, id);
        GroupCalls.join(api, member, id);
        String base = "/api/groups/" + id;

        ApiClient.Reply promoted = api.call("PUT", base + "/members/" + admin.userId() + "/role",
                Map.of("role", "admin"), owner.token());
        assertEquals(200, promoted.status(), promoted::toString);
        assertEquals("admin", promoted.text("role"));
        assertReply(api.call("PUT", base + "/members/" + member.userId() + "/role",
                Map.of("role", "admin"), admin.token()), 403, ErrorCode.NOT_GROUP_ADMIN);
        assertReply(api.call("DELETE", base + "/members/" + admin.userId(), null,
                member.token()), 403, ErrorCode.NOT_GROUP_ADMIN);
        assertReply(api.post(base + "/leave", Map.of(), owner.token()), 409,
                ErrorCode.OWNER_MUST_TRANSFER);

        assertEquals(204, api.call("DELETE", base + "/members/" + member.userId(), null,
                admin.token()).status());
        assertReply(api.get(base, member.token()), 403, ErrorCode.NOT_GROUP_MEMBER);

        assertReply(api.post(base + "/transfer", Map.of("userId", member.userId()),
                owner.token()), 403, ErrorCode.NOT_GROUP_MEMBER);
        ApiClient.Reply transferred = api.post(base + "/transfer",
                Map.of("userId", admin.userId()), owner.token());
        assertEquals(200, transferred.status(), transferred::toString);
        assertEquals(admin.userId(), transferred.number("ownerId"));
        assertEquals("admin", transferred.text("myRole"));
        assertEquals(204, api.post(base + "/leave", Map.of(), owner.token()).status());
        ApiClient.Reply after = api.get(base, admin.token());
        assertEquals("owner", after.text("myRole"));
        assertEquals(1, after.number("memberCount"));
    }

    private static ApiClient.Reply join(ApiClient api, ApiClient.Session user, String id) {
        return api.post("/api/groups/" + id + "/join", Map.of(), user.token());
    }

    @SuppressWarnings("unchecked")
    private static List<Long> numbers(ApiClient.Reply reply, String field) {
        return ((List<Number>) reply.body().get(field)).stream().map(Number::longValue).toList();
    }
}
