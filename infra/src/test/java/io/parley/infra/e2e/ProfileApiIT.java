package io.parley.infra.e2e;

import io.parley.contracts.error.ErrorCode;
import io.parley.infra.client.ApiClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.parley.infra.e2e.Replies.assertReply;
import static io.parley.infra.e2e.Replies.items;
import static io.parley.infra.e2e.Replies.userIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Profiles and search through the gateways: own account, public view, edits, paging. */
@ExtendWith(ClusterExtension.class)
class ProfileApiIT {

    @Test
    void editsTheProfileAndOthersSeeItWithoutThePhoneOnEitherGateway(Cluster cluster) {
        ApiClient api1 = new ApiClient(cluster.gateway1().http());
        ApiClient api2 = new ApiClient(cluster.gateway2().http());
        ApiClient.Session ann = Users.signUp(api1, "Ann");
        ApiClient.Session ben = Users.signUp(api2, "Ben");

        ApiClient.Reply edited = api1.patch("/api/me", Map.of("displayName", "Anna",
                "avatarUrl", "https://cdn.example/anna.png", "bio", "Hi, I'm Anna"), ann.token());
        assertEquals(200, edited.status(), edited::toString);
        assertEquals("Anna", edited.text("displayName"));
        ApiClient.Reply me = api2.get("/api/me", ann.token());
        assertEquals(Map.of("userId", ann.userId(), "phone", me.text("phone"),
                "displayName", "Anna", "avatarUrl", "https://cdn.example/anna.png",
                "bio", "Hi, I'm Anna"), normalized(me.body()));

        ApiClient.Reply seen = api2.get("/api/users/" + ann.userId(), ben.token());
        assertEquals(200, seen.status());
        assertEquals(Map.of("userId", ann.userId(), "displayName", "Anna",
                "avatarUrl", "https://cdn.example/anna.png", "bio", "Hi, I'm Anna"),
                normalized(seen.body()), "a public profile has no phone");

        Map<String, Object> clear = new HashMap<>();
        clear.put("bio", "");
        ApiClient.Reply cleared = api1.patch("/api/me", clear, ann.token());
        assertTrue(cleared.body().containsKey("bio"));
        assertNull(cleared.body().get("bio"));
        assertEquals("Anna", cleared.text("displayName"), "fields not sent stay");
    }

    @Test
    void refusesBadEditsWith1001AndChangesNothing(Cluster cluster) {
        ApiClient api = new ApiClient(cluster.gateway1().http());
        ApiClient.Session ann = Users.signUp(api, "Ann");
        Map<String, Object> before = api.get("/api/me", ann.token()).body();
        for (Map<String, String> bad : List.of(Map.of("displayName", " "),
                Map.of("displayName", "x".repeat(65)),
                Map.of("avatarUrl", "javascript:alert(1)"),
                Map.of("avatarUrl", "https://e.example/" + "a".repeat(600)),
                Map.of("bio", "b".repeat(281)))) {
            assertReply(api.patch("/api/me", bad, ann.token()), 400, ErrorCode.VALIDATION_FAILED);
        }
        assertEquals(before, api.get("/api/me", ann.token()).body());
        assertReply(api.patch("/api/me", Map.of("bio", "x"), null), 401,
                ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void searchesByExactPhoneAndPagesThroughANamePrefix(Cluster cluster) {
        ApiClient api = new ApiClient(cluster.gateway1().http());
        String phone = Users.randomPhone();
        ApiClient.Session ann = api.signUp(phone, "Ann", Users.PASSWORD);
        String tag = "Srch" + UUID.randomUUID().toString().substring(0, 6);
        List<Long> tagged = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tagged.add(Users.signUp(api, tag + " " + i).userId());
        }

        ApiClient.Reply byPhone = api.get("/api/users/search?phone=" + phone.replace("+", "%2B"),
                ann.token());
        assertEquals(List.of(ann.userId()), userIds(items(byPhone)));
        assertFalse(items(byPhone).get(0).containsKey("phone"), "never another's phone");
        assertTrue(byPhone.body().containsKey("nextCursor"));
        assertNull(byPhone.body().get("nextCursor"));
        assertEquals(ann.userId(), api.get("/api/users/lookup?phone="
                + phone.replace("+", "%2B"), ann.token()).number("userId"), "still served");

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            ApiClient.Reply page = api.get("/api/users/search?name=" + tag.toLowerCase()
                    + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor), ann.token());
            assertEquals(200, page.status(), page::toString);
            seen.addAll(userIds(items(page)));
            cursor = page.text("nextCursor");
        } while (cursor != null && seen.size() < 1000); // bounded
        assertEquals(tagged, seen);

        assertReply(api.get("/api/users/search?name=" + tag + "&limit=51", ann.token()), 400,
                ErrorCode.PAGE_TOO_LARGE);
        assertReply(api.get("/api/users/search?phone=12ab", ann.token()), 400,
                ErrorCode.VALIDATION_FAILED);
        assertReply(api.get("/api/users/search", ann.token()), 400, ErrorCode.VALIDATION_FAILED);
        assertReply(api.get("/api/users/search?name=" + tag + "&cursor=nope!", ann.token()), 400,
                ErrorCode.VALIDATION_FAILED);
    }

    private static Map<String, Object> normalized(Map<String, Object> body) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put("userId", ((Number) body.get("userId")).longValue());
        return copy;
    }
}
