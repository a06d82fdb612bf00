package io.parley.infra.e2e;

import io.parley.contracts.frame.SendFrame;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
        Screen screen = new Screen(conversation);
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
            onDoomed.closed().get(30, TimeUnit.SECONDS); // the browser sees the connection drop

            try (ChatClient again = ChatClient.connect(cluster.gateway2().http(), bob.token(),
                    "b", screen)) {
                ApiClient api2 = new ApiClient(cluster.gateway2().http());
                screen.catchUp(api2, bob.token());
                Thread.sleep(1500);
                streaming.set(false);
                Waits.join(sender);
                await().atMost(WAIT).until(() -> acks.byClientId.size() >= sent.get());
                // Pushes of the last sends may still be on their way; a hole is paged in.
                await().atMost(WAIT).until(() -> {
                    screen.fillGaps(api2, bob.token());
                    return screen.size() >= sent.get();
                });
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
        Screen screen = new Screen(conversation);
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
            Waits.join(sender);
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
}
