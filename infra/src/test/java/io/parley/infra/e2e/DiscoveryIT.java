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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Instances found through etcd: a logic instance started while traffic flows receives calls
 * without any restart of its callers, and stopping it loses nothing.
 */
@ExtendWith(ClusterExtension.class)
class DiscoveryIT {

    @Test
    void newLogicInstanceReceivesCallsAndStoppingItLosesNothing(Cluster cluster) throws Exception {
        ApiClient api1 = new ApiClient(cluster.gateway1().http());
        ApiClient api2 = new ApiClient(cluster.gateway2().http());
        ApiClient.Session alice = Users.signUp(api1, "Alice");
        ApiClient.Session bob = Users.signUp(api2, "Bob");
        DirectChatIT.Inbox inbox = new DirectChatIT.Inbox();
        DirectChatIT.Acks acks = new DirectChatIT.Acks();
        AtomicBoolean streaming = new AtomicBoolean(true);
        int[] sent = {0};
        try (ChatClient b = ChatClient.connect(api2.base(), bob.token(), "b1", inbox);
             ChatClient a = ChatClient.connect(api1.base(), alice.token(), "a1", acks)) {
            Thread sender = new Thread(() -> {
                while (streaming.get()) {
                    a.send(new SendFrame("d-" + sent[0], bob.userId(), "n" + sent[0]));
                    sent[0]++;
                    sleep(20);
                }
            });
            sender.start();

            ServiceProcess logic2 = cluster.startLogic("logic-2");
            // Gateways resolve logic from etcd: calls start reaching the new instance.
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                api1.get("/api/users/" + bob.userId(), alice.token());
                return callsServed(logic2) > 0;
            });
            sleep(1000);
            logic2.close(); // graceful: deregisters, stops consuming, finishes in-flight work
            sleep(1500);
            streaming.set(false);
            Waits.join(sender);

            int total = sent[0];
            await().atMost(Duration.ofSeconds(60)).until(() -> acks.byClientId.size() >= total
                    && inbox.messages.size() >= total);
            assertEquals(List.of(), acks.errors);
            assertEquals(total, acks.byClientId.size(), "every send acknowledged");
            assertEquals(total, inbox.messages.size(), "every message delivered");
            List<Long> seqs = inbox.messages.stream().map(MessageFrame::seq).sorted().toList();
            for (int i = 1; i < seqs.size(); i++) {
                assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "no seq gap");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static long callsServed(ServiceProcess logic) {
        ApiClient.Reply info = new ApiClient(logic.http()).get("/info", null);
        Map<String, Object> grpc = (Map<String, Object>) info.body().get("grpc");
        return grpc == null ? 0 : ((Number) grpc.get("callsServed")).longValue();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
