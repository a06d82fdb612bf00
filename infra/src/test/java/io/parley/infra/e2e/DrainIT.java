package io.parley.infra.e2e;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.options.GetOption;
import io.parley.contracts.frame.AckFrame;
import io.parley.contracts.frame.ReconnectFrame;
import io.parley.contracts.frame.SendFrame;
import io.parley.contracts.frame.ServerFrame;
import io.parley.contracts.frame.WelcomeFrame;
import io.parley.contracts.ids.ConversationIds;
import io.parley.infra.client.ApiClient;
import io.parley.infra.client.ChatClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import io.parley.infra.cluster.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gateway drained (SIGTERM) while its clients chat with clients on another gateway: every client
 * is told to {@code reconnect}, moves, catches up by seq and ends with every acknowledged message
 * exactly once in seq order; the gateway left etcd before it told anyone; a client that ignores
 * the frame is closed with 4411 once the grace period is over. The drained gateway is one of its
 * own, so the shared cluster's two gateways stay up for the other suites.
 */
@ExtendWith(ClusterExtension.class)
class DrainIT {
    private static final Duration GRACE = Duration.ofSeconds(8);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int PAIRS = 3;

    @Test
    void clientsMoveWithEveryAckedMessageOnceAndStragglersAreClosedWith4411(Cluster cluster)
            throws Exception {
        ServiceProcess draining = cluster.startGateway("drain-gw", Map.of(
                "im.gateway.drain.grace-period", GRACE.toSeconds() + "s",
                "im.gateway.drain.reconnect-spread", "500ms"));
        ApiClient here = new ApiClient(draining.http());
        ApiClient other = new ApiClient(cluster.gateway2().http());
        List<Side> movers = new ArrayList<>();
        List<Side> stayers = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            ApiClient.Session a = Users.signUp(here, "Mover" + i);
            ApiClient.Session b = Users.signUp(other, "Peer" + i);
            String conversation = ConversationIds.direct(a.userId(), b.userId());
            movers.add(new Side(here, a, b.userId(), conversation));
            stayers.add(new Side(other, b, a.userId(), conversation));
        }
        ApiClient.Session carol = Users.signUp(here, "Stubborn");
        AtomicReference<ReconnectFrame> carolTold = new AtomicReference<>();
        ChatClient stubborn = ChatClient.connect(here.base(), carol.token(), "c", f -> {
            if (f instanceof ReconnectFrame r) {
                carolTold.set(r);
            }
        });
        String drainedId = draining.name();
        try (Client etcd = Client.builder().endpoints("http://127.0.0.1:2379").build()) {
            ByteSequence gateways = ByteSequence.from("/" + cluster.namespace()
                    + "/services/gateway/", StandardCharsets.UTF_8);
            assertTrue(registered(etcd, gateways).stream().anyMatch(k -> k.contains(drainedId)));
            List<Side> all = new ArrayList<>(movers);
            all.addAll(stayers);
            for (Side s : all) {
                s.connect(s.api.base());
            }
            AtomicBoolean chatting = new AtomicBoolean(true);
            List<Thread> senders = all.stream().map(s -> s.sender(chatting)).toList();
            senders.forEach(Thread::start);
            // Chat is flowing (each conversation exists) before the drain starts.
            await().atMost(WAIT).until(() -> all.stream().allMatch(s -> s.acks.size() >= 2));

            long drainStart = System.nanoTime();
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(draining::close);
            for (Side m : movers) {
                ReconnectFrame told = m.told.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertNotNull(told.url(), "a live gateway is suggested");
                assertNotEquals(null, told.gatewayId());
                assertTrue(!told.gatewayId().contains(drainedId), told::toString);
                // The frame is sent after the lease is revoked: etcd no longer has the gateway.
                assertTrue(registered(etcd, gateways).stream().noneMatch(k -> k.contains(drainedId)),
                        "the drained gateway left etcd before telling clients");
            }
            assertEquals(503, here.get("/ws", null).status(), "no new socket while draining");
            CompletableFuture.allOf(movers.stream().map(m -> CompletableFuture.runAsync(() ->
                    m.move(URI.create(m.told.join().url().replaceFirst("^ws", "http")
                            .replaceFirst("/ws$", ""))))).toArray(CompletableFuture[]::new))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            Thread.sleep(1_500);
            chatting.set(false);
            for (Thread t : senders) {
                Waits.join(t);
            }

            assertNotNull(carolTold.get(), "the stubborn client was told too");
            int closeCode = stubborn.closed().get(GRACE.toSeconds() + 20, TimeUnit.SECONDS);
            long closedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - drainStart);
            assertEquals(4411, closeCode, "closed as drained");
            assertTrue(closedAfterMs >= GRACE.toMillis() - 1_000,
                    "closed only after the grace period: " + closedAfterMs + " ms");
            stopped.get(30, TimeUnit.SECONDS);

