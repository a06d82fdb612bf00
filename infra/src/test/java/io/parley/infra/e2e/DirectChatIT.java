package io.parley.infra.e2e;

import io.parley.contracts.frame.AckFrame;
import io.parley.contracts.frame.ErrorFrame;
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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** 1:1 chat through the real system: two gateways, logic, session, Kafka, MariaDB. */
@ExtendWith(ClusterExtension.class)
class DirectChatIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void deliversEveryMessageOnceInSeqOrderAcrossTwoGatewaysAfterPersisting(Cluster cluster)
            throws Exception {
        ApiClient api1 = new ApiClient(cluster.gateway1().http());
        ApiClient api2 = new ApiClient(cluster.gateway2().http());
        ApiClient.Session alice = Users.signUp(api1, "Alice");
        ApiClient.Session bob = Users.signUp(api2, "Bob");

        List<MessageFrame> received = new CopyOnWriteArrayList<>();
        List<String> notYetPersisted = new CopyOnWriteArrayList<>();
        Acks acks = new Acks();
        try (Connection db = Cluster.database();
             ChatClient b = ChatClient.connect(api2.base(), bob.token(), "b1", frame -> {
                 if (frame instanceof MessageFrame m) {
                     // Checked as the frame arrives: the row must already be committed.
                     if (!persisted(db, m.messageId())) {
                         notYetPersisted.add(m.messageId());
                     }
                     received.add(m);
                 }
             });
             ChatClient a = ChatClient.connect(api1.base(), alice.token(), "a1", acks)) {
            for (int i = 0; i < 200; i++) {
                a.send(new SendFrame("m-" + i, bob.userId(), "hello " + i));
            }
            await().atMost(WAIT).until(() -> received.size() >= 200 && acks.byClientId.size() >= 200);
            Thread.sleep(500); // would a duplicate still arrive?

            assertEquals(List.of(), acks.errors);
            assertEquals(List.of(), acks.duplicates, "one ack per send");
            assertEquals(List.of(), notYetPersisted);
            assertEquals(200, received.size(), "every message exactly once");
            long firstSeq = received.get(0).seq();
            for (int i = 0; i < 200; i++) {
                MessageFrame m = received.get(i);
                assertEquals(firstSeq + i, m.seq(), "gapless seq order");
                assertEquals("hello " + i, m.text());
                AckFrame ack = acks.byClientId.get(m.clientMsgId());
                assertEquals(m.messageId(), ack.messageId(), "ack carries the id B saw");
                assertEquals(m.seq(), ack.seq(), "ack carries the seq B saw");
                assertEquals(ConversationIds.direct(alice.userId(), bob.userId()),
                        m.conversationId());
            }
        }
    }

    @Test
    void chatsBothWaysAtOnceAndEveryTabOfAUserReceives(Cluster cluster) throws Exception {
        ApiClient api1 = new ApiClient(cluster.gateway1().http());
        ApiClient api2 = new ApiClient(cluster.gateway2().http());
        ApiClient.Session alice = Users.signUp(api1, "Alice");
        ApiClient.Session bob = Users.signUp(api2, "Bob");
        Inbox aliceTab = new Inbox();
        Inbox bobTab1 = new Inbox();
        Inbox bobTab2 = new Inbox();
        try (ChatClient a = ChatClient.connect(api1.base(), alice.token(), "a1", aliceTab);
             ChatClient b1 = ChatClient.connect(api2.base(), bob.token(), "b1", bobTab1);
             ChatClient b2 = ChatClient.connect(api1.base(), bob.token(), "b2", bobTab2)) {
            Thread aliceSends = new Thread(() -> sendMany(a, "a", bob.userId(), 50));
            Thread bobSends = new Thread(() -> sendMany(b1, "b", alice.userId(), 50));
            aliceSends.start();
            bobSends.start();
            Waits.join(aliceSends);
            Waits.join(bobSends);

            await().atMost(WAIT).until(() -> aliceTab.fromPeer(bob.userId()).size() >= 50
                    && bobTab1.fromPeer(alice.userId()).size() >= 50
                    && bobTab2.messages.size() >= 100);
            Thread.sleep(500); // would a duplicate still arrive?
            for (Inbox inbox : List.of(aliceTab, bobTab1, bobTab2)) {
                assertEquals(List.of(), inbox.duplicates, "no message twice");
            }
            assertEquals(50, aliceTab.fromPeer(bob.userId()).size());
            assertEquals(50, bobTab1.fromPeer(alice.userId()).size());
            // The second tab sees the conversation whole: Alice's messages and Bob's own.
            assertEquals(100, bobTab2.messages.size());
            List<Long> seqs = bobTab2.messages.stream().map(MessageFrame::seq).toList();
            for (int i = 1; i < seqs.size(); i++) {
                assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "one gapless order for both senders");
            }
        }
    }

    /**
     * A sender that never saw its ack resends with the same client id (the web client's outbox
     * after a reconnect): logic de-duplicates it and answers with the original ack, and pushes it
     * again (the first push may have been lost with a crashed process); a recipient socket that
     * confirmed it is not sent it a second time, and none of it is stored twice.
     */
    @Test
    void aRetriedSendIsAckedAgainButNotWrittenAgainToASocketThatConfirmedIt(Cluster cluster)
            throws Exception {
        ApiClient api1 = new ApiClient(cluster.gateway1().http());
        ApiClient api2 = new ApiClient(cluster.gateway2().http());
        ApiClient.Session alice = Users.signUp(api1, "Alice");
        ApiClient.Session bob = Users.signUp(api2, "Bob");
        Inbox bobTab = new Inbox();
        Acks acks = new Acks();
        try (ChatClient b = ChatClient.connect(api2.base(), bob.token(), "b1", bobTab);
             ChatClient a = ChatClient.connect(api1.base(), alice.token(), "a1", acks)) {
            a.send(new SendFrame("retry-1", bob.userId(), "once"));
            await().atMost(WAIT).until(() -> bobTab.messages.size() == 1
                    && acks.byClientId.containsKey("retry-1"));
            AckFrame first = acks.byClientId.get("retry-1");
            Thread.sleep(300); // Bob's received frame reaches his gateway
            a.send(new SendFrame("retry-1", bob.userId(), "once"));
            await().atMost(WAIT).until(() -> acks.duplicates.size() == 1);
            Thread.sleep(1_500); // a second push, or a redelivery, would arrive by now
            AckFrame again = acks.byClientId.get("retry-1");
            assertEquals(first.messageId(), again.messageId(), "the retry's ack names the stored message");
            assertEquals(first.seq(), again.seq());
            assertEquals(1, bobTab.messages.size(), "written once to Bob's socket");
            assertEquals(List.of(), bobTab.duplicates);
        }
    }

    private static void sendMany(ChatClient client, String prefix, long to, int count) {
        for (int i = 0; i < count; i++) {
            client.send(new SendFrame(prefix + "-" + i, to, prefix + " says " + i));
        }
    }

    static boolean persisted(Connection db, String messageId) {
        try (PreparedStatement q = db.prepareStatement("SELECT 1 FROM messages WHERE id = ?")) {
            q.setLong(1, Long.parseLong(messageId));
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects the acks and errors a sender receives. */
    static final class Acks implements Consumer<ServerFrame> {
        final Map<String, AckFrame> byClientId = new ConcurrentHashMap<>();
        final List<ErrorFrame> errors = new CopyOnWriteArrayList<>();
        final List<String> duplicates = new CopyOnWriteArrayList<>();

        @Override
        public void accept(ServerFrame frame) {
            if (frame instanceof AckFrame ack) {
                if (byClientId.put(ack.clientMsgId(), ack) != null) {
                    duplicates.add(ack.clientMsgId());
                }
            } else if (frame instanceof ErrorFrame error) {
                errors.add(error);
            }
        }
    }

    /** Collects messages, in arrival order. */
    static final class Inbox implements Consumer<ServerFrame> {
        final List<MessageFrame> messages = new CopyOnWriteArrayList<>();
        final Set<String> ids = ConcurrentHashMap.newKeySet();
        final List<String> duplicates = new CopyOnWriteArrayList<>();

        @Override
        public void accept(ServerFrame frame) {
            if (frame instanceof MessageFrame m) {
                if (ids.add(m.messageId())) {
                    messages.add(m);
                } else {
                    duplicates.add(m.messageId());
                }
            }
        }

        List<MessageFrame> fromPeer(long peer) {
            List<MessageFrame> out = new ArrayList<>();
            messages.forEach(m -> {
                if (m.from() == peer) {
                    out.add(m);
                }
            });
            return out;
        }
    }
}
