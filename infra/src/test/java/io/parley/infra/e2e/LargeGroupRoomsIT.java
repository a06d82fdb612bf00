package io.parley.infra.e2e;

import io.parley.contracts.frame.AckFrame;
import io.parley.contracts.frame.MessageFrame;
import io.parley.contracts.frame.RecallFrame;
import io.parley.contracts.frame.SendFrame;
import io.parley.contracts.frame.ServerFrame;
import io.parley.infra.client.ApiClient;
import io.parley.infra.client.ChatClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.LongStream;

import static io.parley.infra.e2e.Replies.assertReply;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #12, room fan-out on the real stack with two gateways: a 2,000-member group (above the
 * 500 threshold: read diffusion, one record per message for all gateways) with {@link #ONLINE}
 * members connected across both gateways; 50 messages from four senders. Every online member gets
 * every message once in seq order, a muted member only the one that mentions them, offline members
 * get all 50 by sync and history; a member kicked after message 25 gets nothing after it (no push,
 * no history); a member who joins afterwards sees history from the join on and gets the next
 * message live on a socket opened before the join; a recall reaches every online member.
 */
@ExtendWith(ClusterExtension.class)
class LargeGroupRoomsIT {
    private static final int MEMBERS = 2000;
    private static final int ONLINE = 200;
    private static final int OFFLINE_SIGNED_UP = 4;
    private static final int SENDERS = 4;
    private static final int MESSAGES = 50;
    /** The message (by send number) that mentions the muted member. */
    private static final int MENTION = MESSAGES / 2 + 1;
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** One online member: their socket and every frame it got. */
    private record Member(ApiClient.Session session, ChatClient socket,
                          Queue<ServerFrame> frames) {
        /** Every message frame of the conversation, redeliveries included. */
        List<MessageFrame> pushes(String conv) {
            return frames.stream().filter(f -> f instanceof MessageFrame m
                    && m.conversationId().equals(conv)).map(MessageFrame.class::cast).toList();
        }

        /** One per message id, in arrival order, as clients keep them. */
        List<MessageFrame> messages(String conv) {
            Map<String, MessageFrame> first = new java.util.LinkedHashMap<>();
            pushes(conv).forEach(m -> first.putIfAbsent(m.messageId(), m));
            return List.copyOf(first.values());
        }
    }

    @Test
    void deliversEveryMessageOnceInOrderThroughTheRoomsOfBothGateways(Cluster cluster)
            throws Exception {
        ApiClient api1 = new ApiClient(cluster.gateway1().http());
        ApiClient api2 = new ApiClient(cluster.gateway2().http());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Member> online = new ArrayList<>();
        try {
            List<ApiClient.Session> users = parallel(pool, ONLINE + OFFLINE_SIGNED_UP,
                    i -> Users.signUp(i % 2 == 0 ? api1 : api2, "Member " + i));
            ApiClient.Session owner = users.get(0);
            String groupId = GroupCalls.create(api1, owner, "Stadium", "open");
            String conv = "g_" + groupId;
            BulkMembers.fill(cluster, Long.parseLong(groupId), users.subList(1, users.size()),
                    MEMBERS);

            // connected only now: each socket lists its groups before welcome
            online.addAll(parallel(pool, ONLINE, i -> {
                Queue<ServerFrame> frames = new ConcurrentLinkedQueue<>();
                URI gateway = (i % 2 == 0 ? api1 : api2).base();
                return new Member(users.get(i), ChatClient.connect(gateway,
                        users.get(i).token(), "d" + i, frames::add), frames);
            }));
            Member muted = online.get(ONLINE - 1);
            Member kicked = online.get(ONLINE - 2);
            assertReply200(api2.call("PUT", "/api/conversations/" + conv + "/mute",
                    Map.of("muted", true), muted.session().token()));

            long start = System.nanoTime();
            Map<Long, Member> senderOf = new ConcurrentHashMap<>();
            Map<String, Long> seqOf = new ConcurrentHashMap<>();
            send(online, conv, 1, MESSAGES / 2, muted, senderOf, seqOf);
            ApiClient.Reply kick = api1.delete("/api/groups/" + groupId + "/members/"
                    + kicked.session().userId(), owner.token());
            assertEquals(204, kick.status(), kick::toString);
            send(online, conv, MESSAGES / 2 + 1, MESSAGES, muted, senderOf, seqOf);

            List<Member> listeners = online.stream().filter(m -> m != kicked && m != muted)
                    .toList();
            await().atMost(WAIT).until(() -> listeners.stream().allMatch(m ->
                    m.messages(conv).size() >= expected(senderOf, m)));
            System.out.printf("%d messages to %d sockets over two gateways in %d ms"
                    + " (%d redeliveries)%n", MESSAGES, ONLINE,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                    online.stream().mapToInt(m -> m.pushes(conv).size() - m.messages(conv).size())
                            .sum());
            for (int i = 0; i < listeners.size(); i++) {
                Member m = listeners.get(i);
                List<Long> seqs = m.messages(conv).stream().map(MessageFrame::seq).toList();
                List<Long> wanted = LongStream.rangeClosed(1, MESSAGES)
                        .filter(seq -> senderOf.get(seq) != m).boxed().toList();
                assertEquals(wanted, seqs, "member " + m.session().userId()
                        + ": every message of the others once, in seq order");
                // read diffusion: a room push is written once and never redelivered, however
                // late the client's received (which the gateway ignores for a large group)
                assertEquals(seqs.size(), m.pushes(conv).size(), "member "
                        + m.session().userId() + ": each room push written once");
            }
            assertEquals(List.of(seqOf.get("m-" + MENTION)), muted.messages(conv).stream()
                    .map(MessageFrame::seq).toList(), "muted: only the message naming them");
            assertTrue(kicked.pushes(conv).stream().allMatch(f -> f.seq() <= MESSAGES / 2),
                    "kicked: nothing after the kick");
            assertEquals(MESSAGES / 2, kicked.messages(conv).size(), "kicked: all before it");
            assertReply(api2.get("/api/conversations/" + conv + "/messages?afterSeq=0",
                    kicked.session().token()), 403,
                    io.parley.contracts.error.ErrorCode.NOT_CONVERSATION_MEMBER);

            // offline members: the group's seq and unread by sync, the messages by history
            for (ApiClient.Session off : users.subList(ONLINE, users.size())) {
                ApiClient.Reply sync = api1.get("/api/sync", off.token());
                assertEquals(200, sync.status(), sync::toString);
                Map<String, Object> room = sync.list("largeGroups").stream()
                        .filter(r -> conv.equals(r.get("conversationId"))).findFirst()
                        .orElseThrow();
                assertEquals(MESSAGES, ((Number) room.get("lastSeq")).intValue());
                assertEquals(MESSAGES, ((Number) room.get("unread")).intValue());
                ApiClient.Reply page = api2.get("/api/conversations/" + conv
                        + "/messages?afterSeq=0&limit=" + MESSAGES, off.token());
                assertEquals(LongStream.rangeClosed(1, MESSAGES).boxed().toList(),
                        page.list("items").stream().map(x -> ((Number) x.get("seq"))
                                .longValue()).toList());
            }

            // receipts: two readers reach seq 50; its sender is not counted
            Member reader = listeners.get(SENDERS);
            for (Member r : List.of(reader, listeners.get(SENDERS + 1))) {
                assertReply200(api1.post("/api/conversations/" + conv + "/read",
                        Map.of("seq", MESSAGES), r.session().token()));
            }
            ApiClient.Reply readers = api1.get("/api/conversations/" + conv + "/messages/"
                    + MESSAGES + "/readers", owner.token());
            assertEquals(2, readers.number("readCount"), readers::toString);
            assertEquals(MEMBERS - 2, readers.number("memberCount"), "all but sender and kicked");

            // a late joiner: connected before joining, sees history from the join on
            ApiClient.Session late = Users.signUp(api2, "Late");
            Queue<ServerFrame> lateFrames = new ConcurrentLinkedQueue<>();
            try (ChatClient lateSocket = ChatClient.connect(api2.base(), late.token(), "late",
                    lateFrames::add)) {
                GroupCalls.join(api2, late, groupId);
                ApiClient.Reply before = api2.get("/api/conversations/" + conv
                        + "/messages?afterSeq=0", late.token());
                assertEquals(List.of(), before.list("items"), "no history before the join");
                Map<String, Object> lateRoom = api2.get("/api/sync", late.token())
                        .list("largeGroups").stream()
                        .filter(r -> conv.equals(r.get("conversationId"))).findFirst()
                        .orElseThrow();
                assertEquals(0, ((Number) lateRoom.get("unread")).intValue(),
                        "unread counts from the join on");
                Member first = online.get(0);
                first.socket().send(SendFrame.toGroup("after-join", conv, "welcome, late"));
                AckFrame ack = (AckFrame) first.socket().await(f -> f instanceof AckFrame a
                        && a.clientMsgId().equals("after-join"), WAIT);
                MessageFrame got = (MessageFrame) lateSocket.await(f -> f instanceof MessageFrame,
                        WAIT);
                assertEquals(ack.seq(), got.seq(), "joined live: the next message comes");
                assertEquals(List.of(ack.seq()), api2.get("/api/conversations/" + conv
                        + "/messages?afterSeq=0", late.token()).list("items").stream()
                        .map(x -> ((Number) x.get("seq")).longValue()).toList());

                // recall: every online member (both gateways, the late joiner too) gets it
                ApiClient.Reply recalled = api1.post("/api/conversations/" + conv + "/messages/"
                        + ack.messageId() + "/recall", Map.of(), first.session().token());
                assertEquals(200, recalled.status(), recalled::toString);
                lateSocket.await(f -> f instanceof RecallFrame r
                        && r.messageId().equals(ack.messageId()), WAIT);
                await().atMost(WAIT).until(() -> listeners.stream().allMatch(m -> m.frames()
                        .stream().anyMatch(f -> f instanceof RecallFrame r
                                && r.seq() == ack.seq() && r.conversationId().equals(conv))));
            }
            assertTrue(kicked.frames().stream().noneMatch(f -> f instanceof RecallFrame
                    || f instanceof MessageFrame m && m.seq() > MESSAGES / 2),
                    "kicked: no frame of the group after the kick");
        } finally {
            online.forEach(m -> m.socket().close());
            pool.shutdownNow();
        }
    }

    /**
     * Messages {@code from..to}, round robin over the first senders, acks awaited; records who
     * sent each seq. Senders send concurrently, so seqs follow the order logic persisted them.
     */
    private static void send(List<Member> online, String conv, int from, int to, Member muted,
                             Map<Long, Member> senderOf, Map<String, Long> seqOf) {
        for (int n = from; n <= to; n++) {
            Member sender = online.get(n % SENDERS);
            String text = n == MENTION ? "hey @" + muted.session().userId() : "message " + n;
            sender.socket().send(SendFrame.toGroup("m-" + n, conv, text));
        }
        for (int n = from; n <= to; n++) {
            String id = "m-" + n;
            Member sender = online.get(n % SENDERS);
            AckFrame ack = (AckFrame) sender.socket().await(
                    f -> f instanceof AckFrame a && a.clientMsgId().equals(id), WAIT);
            senderOf.put(ack.seq(), sender);
            seqOf.put(id, ack.seq());
        }
        assertEquals(LongStream.rangeClosed(from, to).boxed().toList(),
                senderOf.keySet().stream().filter(seq -> seq >= from).sorted().toList(),
                "the batch took the next seqs, one each");
    }

    private static long expected(Map<Long, Member> senderOf, Member m) {
        return LongStream.rangeClosed(1, MESSAGES).filter(seq -> senderOf.get(seq) != m).count();
    }

    private static <T> List<T> parallel(ExecutorService pool, int n, Function<Integer, T> task)
            throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            futures.add(pool.submit(() -> task.apply(k)));
        }
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) {
            out.add(f.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        return out;
    }

    private static void assertReply200(ApiClient.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
    }
}
