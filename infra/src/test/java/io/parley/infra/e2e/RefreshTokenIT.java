package io.parley.infra.e2e;

import io.parley.contracts.error.ErrorCode;
import io.parley.infra.client.ApiClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static io.parley.infra.e2e.Replies.assertReply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Refresh tokens through the public API on two gateways: a login hands out a short access token
 * and a refresh token; a refresh (on any gateway) hands out a working access token and the next
 * refresh token and spends the old one; presenting a spent one again revokes the whole family
 * (the thief's copy and the owner's newest token alike); logging out revokes the family too.
 */
@ExtendWith(ClusterExtension.class)
class RefreshTokenIT {

    @Test
    void refreshRotatesAndReuseRevokesTheFamily(Cluster cluster) {
        ApiClient api1 = new ApiClient(cluster.gateway1().http());
        ApiClient api2 = new ApiClient(cluster.gateway2().http());
        String phone = Users.randomPhone();
        api1.signUp(phone, "Rita", Users.PASSWORD);
        ApiClient.Reply login = login(api1, phone);
        assertEquals("Bearer", login.text("tokenType"));
        assertEquals(900L, login.number("expiresIn"), "15 minute access tokens by default");
        assertEquals(30L * 24 * 3600, login.number("refreshExpiresIn"));
        String first = login.text("refreshToken");

        ApiClient.Reply refreshed = api2.post("/api/auth/refresh", Map.of("refreshToken", first),
                null);
        assertEquals(200, refreshed.status(), refreshed::toString);
        String second = refreshed.text("refreshToken");
        assertNotEquals(first, second, "every refresh rotates the refresh token");
        assertEquals(phone, ((Map<?, ?>) refreshed.body().get("user")).get("phone"));
        ApiClient.Reply me = api1.get("/api/me", refreshed.text("accessToken"));
        assertEquals(200, me.status(), "the new access token works on the other gateway");

        // The spent token comes back (a thief replaying it): refused, and the family is revoked,
        // so the newest token stops working too.
        assertReply(api1.post("/api/auth/refresh", Map.of("refreshToken", first), null), 401,
                ErrorCode.REFRESH_TOKEN_REUSED);
        assertReply(api2.post("/api/auth/refresh", Map.of("refreshToken", second), null), 401,
                ErrorCode.REFRESH_TOKEN_INVALID);

        // Other logins are another family: untouched.
        String other = login(api2, phone).text("refreshToken");
        assertEquals(200, api1.post("/api/auth/refresh", Map.of("refreshToken", other), null)
                .status());
    }

    @Test
    void logoutRevokesTheRefreshTokenAndUnknownTokensAreRefused(Cluster cluster) {
        ApiClient api = new ApiClient(cluster.gateway1().http());
        String phone = Users.randomPhone();
        api.signUp(phone, "Lou", Users.PASSWORD);
        ApiClient.Reply login = login(api, phone);
        String access = login.text("accessToken");
        String refresh = login.text("refreshToken");
        assertTrue(refresh.length() >= 40, "32 random bytes");

        assertEquals(204, api.post("/api/auth/logout", Map.of("refreshToken", refresh), access)
                .status());
        assertReply(api.post("/api/auth/refresh", Map.of("refreshToken", refresh), null), 401,
                ErrorCode.REFRESH_TOKEN_INVALID);

        assertReply(api.post("/api/auth/refresh", Map.of("refreshToken", "no-such-token"), null),
                401, ErrorCode.REFRESH_TOKEN_INVALID);
        assertReply(api.post("/api/auth/refresh", Map.of(), null), 401,
                ErrorCode.REFRESH_TOKEN_INVALID);
        // A logout without a body (older clients) still works.
        ApiClient.Reply again = login(api, phone);
        assertEquals(204, api.post("/api/auth/logout", "", again.text("accessToken")).status());
        assertEquals(200, api.post("/api/auth/refresh",
                Map.of("refreshToken", again.text("refreshToken")), null).status(),
                "a logout without the refresh token revokes only the access token");
    }

    private static ApiClient.Reply login(ApiClient api, String phone) {
        ApiClient.Reply login = api.post("/api/auth/login",
                Map.of("phone", phone, "password", Users.PASSWORD), null);
        assertEquals(200, login.status(), login::toString);
        return login;
    }
}
