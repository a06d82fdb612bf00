package io.parley.infra.e2e;

import io.parley.contracts.frame.AckFrame;
import io.parley.contracts.frame.MessageFrame;
import io.parley.contracts.frame.SendFrame;
import io.parley.contracts.frame.ServerFrame;
import io.parley.contracts.ids.ConversationIds;
import io.parley.infra.client.ApiClient;
import io.parley.infra.client.ChatClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Server-to-client acknowledgement: unconfirmed pushes come again, confirmed ones never. */
@ExtendWith(ClusterExtension.class)
class RedeliveryIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aClientThatNeverConfirmsSeesRedeliveryThenFindsTheMessageInHistory(Cluster cluster) {
        ApiClient api = new ApiClient(cluster.gateway2().http());
        ApiClient.Session alice = Users.signUp(api, "Alice");
        ApiClient.Session bob = Users.signUp(api, "Bob");
        List<MessageFrame> seen = new CopyOnWriteArrayList<>();
        try (ChatClient b = ChatClient.connectWithoutConfirming(api.base(), bob.token(), "b1",
                f -> record(f, seen));
             ChatClient a = ChatClient.connect(api.base(), alice.token(), "a1", f -> { })) {
            a.send(new SendFrame("again", bob.userId(), "are you there?"));
            AckFrame ack = (AckFrame) a.await(AckFrame.class::isInstance, WAIT);
            // First push, then 1 s, 2 s and 4 s later: four copies of the same message.
            await().atMost(WAIT).until(() -> seen.size() >= 4);
            assertTrue(seen.stream().allMatch(m -> m.messageId().equals(ack.messageId())));
            sleep(9_000);
            assertEquals(4, seen.size(), "gives up after three redeliveries");
        }
        ApiClient.Reply history = api.get("/api/conversations/"
                + ConversationIds.direct(alice.userId(), bob.userId()) + "/messages?afterSeq=0",
                bob.token());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) history.body().get("items");
        assertEquals(List.of("are you there?"), items.stream().map(m -> m.get("text")).toList());
    }

    @Test
    void aConfirmingClientGetsEachMessageOnce(Cluster cluster) {
        ApiClient api = new ApiClient(cluster.gateway1().http());
        ApiClient.Session alice = Users.signUp(api, "Alice");
        ApiClient.Session bob = Users.signUp(api, "Bob");
        List<MessageFrame> seen = new CopyOnWriteArrayList<>();
        try (ChatClient b = ChatClient.connect(api.base(), bob.token(), "b1",
                f -> record(f, seen));
             ChatClient a = ChatClient.connect(api.base(), alice.token(), "a1", f -> { })) {
            for (int i = 0; i < 10; i++) {
                a.send(new SendFrame("once-" + i, bob.userId(), "m" + i));
            }
            await().atMost(WAIT).until(() -> seen.size() >= 10);
            sleep(3_500);
            assertEquals(10, seen.size(), "nothing pushed twice");
        }
    }

    private static void record(ServerFrame frame, List<MessageFrame> seen) {
        if (frame instanceof MessageFrame m) {
            seen.add(m);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
