package io.parley.infra.e2e;

import io.parley.contracts.frame.AckFrame;
import io.parley.contracts.frame.MessageFrame;
import io.parley.contracts.frame.SendFrame;
import io.parley.contracts.frame.ServerFrame;
import io.parley.infra.client.ApiClient;
import io.parley.infra.client.ChatClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #12, a group crossing {@code im.logic.group.large-threshold} (500 in the test cluster)
 * both ways while two members keep sending: at 500 members it is written to the members' inboxes
 * and pushed through presence, one more join makes it 501 (read diffusion, the gateways' rooms),
 * and a kick takes it back to 500. Every online member on both gateways gets every message of the
 * others once (by message id), each seq naming one message; within each mode first pushes arrive
 * in seq order (across the switch a push and a room record may cross: docs/architecture.md,
 * "Rooms"). A member who read nothing has every message unread and both mentions — one sent in
 * each mode — counted; receipts count the two readers.
 */
@ExtendWith(ClusterExtension.class)
class GroupThresholdCrossingIT {
    private static final int THRESHOLD = 500;
    private static final int ONLINE = 6;
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Messages sent before the join, between the join and the kick, and after the kick. */
    private static final int STRETCH = 25;

    @Test
    void switchesModeBothWaysUnderTrafficLosingDuplicatingAndReorderingNothing(Cluster cluster)
            throws Exception {
        ApiClient api1 = new ApiClient(cluster.gateway1().http());
        ApiClient api2 = new ApiClient(cluster.gateway2().http());
        List<ApiClient.Session> users = new ArrayList<>();
        for (int i = 0; i < ONLINE; i++) {
            users.add(Users.signUp(i % 2 == 0 ? api1 : api2, "Crosser " + i));
        }
        ApiClient.Session joiner = Users.signUp(api2, "Joiner");
        ApiClient.Session owner = users.get(0);
        String groupId = GroupCalls.create(api1, owner, "Crossing", "open");
        String conv = "g_" + groupId;
        BulkMembers.fill(cluster, Long.parseLong(groupId), users.subList(1, ONLINE), THRESHOLD);
        ApiClient.Session quiet = users.get(ONLINE - 1); // reads nothing, is mentioned twice

        Map<Integer, Queue<ServerFrame>> frames = new ConcurrentHashMap<>();
        List<ChatClient> sockets = new ArrayList<>();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < ONLINE; i++) {
                Queue<ServerFrame> q = new ConcurrentLinkedQueue<>();
                frames.put(i, q);
                sockets.add(ChatClient.connect((i % 2 == 0 ? api1 : api2).base(),
                        users.get(i).token(), "x" + i, q::add));
            }
            // two senders (one per gateway) take turns every 40 ms until told to stop
            AtomicInteger sent = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicBoolean mentionNext = new AtomicBoolean();
            Future<?> traffic = pool.submit(() -> {
                while (!stop.get()) {
                    int n = sent.incrementAndGet();
                    String text = mentionNext.getAndSet(false)
                            ? "hey @" + quiet.userId() + " " + n : "message " + n;
                    sockets.get(1 + n % 2).send(SendFrame.toGroup("c-" + n, conv, text));
                    TimeUnit.MILLISECONDS.sleep(40); // pacing (12.5 sends/s each), not a wait
                }
                return null;
            });
            await().atMost(WAIT).until(() -> sent.get() >= STRETCH);
            GroupCalls.join(api2, joiner, groupId); // 501: large from the next message on
            mentionNext.set(true);
            int atJoin = sent.get();
            await().atMost(WAIT).until(() -> sent.get() >= atJoin + STRETCH);
            ApiClient.Reply kick = api1.delete("/api/groups/" + groupId + "/members/"
                    + joiner.userId(), owner.token());
            assertEquals(204, kick.status(), kick::toString); // 500: small again
            mentionNext.set(true);
            int atKick = sent.get();
            await().atMost(WAIT).until(() -> sent.get() >= atKick + STRETCH);
            stop.set(true);
            traffic.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            int total = sent.get();

            // every send acked: seq -> message id, and who sent it
            Map<Long, String> idOf = new ConcurrentHashMap<>();
            Map<Long, Integer> senderOf = new ConcurrentHashMap<>();
            await().atMost(WAIT).until(() -> {
                for (int s = 1; s <= 2; s++) {
                    for (ServerFrame f : frames.get(s)) {
                        if (f instanceof AckFrame a) {
                            idOf.put(a.seq(), a.messageId());
                            senderOf.put(a.seq(), s);
                        }
                    }
                }
                return idOf.size() == total;
            });
            assertEquals(LongStream.rangeClosed(1, total).boxed().collect(Collectors.toSet()),
                    idOf.keySet(), "one seq per send, gapless");

            // the mode of each seq, from the quiet member's inbox: small-mode messages only
            TreeSet<Long> inInbox = inboxSeqs(api1, quiet, conv);
            long firstLarge = LongStream.rangeClosed(1, total).filter(s -> !inInbox.contains(s))
                    .min().orElseThrow(() -> new AssertionError("never went large"));
            long backToSmall = inInbox.higher(firstLarge) == null ? total + 1
                    : inInbox.higher(firstLarge);
            assertTrue(firstLarge > 1 && backToSmall <= total,
                    "small, then large, then small: " + firstLarge + ".." + backToSmall);
            assertEquals(LongStream.rangeClosed(1, total)
                            .filter(s -> s < firstLarge || s >= backToSmall).boxed()
                            .collect(Collectors.toCollection(TreeSet::new)), inInbox,
                    "one switch each way: the inbox holds exactly the small-mode seqs");

            for (int i = 0; i < ONLINE; i++) {
                int me = i;
                Set<Long> wanted = LongStream.rangeClosed(1, total)
                        .filter(s -> senderOf.get(s) != me).boxed().collect(Collectors.toSet());
                await().atMost(WAIT).until(() -> firstPushes(frames.get(me), conv).keySet()
                        .containsAll(wanted));
                Map<Long, MessageFrame> first = firstPushes(frames.get(me), conv);
                assertEquals(wanted, first.keySet(), "member " + i + ": the others' messages");
                for (ServerFrame f : frames.get(me)) {
                    if (f instanceof MessageFrame m && m.conversationId().equals(conv)) {
                        assertEquals(idOf.get(m.seq()), m.messageId(),
                                "member " + i + ": seq " + m.seq() + " names the stored message");
                    }
                }
                List<Long> arrival = new ArrayList<>(first.keySet());
                assertInOrder(arrival.stream().filter(s -> s >= firstLarge && s < backToSmall)
                        .toList(), "member " + i + ", large stretch");
                assertInOrder(arrival.stream().filter(s -> s < firstLarge || s >= backToSmall)
                        .toList(), "member " + i + ", small stretches");
            }

            // unread and mentions of a member who read nothing, across both modes
            Map<String, Object> row = api2.get("/api/conversations", quiet.token())
                    .list("items").stream().filter(r -> conv.equals(r.get("conversationId")))
                    .findFirst().orElseThrow();
            assertEquals((long) total, ((Number) row.get("unread")).longValue());
            Map<String, Object> badge = api2.get("/api/sync", quiet.token()).list("badges")
                    .stream().filter(b -> conv.equals(b.get("conversationId"))).findFirst()
                    .orElseThrow();
            assertEquals(2, ((Number) badge.get("mentions")).intValue(),
                    "one mention sent large, one small");

            // receipts of the last message: two readers
            for (ApiClient.Session reader : List.of(users.get(3), users.get(4))) {
                ApiClient.Reply read = api1.post("/api/conversations/" + conv + "/read",
                        Map.of("seq", total), reader.token());
                assertEquals(200, read.status(), read::toString);
            }
            ApiClient.Reply readers = api1.get("/api/conversations/" + conv + "/messages/"
                    + total + "/readers", owner.token());
            assertEquals(2, readers.number("readCount"), readers::toString);
            assertEquals(THRESHOLD - 1, readers.number("memberCount"), "all but the sender");
        } finally {
            sockets.forEach(ChatClient::close);
            pool.shutdownNow();
        }
    }

    /** The first push of each seq of the conversation, in arrival order. */
    private static Map<Long, MessageFrame> firstPushes(Queue<ServerFrame> frames, String conv) {
        Map<Long, MessageFrame> first = new LinkedHashMap<>();
        for (ServerFrame f : frames) {
            if (f instanceof MessageFrame m && m.conversationId().equals(conv)) {
                first.putIfAbsent(m.seq(), m);
            }
        }
        return first;
    }

    private static void assertInOrder(List<Long> seqs, String what) {
        for (int i = 1; i < seqs.size(); i++) {
            assertTrue(seqs.get(i) > seqs.get(i - 1), what + ": seq " + seqs.get(i) + " after "
                    + seqs.get(i - 1) + " in " + seqs);
        }
    }

    /** Every seq of {@code conv} in the user's inbox, paging through {@code GET /api/sync}. */
    private static TreeSet<Long> inboxSeqs(ApiClient api, ApiClient.Session user, String conv) {
        TreeSet<Long> seqs = new TreeSet<>();
        long after = 0;
        for (int page = 0; page < 100; page++) {
            ApiClient.Reply sync = api.get("/api/sync?limit=50&afterInboxSeq=" + after,
                    user.token());
            assertEquals(200, sync.status(), sync::toString);
            for (Map<String, Object> item : sync.list("items")) {
                after = ((Number) item.get("inboxSeq")).longValue();
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) item.get("message");
                if (conv.equals(m.get("conversationId"))) {
                    seqs.add(((Number) m.get("seq")).longValue());
                }
            }
            if (!Boolean.TRUE.equals(sync.body().get("hasMore"))) {
                return seqs;
            }
        }
        throw new AssertionError("the inbox did not end within 100 pages");
    }
}
