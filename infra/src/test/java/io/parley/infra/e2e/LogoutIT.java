package io.parley.infra.e2e;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.frame.PingFrame;
import io.parley.contracts.frame.PongFrame;
import io.parley.infra.client.ApiClient;
import io.parley.infra.client.ChatClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.parley.infra.e2e.Replies.assertReply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A logout revokes exactly that token at once, on every gateway: HTTP answers 401 (2001), new
 * sockets are refused and open ones closed with 4401, while the user's other tokens keep working.
 */
@ExtendWith(ClusterExtension.class)
class LogoutIT {

    @Test
    void aLoggedOutTokenStopsWorkingAtOnceOnEveryGatewayAndOnlyThatToken(Cluster cluster)
            throws Exception {
        ApiClient api1 = new ApiClient(cluster.gateway1().http());
        ApiClient api2 = new ApiClient(cluster.gateway2().http());
        String phone = Users.randomPhone();
        ApiClient.Session laptop = api1.signUp(phone, "Ann", Users.PASSWORD);
        ApiClient.Session phoneApp = api2.signUp(phone, "Ann", Users.PASSWORD);

        try (ChatClient onGw1 = ChatClient.connect(api1.base(), laptop.token(), "l1", f -> { });
             ChatClient onGw2 = ChatClient.connect(api2.base(), laptop.token(), "l2", f -> { });
             ChatClient other = ChatClient.connect(api2.base(), phoneApp.token(), "p1",
                     f -> { })) {
            assertEquals(204, api1.post("/api/auth/logout", "", laptop.token()).status());

            // At once: the very next requests on both gateways are refused.
            assertReply(api2.get("/api/me", laptop.token()), 401, ErrorCode.UNAUTHENTICATED);
            assertReply(api1.get("/api/me", laptop.token()), 401, ErrorCode.UNAUTHENTICATED);
            assertReply(api1.post("/api/auth/logout", "", laptop.token()), 401,
                    ErrorCode.UNAUTHENTICATED);
            assertEquals(4401, onGw1.closed().get(10, TimeUnit.SECONDS));
            assertEquals(4401, onGw2.closed().get(10, TimeUnit.SECONDS));
            for (ApiClient api : new ApiClient[] {api1, api2}) {
                ChatClient refused = ChatClient.open(api.base(), laptop.token());
                assertEquals(4401, refused.closed().get(10, TimeUnit.SECONDS));
            }

            assertEquals(200, api1.get("/api/me", phoneApp.token()).status());
            other.send(new PingFrame());
            other.await(PongFrame.class::isInstance, Duration.ofSeconds(10));
            assertFalse(other.closed().isDone(), "the other token's socket stays open");
        }
        ApiClient.Session again = api1.signUp(phone, "Ann", Users.PASSWORD);
        assertEquals(200, api2.get("/api/me", again.token()).status(), "log in again works");
    }
}
