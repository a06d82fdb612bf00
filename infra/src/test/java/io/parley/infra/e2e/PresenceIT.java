package io.parley.infra.e2e;

import io.parley.contracts.frame.PresenceFrame;
import io.parley.contracts.frame.ServerFrame;
import io.parley.infra.client.ApiClient;
import io.parley.infra.client.ChatClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import io.parley.infra.cluster.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Friends see each other come online and go offline, live, across gateways. */
@ExtendWith(ClusterExtension.class)
class PresenceIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void friendsSeeComingOnlineAndGoingOfflineWithLastSeen(Cluster cluster) {
        ApiClient api1 = new ApiClient(cluster.gateway1().http());
        ApiClient api2 = new ApiClient(cluster.gateway2().http());
        ApiClient.Session alice = Users.signUp(api1, "Alice");
        ApiClient.Session bob = Users.signUp(api2, "Bob");
        ApiClient.Session stranger = Users.signUp(api2, "Stranger");
        Users.befriend(api1, alice, bob);

        try (ChatClient a = ChatClient.connect(api1.base(), alice.token(), "a", f -> { });
             ChatClient s = ChatClient.connect(api2.base(), stranger.token(), "s", f -> { })) {
            ChatClient laptop = ChatClient.connect(api2.base(), bob.token(), "laptop", f -> { });
            PresenceFrame online = (PresenceFrame) a.await(isPresenceOf(bob), WAIT);
            assertTrue(online.online());

            // A second device is no transition; closing one of two is none either.
            ChatClient phone = ChatClient.connect(api1.base(), bob.token(), "phone", f -> { });
            laptop.close();
            phone.close();
            long closedBy = System.currentTimeMillis();
            PresenceFrame offline = (PresenceFrame) a.await(isPresenceOf(bob), WAIT);
            assertFalse(offline.online(), "the next change is going offline: " + offline);
            assertTrue(offline.at() <= closedBy + 1000, "last seen when the last device closed");

            Map<String, Object> row = friendRow(api1, alice, bob.userId());
            assertEquals(Boolean.FALSE, row.get("online"));
            // The stranger, not a friend, heard nothing.
            assertTrue(s.awaitNone(isPresenceOf(bob), Duration.ofSeconds(1)));
        }
    }

    @Test
    void friendsSeeAUserGoOfflineWhenTheirGatewayDies(Cluster cluster) {
        ServiceProcess doomed = cluster.startGateway("gateway-presence");
        ApiClient api = new ApiClient(cluster.gateway1().http());
        ApiClient.Session alice = Users.signUp(api, "Alice");
        ApiClient.Session bob = Users.signUp(api, "Bob");
        Users.befriend(api, alice, bob);
        try (ChatClient a = ChatClient.connect(api.base(), alice.token(), "a", f -> { })) {
            ChatClient b = ChatClient.connect(doomed.http(), bob.token(), "b", f -> { });
            assertTrue(((PresenceFrame) a.await(isPresenceOf(bob), WAIT)).online());
            long killedAt = System.currentTimeMillis();
            doomed.kill();
            PresenceFrame offline = (PresenceFrame) a.await(isPresenceOf(bob), WAIT);
            assertFalse(offline.online());
            assertTrue(offline.at() <= killedAt, "last seen at the last heartbeat");
            assertEquals(Boolean.FALSE, friendRow(api, alice, bob.userId()).get("online"));
            b.close();
        }
    }

    private static java.util.function.Predicate<ServerFrame> isPresenceOf(ApiClient.Session who) {
        return f -> f instanceof PresenceFrame p && p.userId() == who.userId();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> friendRow(ApiClient api, ApiClient.Session me, long friend) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) api.get("/api/friends",
                me.token()).body().get("items");
        return items.stream().filter(m -> ((Number) m.get("userId")).longValue() == friend)
                .findFirst().orElseThrow();
    }
}
