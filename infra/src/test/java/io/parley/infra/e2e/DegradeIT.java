package io.parley.infra.e2e;

import io.parley.contracts.frame.AckFrame;
import io.parley.contracts.frame.ErrorFrame;
import io.parley.contracts.frame.SendFrame;
import io.parley.contracts.frame.ServerFrame;
import io.parley.infra.client.ApiClient;
import io.parley.infra.client.ChatClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import io.parley.infra.cluster.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logic goes down and comes back. Meanwhile HTTP calls that need logic fail fast with 503/9002
 * once the gateway's one breaker for logic is open, and sends get a 9002 {@code error} frame
 * naming their clientMsgId: after the ack timeout while logic is still registered, at once when
 * it is not. A new logic instance brings calls and acks back without a gateway restart.
 */
@ExtendWith(ClusterExtension.class)
class DegradeIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(3);

    @Test
    void breakerOpensSendsGet9002AndEverythingRecoversWithANewLogic(Cluster cluster)
            throws Exception {
        ServiceProcess gateway = cluster.startGateway("gateway-degrade", Map.of(
                "im.gateway.ws.ack-timeout", ACK_TIMEOUT.toSeconds() + "s",
                "im.rpc.breaker-open-wait", "2s",
                "im.rpc.timeout", "1s"));
        ApiClient api = new ApiClient(gateway.http());
        ApiClient.Session alice = Users.signUp(api, "Alice");
        ApiClient.Session bob = Users.signUp(api, "Bob");
        try (gateway; ChatClient a = ChatClient.connect(gateway.http(), alice.token(), "a",
                f -> { })) {
            assertInstanceOf(AckFrame.class, send(a, bob.userId(), WAIT));

            cluster.killLogics();

            // Calls to logic fail as 503/9002, and soon without reaching it: the breaker opened.
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                api.get("/api/users/" + bob.userId(), alice.token());
                return metric(gateway.http(), "parley_rpc_breaker_state", "target=\"logic\"")
                        == 1.0;
            });
            ApiClient.Reply refused = api.get("/api/users/" + bob.userId(), alice.token());
            assertEquals(503, refused.status(), refused.toString());
            assertEquals(9002L, refused.number("code"));
            assertTrue(metric(gateway.http(), "parley_rpc_breaker_transitions_total",
                    "from=\"CLOSED\"", "target=\"logic\"", "to=\"OPEN\"") >= 1.0);

            // A send that Kafka takes but nobody answers: 9002 after the ack timeout.
            ServerFrame late = send(a, bob.userId(), WAIT);
            ErrorFrame timedOut = assertInstanceOf(ErrorFrame.class, late);
            assertEquals(9002, timedOut.code());

            // Once logic's registration has expired, the refusal comes at once.
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
                ServerFrame f = send(a, bob.userId(), WAIT);
                return f instanceof ErrorFrame e && e.code() == 9002
                        && e.message().contains("no logic instance");
            });
            long started = System.nanoTime();
            ErrorFrame atOnce = assertInstanceOf(ErrorFrame.class, send(a, bob.userId(), WAIT));
            assertTrue(atOnce.message().contains("no logic instance"), atOnce.toString());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(ACK_TIMEOUT) < 0,
                    "refused before the ack timeout could have run");

            cluster.startLogic("logic-recovered");
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() ->
                    api.get("/api/users/" + bob.userId(), alice.token()).status() == 200);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() ->
                    send(a, bob.userId(), WAIT) instanceof AckFrame);
            // Successful calls in the half-open state close the breaker again.
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                api.get("/api/users/" + bob.userId(), alice.token());
                return metric(gateway.http(), "parley_rpc_breaker_state", "target=\"logic\"")
                        == 0.0;
            });
        }
    }

    /** Sends one message and returns the frame that answers it: its ack or its error. */
    private static ServerFrame send(ChatClient client, long to, Duration timeout) {
        String id = UUID.randomUUID().toString();
        client.send(new SendFrame(id, to, null, "hello"));
        return client.await(f -> f instanceof AckFrame ack && ack.clientMsgId().equals(id)
                || f instanceof ErrorFrame e && id.equals(e.clientMsgId()), timeout);
    }

    /** One sample of a service's Prometheus endpoint: by name and some of its labels. */
    static double metric(URI service, String name, String... labels) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        service.resolve("/prometheus")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body().lines().filter(l -> l.startsWith(name + "{")
                        && java.util.Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElse(Double.NaN);
    }
}
