package io.parley.infra.e2e;

import io.parley.contracts.frame.AckFrame;
import io.parley.contracts.frame.SendFrame;
import io.parley.infra.client.ApiClient;
import io.parley.infra.client.ChatClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import io.parley.infra.cluster.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures how long a crashed logic's conversations go without acks: several senders stream on
 * their own conversations (spread over the partitions), one of two logic instances is killed,
 * and the longest silence between two acks of one conversation is the failover time (session
 * timeout plus rebalance). Prints the figure for docs/operations.md; asserts only that every
 * send was acknowledged in the end.
 */
@ExtendWith(ClusterExtension.class)
class FailoverIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int SENDERS = 6;

    @Test
    void aCrashedLogicsConversationsResumeOnTheOtherInstance(Cluster cluster) throws Exception {
        ServiceProcess victim = cluster.startLogic("logic-victim");
        Thread.sleep(8000); // the group settles with both instances holding partitions
        ApiClient api = new ApiClient(cluster.gateway1().http());
        List<ChatClient> clients = new ArrayList<>();
        List<ConcurrentLinkedQueue<Long>> ackTimes = new ArrayList<>();
        List<Long> recipients = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            ApiClient.Session from = Users.signUp(api, "From" + i);
            recipients.add(Users.signUp(api, "To" + i).userId());
            ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
            ackTimes.add(times);
            clients.add(ChatClient.connect(cluster.gateway1().http(), from.token(), "f" + i,
                    f -> {
                        if (f instanceof AckFrame) {
                            times.add(System.nanoTime());
                        }
                    }));
        }
        int sent = 0;
        long killAt = 0;
        long end = System.nanoTime() + Duration.ofSeconds(25).toNanos();
        for (int round = 0; System.nanoTime() < end; round++) {
            if (round == 30) {
                victim.kill();
                killAt = System.nanoTime();
            }
            for (int i = 0; i < SENDERS; i++) {
                clients.get(i).send(new SendFrame("f-" + i + "-" + round, recipients.get(i),
                        "m" + round));
                sent++;
            }
            Thread.sleep(100);
        }
        int expected = sent;
        await().atMost(WAIT).until(() -> ackTimes.stream().mapToInt(q -> q.size()).sum()
                >= expected);
        clients.forEach(ChatClient::close);

        long worstMs = 0;
        for (ConcurrentLinkedQueue<Long> times : ackTimes) {
            long previous = 0;
            for (long t : times) {
                if (previous != 0 && t > killAt) {
                    worstMs = Math.max(worstMs, (t - previous) / 1_000_000);
                }
                previous = t;
            }
        }
        System.out.printf("FAILOVER: longest silence of a conversation after killing a logic "
                + "instance: %d ms (%d senders, %d sends)%n", worstMs, SENDERS, sent);
        assertTrue(worstMs > 0);
    }
}
