package io.parley.infra.e2e;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.frame.AckFrame;
import io.parley.contracts.frame.ErrorFrame;
import io.parley.contracts.frame.SendFrame;
import io.parley.infra.client.ApiClient;
import io.parley.infra.client.ChatClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import io.parley.infra.cluster.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One user's send budget holds across gateways: two sockets on two gateways share one burst. */
@ExtendWith(ClusterExtension.class)
@Timeout(300)
class SendBudgetIT {
    private static final int BURST = 6;
    private static final double RATE = 0.2;
    private static final int SENDS_PER_SOCKET = 10;

    @Test
    void oneUserOnTwoGatewaysGetsNoMoreThanOneBurstPlusTheRate(Cluster cluster) {
        Map<String, String> strict = Map.of("im.gateway.rate.sends-per-second", "" + RATE,
                "im.gateway.rate.burst", "" + BURST);
        ServiceProcess gwA = cluster.startGateway("gateway-budget-a", strict);
        ServiceProcess gwB = cluster.startGateway("gateway-budget-b", strict);
        ApiClient api = new ApiClient(cluster.gateway1().http());
        ApiClient.Session alice = Users.signUp(api, "Alice");
        ApiClient.Session bob = Users.signUp(api, "Bob");
        Users.befriend(api, alice, bob);
        long started = System.nanoTime();
        int accepted = 0;
        try (ChatClient a = ChatClient.connect(gwA.http(), alice.token(), "a", f -> { });
             ChatClient b = ChatClient.connect(gwB.http(), alice.token(), "b", f -> { })) {
            for (int i = 0; i < SENDS_PER_SOCKET; i++) {
                a.send(new SendFrame("a-" + i, bob.userId(), "hi " + i));
                b.send(new SendFrame("b-" + i, bob.userId(), "hi " + i));
            }
            accepted += accepted(a, "a-") + accepted(b, "b-");
        } finally {
            gwA.close();
            gwB.close();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(accepted >= BURST, "the burst is available: " + accepted);
        assertTrue(accepted <= BURST + Math.ceil(seconds * RATE),
                accepted + " sends accepted in " + seconds + " s over two gateways");
    }

    /**
     * How many of the socket's sends named {@code prefix}N were acked; the others must be refused
     * with 1005. Answers come in any order (a refusal at the edge can overtake an earlier ack).
     */
    private static int accepted(ChatClient client, String prefix) {
        Map<String, Boolean> answers = new HashMap<>();
        client.await(f -> {
            if (f instanceof AckFrame k && k.clientMsgId().startsWith(prefix)) {
                answers.put(k.clientMsgId(), true);
            } else if (f instanceof ErrorFrame e && e.clientMsgId() != null
                    && e.clientMsgId().startsWith(prefix)) {
                assertEquals(ErrorCode.RATE_LIMITED.code(), e.code(), e.toString());
                answers.put(e.clientMsgId(), false);
            }
            return answers.size() == SENDS_PER_SOCKET;
        }, Duration.ofSeconds(60));
        return (int) answers.values().stream().filter(ok -> ok).count();
    }
}
