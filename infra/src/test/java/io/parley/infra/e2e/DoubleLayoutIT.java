package io.parley.infra.e2e;

import io.parley.contracts.frame.MessageFrame;
import io.parley.contracts.frame.SendFrame;
import io.parley.infra.client.ApiClient;
import io.parley.infra.client.ChatClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import io.parley.infra.cluster.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layout of {@code up.sh --double}: two instances of every service. Clients find their
 * gateway through {@code GET /api/gateway}, chat in both directions across gateways, and every
 * message arrives once while both logic and both session instances serve calls.
 */
@ExtendWith(ClusterExtension.class)
class DoubleLayoutIT {
    private static final int PAIRS = 3;
    private static final int MESSAGES = 15;

    @Test
    void chatOverTwoInstancesOfEveryService(Cluster cluster) throws Exception {
        ServiceProcess logic2 = cluster.startLogic("logic-2");
        ServiceProcess session2 = cluster.startInstance("session", "session-2");
        cluster.startInstance("job", "job-2");
        Set<Integer> gatewayPorts = Set.of(cluster.gateway1().http().getPort(),
                cluster.gateway2().http().getPort());

        ApiClient api = new ApiClient(cluster.gateway1().http());
        List<ChatClient> sockets = new ArrayList<>();
        List<DirectChatIT.Inbox> inboxes = new ArrayList<>();
        List<DirectChatIT.Acks> acks = new ArrayList<>();
        List<ApiClient.Session> users = new ArrayList<>();
        try {
            for (int i = 0; i < PAIRS * 2; i++) {
                ApiClient.Session user = Users.signUp(api, "Double" + i);
                URI ws = chosenGateway(api, user, gatewayPorts);
                assertTrue(gatewayPorts.contains(ws.getPort()), "a live gateway: " + ws);
                URI http = URI.create("http://" + ws.getHost() + ":" + ws.getPort());
                DirectChatIT.Inbox inbox = new DirectChatIT.Inbox();
                DirectChatIT.Acks ack = new DirectChatIT.Acks();
                users.add(user);
                inboxes.add(inbox);
                acks.add(ack);
                sockets.add(ChatClient.connect(http, user.token(), "d" + i, frame -> {
                    inbox.accept(frame);
                    ack.accept(frame);
                }));
            }
            for (int m = 0; m < MESSAGES; m++) {
                for (int p = 0; p < PAIRS; p++) {
                    int a = 2 * p;
                    int b = a + 1;
                    sockets.get(a).send(new SendFrame("a" + p + "-" + m, users.get(b).userId(), "hi " + m));
                    sockets.get(b).send(new SendFrame("b" + p + "-" + m, users.get(a).userId(), "yo " + m));
                }
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> inboxes.stream()
                    .allMatch(i -> i.messages.size() >= MESSAGES)
                    && acks.stream().allMatch(a -> a.byClientId.size() >= MESSAGES));
            for (int i = 0; i < users.size(); i++) {
                assertEquals(List.of(), acks.get(i).errors, "no error frames");
                assertEquals(MESSAGES, acks.get(i).byClientId.size(), "every send acked once");
                assertEquals(MESSAGES, inboxes.get(i).messages.size(), "every message delivered");
                assertEquals(List.of(), inboxes.get(i).duplicates, "no duplicate delivery");
                List<Long> seqs = inboxes.get(i).messages.stream().map(MessageFrame::seq).sorted().toList();
                assertEquals(MESSAGES, seqs.stream().distinct().count());
            }
            // Both instances of each gRPC service were chosen by their callers.
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                api.get("/api/me", users.get(0).token());
                return callsServed(cluster.logic()) > 0 && callsServed(logic2) > 0
                        && callsServed(session2) > 0;
            });
        } finally {
            sockets.forEach(ChatClient::close);
        }
    }

    @SuppressWarnings("unchecked")
    private static long callsServed(ServiceProcess service) {
        ApiClient.Reply info = new ApiClient(service.http()).get("/info", null);
        Map<String, Object> grpc = (Map<String, Object>) info.body().get("grpc");
        return grpc == null ? 0 : ((Number) grpc.get("callsServed")).longValue();
    }

    /**
     * The gateway {@code GET /api/gateway} names. Other tests on the shared cluster start and
     * stop gateways of their own; one that was killed stays registered until its etcd lease runs
     * out ({@code im.etcd.lease-ttl}, 10 s), so ask again for a while if it names one of those.
     */
    private static URI chosenGateway(ApiClient api, ApiClient.Session user, Set<Integer> ports)
            throws Exception {
        URI ws = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            ApiClient.Reply chosen = api.get("/api/gateway", user.token());
            assertEquals(200, chosen.status(), String.valueOf(chosen.body()));
            ws = URI.create(chosen.text("url"));
            if (ports.contains(ws.getPort())) {
                return ws;
            }
            Thread.sleep(500);
        }
        return ws;
    }
}