            for (Side m : movers) {
                assertNotEquals(draining.name(), m.welcomedOn.get());
                assertTrue(!m.welcomedOn.get().contains(drainedId), m.welcomedOn::get);
            }
            for (Side s : all) {
                s.resendUnacked();
            }
            for (int i = 0; i < PAIRS; i++) {
                Side m = movers.get(i);
                Side s = stayers.get(i);
                await().atMost(WAIT).until(() -> m.unacked().isEmpty() && s.unacked().isEmpty());
                Set<String> acked = new HashSet<>(m.ackedIds());
                acked.addAll(s.ackedIds());
                for (Side side : List.of(m, s)) {
                    side.screen.catchUp(side.current, side.session.token());
                    side.screen.assertGaplessFrom1To(acked.size());
                    assertEquals(acked, side.screen.messageIds(), "exactly the acked messages");
                }
            }
        } finally {
            stubborn.close();
            movers.forEach(Side::close);
            stayers.forEach(Side::close);
        }
    }

    private static List<String> registered(Client etcd, ByteSequence prefix) throws Exception {
        return etcd.getKVClient().get(prefix, GetOption.builder().isPrefix(true).build())
                .get(10, TimeUnit.SECONDS).getKvs().stream()
                .map(kv -> kv.getKey().toString(StandardCharsets.UTF_8)).toList();
    }

    /**
     * One chatting user as the web client behaves: sends every 100 ms, resends what is not acked
     * after a move (same clientMsgId), and on {@code reconnect} opens the suggested gateway and
     * catches up by seq.
     */
    private static final class Side implements Consumer<ServerFrame> {
        final ApiClient api;
        final ApiClient.Session session;
        final long peer;
        final Screen screen;
        final CompletableFuture<ReconnectFrame> told = new CompletableFuture<>();
        final AtomicReference<String> welcomedOn = new AtomicReference<>();
        private final Map<String, SendFrame> sent = new ConcurrentHashMap<>();
        private final Map<String, AckFrame> acks = new ConcurrentHashMap<>();
        private final AtomicReference<ChatClient> client = new AtomicReference<>();
        private volatile ApiClient current;

        Side(ApiClient api, ApiClient.Session session, long peer, String conversation) {
            this.api = api;
            this.session = session;
            this.peer = peer;
            this.screen = new Screen(conversation);
        }

        @Override
        public void accept(ServerFrame frame) {
            screen.accept(frame);
            if (frame instanceof ReconnectFrame r) {
                told.complete(r);
            } else if (frame instanceof WelcomeFrame w) {
                welcomedOn.set(w.gatewayId());
            } else if (frame instanceof AckFrame a) {
                acks.put(a.clientMsgId(), a);
                screen.show(a.seq(), a.messageId());
            }
        }

        void connect(URI gateway) {
            current = new ApiClient(gateway);
            client.set(ChatClient.connect(gateway, session.token(), "d", this));
        }

        void move(URI gateway) {
            ChatClient old = client.getAndSet(null);
            old.close();
            connect(gateway);
            screen.catchUp(current, session.token());
        }

        Thread sender(AtomicBoolean chatting) {
            return new Thread(() -> {
                for (int n = 0; chatting.get(); n++) {
                    SendFrame frame = new SendFrame(session.userId() + "-" + n, peer, "m" + n);
                    sent.put(frame.clientMsgId(), frame);
                    ChatClient c = client.get();
                    try {
                        if (c != null) {
                            c.send(frame);
                        }
                    } catch (IllegalStateException closedMeanwhile) {
                        // resent after the move, as the web client resends its pending sends
                    }
                    pause(100);
                }
            }, "drain-sender-" + session.userId());
        }

        Set<String> unacked() {
            Set<String> missing = new HashSet<>(sent.keySet());
            missing.removeAll(acks.keySet());
            return missing;
        }

        void resendUnacked() {
            unacked().forEach(id -> client.get().send(sent.get(id)));
        }

        Set<String> ackedIds() {
            Set<String> ids = new HashSet<>();
            acks.values().forEach(a -> ids.add(a.messageId()));
            return ids;
        }

        void close() {
            ChatClient c = client.get();
            if (c != null) {
                c.close();
            }
        }

        private static void pause(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
