package io.parley.infra.e2e;

import io.parley.contracts.frame.SendFrame;
import io.parley.contracts.ids.ConversationIds;
import io.parley.infra.client.ApiClient;
import io.parley.infra.client.ChatClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The reconnect procedure of docs/protocol.md ("Catching up after being offline") against the
 * real system: a live push that arrives between {@code welcome} and the catch-up must not make
 * the client skip what was stored while it was away; a device holding nothing starts at seq 1.
 */
@ExtendWith(ClusterExtension.class)
class CatchUpIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void holdsOneToTenMissesElevenToFifteenGetsSixteenLiveAndEndsWithOneToSixteenOnce(
            Cluster cluster) {
        ApiClient api1 = new ApiClient(cluster.gateway1().http());
        ApiClient api2 = new ApiClient(cluster.gateway2().http());
        ApiClient.Session alice = Users.signUp(api1, "Alice");
        ApiClient.Session bob = Users.signUp(api2, "Bob");
        String conversation = ConversationIds.direct(alice.userId(), bob.userId());
        Screen screen = new Screen(conversation);
        DirectChatIT.Acks acks = new DirectChatIT.Acks();
        try (ChatClient a = ChatClient.connect(api1.base(), alice.token(), "a", acks)) {
            try (ChatClient b = ChatClient.connect(api2.base(), bob.token(), "b", screen)) {
                send(a, bob.userId(), 1, 10);
                await().atMost(WAIT).until(() -> screen.size() >= 10);
            }
            send(a, bob.userId(), 11, 15); // stored while Bob is away
            await().atMost(WAIT).until(() -> acks.byClientId.size() >= 15);

            try (ChatClient b = ChatClient.connect(api2.base(), bob.token(), "b", screen)) {
                assertEquals(10, screen.heldAtWelcome(), "held without a hole at welcome");
                send(a, bob.userId(), 16, 16); // pushed live before the catch-up starts
                await().atMost(WAIT).until(() -> screen.seqs().contains(16L));
                assertFalse(screen.seqs().contains(11L), "11..15 are only in history");
                screen.catchUp(api2, bob.token());
            }
        }
        assertEquals(List.of(), acks.errors);
        assertEquals(LongStream.rangeClosed(1, 16).boxed().toList(), screen.seqs());
        screen.assertGaplessFrom1To(16);
    }

    @Test
    void aHoleRevealedByALivePushIsPagedIn(Cluster cluster) {
        ApiClient api1 = new ApiClient(cluster.gateway1().http());
        ApiClient.Session alice = Users.signUp(api1, "Alice");
        ApiClient.Session bob = Users.signUp(api1, "Bob");
        String conversation = ConversationIds.direct(alice.userId(), bob.userId());
        Screen screen = new Screen(conversation);
        DirectChatIT.Acks acks = new DirectChatIT.Acks();
        try (ChatClient a = ChatClient.connect(api1.base(), alice.token(), "a", acks)) {
            send(a, bob.userId(), 1, 5);
            await().atMost(WAIT).until(() -> acks.byClientId.size() >= 5);
            try (ChatClient b = ChatClient.connect(api1.base(), bob.token(), "b", screen)) {
                send(a, bob.userId(), 6, 6);
                await().atMost(WAIT).until(() -> screen.seqs().contains(6L));
                assertEquals(List.of(6L), screen.seqs());
                screen.fillGaps(api1, bob.token()); // holds 6 only: 1..5 is a hole
            }
        }
        screen.assertGaplessFrom1To(6);
    }

    @Test
    void afterSeqZeroStartsAtSeqOne(Cluster cluster) {
        ApiClient api1 = new ApiClient(cluster.gateway1().http());
        ApiClient.Session alice = Users.signUp(api1, "Alice");
        ApiClient.Session bob = Users.signUp(api1, "Bob");
        DirectChatIT.Acks acks = new DirectChatIT.Acks();
        try (ChatClient a = ChatClient.connect(api1.base(), alice.token(), "a", acks)) {
            send(a, bob.userId(), 1, 8);
            await().atMost(WAIT).until(() -> acks.byClientId.size() >= 8);
        }
        String path = "/api/conversations/" + ConversationIds.direct(alice.userId(), bob.userId())
                + "/messages?limit=3&afterSeq=0";
        ApiClient.Reply page = api1.get(path, bob.token());
        assertEquals(200, page.status(), page::toString);
        assertEquals(List.of(1L, 2L, 3L), page.list("items").stream()
                .map(m -> ((Number) m.get("seq")).longValue()).toList());
        assertEquals(Boolean.TRUE, page.body().get("hasMore"));
    }

    private static void send(ChatClient from, long to, int first, int last) {
        for (int i = first; i <= last; i++) {
            from.send(new SendFrame("c-" + i, to, "message " + i));
        }
    }
}
