package io.parley.infra.e2e;

import io.parley.contracts.frame.MessageFrame;
import io.parley.contracts.frame.SendFrame;
import io.parley.contracts.frame.ServerFrame;
import io.parley.contracts.ids.ConversationIds;
import io.parley.infra.client.ApiClient;
import io.parley.infra.client.ChatClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import io.parley.infra.cluster.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Crashes while messages flow: a gateway killed under a recipient, a logic instance killed
 * mid-stream. Every acknowledged message ends up stored once, gapless, and on the recipient's
 * screen once, in order.
 */
@ExtendWith(ClusterExtension.class)
class ReliabilityIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void recipientWhoseGatewayDiesReconnectsElsewhereAndEndsWithEveryMessageOnce(Cluster cluster)
            throws Exception {
        ServiceProcess doomed = cluster.startGateway("gateway-doomed");
        ApiClient api = new ApiClient(cluster.gateway1().http());
        ApiClient.Session alice = Users.signUp(api, "Alice");
        ApiClient.Session bob = Users.signUp(api, "Bob");
        String conversation = ConversationIds.direct(alice.userId(), bob.userId());
        Screen screen = new Screen();
        DirectChatIT.Acks acks = new DirectChatIT.Acks();
        AtomicBoolean streaming = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        try (ChatClient a = ChatClient.connect(cluster.gateway1().http(), alice.token(), "a",
                acks)) {
            ChatClient onDoomed = ChatClient.connect(doomed.http(), bob.token(), "b", screen);
            Thread sender = streamer(a, bob.userId(), streaming, sent);
            sender.start();
            await().atMost(WAIT).until(() -> screen.size() >= 20);
            doomed.kill();
            onDoomed.closed().get(); // the browser sees the connection drop

            try (ChatClient again = ChatClient.connect(cluster.gateway2().http(), bob.token(),
                    "b", screen)) {
                screen.catchUp(new ApiClient(cluster.gateway2().http()), conversation,
                        bob.token());
                Thread.sleep(1500);
                streaming.set(false);
                sender.join();
                await().atMost(WAIT).until(() -> acks.byClientId.size() >= sent.get());
                screen.catchUp(new ApiClient(cluster.gateway2().http()), conversation,
                        bob.token());
                await().atMost(WAIT).until(() -> screen.size() >= sent.get());
            }
        }
        assertEquals(List.of(), acks.errors);
        assertEquals(sent.get(), acks.byClientId.size());
        screen.assertGaplessFrom1To(sent.get());
        assertStoredOnceGapless(conversation, sent.get());
    }

    @Test
    void logicInstanceKilledMidStreamLosesAndDuplicatesNothing(Cluster cluster) throws Exception {
        ServiceProcess victim = cluster.startLogic("logic-victim");
        ApiClient api = new ApiClient(cluster.gateway1().http());
        ApiClient.Session alice = Users.signUp(api, "Alice");
        ApiClient.Session bob = Users.signUp(api, "Bob");
        String conversation = ConversationIds.direct(alice.userId(), bob.userId());
        Screen screen = new Screen();
        DirectChatIT.Acks acks = new DirectChatIT.Acks();
        AtomicBoolean streaming = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        try (ChatClient b = ChatClient.connect(cluster.gateway2().http(), bob.token(), "b",
                screen);
             ChatClient a = ChatClient.connect(cluster.gateway1().http(), alice.token(), "a",
                     acks)) {
            Thread sender = streamer(a, bob.userId(), streaming, sent);
            sender.start();
            Thread.sleep(1500);
            victim.kill(); // no shutdown hooks: whatever it had in hand is unfinished
            Thread.sleep(1500);
            streaming.set(false);
            sender.join();
            await().atMost(WAIT).until(() -> acks.byClientId.size() >= sent.get()
                    && screen.size() >= sent.get());
        }
        assertEquals(List.of(), acks.errors);
        screen.assertGaplessFrom1To(sent.get());
        assertStoredOnceGapless(conversation, sent.get());
    }

    private static Thread streamer(ChatClient from, long to, AtomicBoolean streaming,
                                   AtomicInteger sent) {
        return new Thread(() -> {
            while (streaming.get()) {
                int n = sent.incrementAndGet();
                from.send(new SendFrame("r-" + n, to, "message " + n));
                try {
                    Thread.sleep(15);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private static void assertStoredOnceGapless(String conversation, int expected)
            throws Exception {
        try (Connection db = Cluster.database();
             PreparedStatement q = db.prepareStatement("SELECT COUNT(*), COUNT(DISTINCT seq), "
                     + "MIN(seq), MAX(seq), COUNT(DISTINCT client_msg_id) FROM messages "
                     + "WHERE conversation_id = ?")) {
            q.setString(1, conversation);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                assertEquals(expected, rs.getInt(1), "one row per send");
                assertEquals(expected, rs.getInt(2), "seqs unique");
                assertEquals(1, rs.getInt(3));
                assertEquals(expected, rs.getInt(4), "no seq gap");
                assertEquals(expected, rs.getInt(5), "no send stored twice");
            }
        }
    }

    /** What the recipient's screen shows: one bubble per message id, ordered by seq. */
    static final class Screen implements Consumer<ServerFrame> {
        private final Map<Long, String> bySeq = new TreeMap<>();

        @Override
        public synchronized void accept(ServerFrame frame) {
            if (frame instanceof MessageFrame m) {
                show(m.seq(), m.messageId());
            }
        }

        synchronized void show(long seq, String messageId) {
            String before = bySeq.putIfAbsent(seq, messageId);
            if (before != null && !before.equals(messageId)) {
                throw new AssertionError("two messages with seq " + seq);
            }
        }

        synchronized int size() {
            return bySeq.size();
        }

        synchronized long highestContiguous() {
            long n = 0;
            while (bySeq.containsKey(n + 1)) {
                n++;
            }
            return n;
        }

        /** What a reconnecting client does: fetch everything after what it holds. */
        @SuppressWarnings("unchecked")
        void catchUp(ApiClient api, String conversation, String token) {
            boolean more = true;
            while (more) {
                ApiClient.Reply page = api.get("/api/conversations/" + conversation
                        + "/messages?limit=50&afterSeq=" + highestContiguous(), token);
                assertEquals(200, page.status(), page::toString);
                List<Map<String, Object>> items = (List<Map<String, Object>>) page.body()
                        .get("items");
                items.forEach(m -> show(((Number) m.get("seq")).longValue(),
                        (String) m.get("messageId")));
                more = Boolean.TRUE.equals(page.body().get("hasMore"));
            }
        }

        synchronized void assertGaplessFrom1To(int n) {
            assertEquals(n, bySeq.size(), "every message on screen once");
            assertEquals(n, highestContiguous(), "in order, no gap");
        }
    }
}
