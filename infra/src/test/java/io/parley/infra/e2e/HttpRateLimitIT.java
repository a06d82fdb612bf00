package io.parley.infra.e2e;

import io.parley.contracts.error.ErrorCode;
import io.parley.infra.client.ApiClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import io.parley.infra.cluster.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Password guessing and API floods get 429 with code 1005, before reaching logic. */
@ExtendWith(ClusterExtension.class)
class HttpRateLimitIT {

    @Test
    void loginsPerAddressAndCallsPerTokenAreLimited(Cluster cluster) {
        ServiceProcess strict = cluster.startGateway("gateway-strict", Map.of(
                "im.gateway.http-rate.auth-per-second", "0.2",
                "im.gateway.http-rate.auth-burst", "3",
                "im.gateway.http-rate.api-per-second", "0.2",
                "im.gateway.http-rate.api-burst", "5"));
        ApiClient relaxed = new ApiClient(cluster.gateway1().http());
        String phone = Users.randomPhone();
        ApiClient.Session user = relaxed.signUp(phone, "Mallory", Users.PASSWORD);
        ApiClient api = new ApiClient(strict.http());
        for (int i = 0; i < 3; i++) {
            assertEquals(401, api.post("/api/auth/login", Map.of("phone", phone,
                    "password", "guess-" + i), null).status());
        }
        Replies.assertReply(api.post("/api/auth/login", Map.of("phone", phone,
                "password", Users.PASSWORD), null), 429, ErrorCode.RATE_LIMITED);

        for (int i = 0; i < 5; i++) {
            assertEquals(200, api.get("/api/me", user.token()).status());
        }
        Replies.assertReply(api.get("/api/me", user.token()), 429, ErrorCode.RATE_LIMITED);
        // Another gateway keeps its own buckets.
        assertEquals(200, relaxed.get("/api/me", user.token()).status());
        strict.close();
    }

    @Test
    void callsAreCountedPerVerifiedUserAndBogusTokensPerAddress(Cluster cluster) {
        ServiceProcess strict = cluster.startGateway("gateway-keyed", Map.of(
                "im.gateway.http-rate.auth-per-second", "0.1",
                "im.gateway.http-rate.auth-burst", "4",
                "im.gateway.http-rate.api-per-second", "0.1",
                "im.gateway.http-rate.api-burst", "4"));
        ApiClient relaxed = new ApiClient(cluster.gateway1().http());
        String phone = Users.randomPhone();
        String first = relaxed.signUp(phone, "Mallory", Users.PASSWORD).token();
        String second = relaxed.post("/api/auth/login", Map.of("phone", phone,
                "password", Users.PASSWORD), null).text("accessToken");
        ApiClient api = new ApiClient(strict.http());
        // Two tokens of one user draw on one bucket.
        for (int i = 0; i < 4; i++) {
            assertEquals(200, api.get("/api/me", i % 2 == 0 ? first : second).status());
        }
        Replies.assertReply(api.get("/api/me", second), 429, ErrorCode.RATE_LIMITED);
        Replies.assertReply(api.get("/api/me", first), 429, ErrorCode.RATE_LIMITED);
        // A fresh random token per call is no way around the limit: they share the address's.
        int refused = 0;
        for (int i = 0; i < 8; i++) {
            int status = api.get("/api/me", "bogus." + java.util.UUID.randomUUID() + ".x")
                    .status();
            refused += status == 429 ? 1 : 0;
        }
        assertEquals(4, refused, "the address's burst of 4, then 429");
        strict.close();
    }
}
