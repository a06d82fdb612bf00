package io.parley.logic.inbox;

import io.etcd.jetcd.Client;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.proto.InboxEntry;
import io.parley.contracts.proto.RoomState;
import io.parley.contracts.proto.SyncReply;
import io.parley.logic.account.AccountService;
import io.parley.logic.group.GroupProfile;
import io.parley.logic.group.Groups;
import io.parley.logic.group.JoinPolicy;
import io.parley.logic.group.Membership;
import io.parley.logic.message.MessageService;
import io.parley.logic.message.Send;
import io.parley.platform.config.LiveConfig;
import io.parley.platform.config.LiveOverrides;
import io.parley.platform.config.LiveValue;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.parley.platform.config.LiveOverrides.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Write diffusion on the real MariaDB: every member's inbox gets each message of its direct
 * conversations and small groups under a gapless inbox seq; large groups (threshold 3 here) add
 * no inbox row and show up in the sync answer with their seq and cursor instead.
 */
@MicronautTest(transactional = false)
@Property(name = "im.logic.chat.direct-requires-friendship", value = "false")
@Property(name = "im.logic.group.large-threshold", value = "3")
class InboxIT {
    @Inject
    MessageService messages;
    @Inject
    InboxSync sync;
    @Inject
    AccountService accounts;
    @Inject
    Groups groups;
    @Inject
    Membership membership;
    @Inject
    Diffusion diffusion;
    @Inject
    LiveConfig live;
    @Inject
    Client etcd;

    @Test
    void directAndSmallGroupMessagesLandInEveryMembersInboxWithGaplessSeqs() {
        long a = user();
        long b = user();
        long c = user();
        long group = group(a);
        membership.join(b, group, null);

        messages.persistDirect(a, b, "d-1", "hi b");
        messages.persistGroup(b, group, "g-1", "hi group");
        messages.persistDirect(c, a, "d-2", "hi a");

        SyncReply ofA = sync.after(a, 0, 0);
        assertEquals(List.of(1L, 2L, 3L), seqs(ofA));
        assertEquals(List.of("hi b", "hi group", "hi a"), texts(ofA));
        assertEquals(3, ofA.getInboxSeq());
        assertFalse(ofA.getHasMore());
        assertTrue(ofA.getLargeGroupsList().isEmpty());

        SyncReply ofB = sync.after(b, 0, 0);
        assertEquals(List.of("hi b", "hi group"), texts(ofB));
        assertEquals(List.of(1L, 2L), seqs(ofB), "B's own counter, independent of A's");
        assertEquals(List.of("hi a"), texts(sync.after(c, 0, 0)));

        SyncReply afterTwo = sync.after(a, 2, 0);
        assertEquals(List.of("hi a"), texts(afterTwo), "only what came after the device's seq");
        SyncReply paged = sync.after(a, 0, 2);
        assertEquals(List.of(1L, 2L), seqs(paged));
        assertTrue(paged.getHasMore());
    }

    @Test
    void concurrentSendsIntoSharedInboxesKeepEveryInboxGapless() throws Exception {
        long a = user();
        long b = user();
        long c = user();
        long group = group(a);
        membership.join(b, group, null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                done.add(pool.submit(() -> messages.persistDirect(c, a, "cd-" + n, "d" + n)));
                done.add(pool.submit(() -> messages.persistGroup(b, group, "cg-" + n, "g" + n)));
                done.add(pool.submit(() -> messages.persistDirect(a, b, "ab-" + n, "x" + n)));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> expected = new ArrayList<>();
        for (long s = 1; s <= 60; s++) {
            expected.add(s);
        }
        assertEquals(expected, allSeqs(a), "a: 20 from c, 20 in the group, 20 to b");
        assertEquals(expected.subList(0, 40), allSeqs(b));
    }

    @Test
    void largeGroupsWriteNoInboxRowsAndSyncReportsTheirSeqAndCursor() {
        long owner = user();
        long group = group(owner);
        long[] members = {user(), user(), user()};
        membership.join(members[0], group, null);
        messages.persistGroup(owner, group, "small-1", "while small");
        membership.join(members[1], group, null);
        membership.join(members[2], group, null); // 4 members: now above the threshold of 3

        messages.persistGroup(owner, group, "large-1", "now large");
        messages.persistGroup(members[1], group, "large-2", "still large");

        assertEquals(List.of("while small"), texts(sync.after(members[0], 0, 0)),
                "the switch happens at one seq: before it inbox, from it timeline");
        SyncReply ofMember = sync.after(members[2], 0, 0);
        assertTrue(ofMember.getEntriesList().isEmpty());
        assertEquals(0, ofMember.getInboxSeq());
        RoomState room = ofMember.getLargeGroups(0);
        assertEquals("g_" + group, room.getConversationId());
        assertEquals(3, room.getLastSeq());
        assertEquals(1, room.getReadSeq(), "joined after seq 1: history and unread from there");
        assertEquals(2, room.getUnread());
        RoomState ofSender = sync.after(members[1], 0, 0).getLargeGroups(0);
        assertEquals(3, ofSender.getReadSeq(), "the sender has read its own message");
        assertEquals(0, ofSender.getUnread());
    }

    @Test
    void crossingTheThresholdUnderTrafficSwitchesAtOneSeqLosingNothing() throws Exception {
        long owner = user();
        long early = user();
        long group = group(owner);
        membership.join(early, group, null);
        long[] joiners = {user(), user(), user()};
        long total = burst(owner, early, group, "x", sent -> {
            for (long joiner : joiners) {
                Thread.sleep(150);
                membership.join(joiner, group, null); // 3 members, then 4 and 5: large at 4
            }
        });
        assertSwitchedOnceLosingNothing(early, total, 1);
    }

    /**
     * The same crossing by a live change of {@code im.logic.group.large-threshold} in etcd (3 here,
     * lowered to 2 under traffic); refused values (logged) leave the one in force.
     */
    @Test
    void aLiveThresholdChangeUnderTrafficSwitchesAtOneSeqAndBadValuesAreRefused()
            throws Exception {
        long owner = user();
        long member = user();
        long group = group(owner);
        membership.join(member, group, null);
        membership.join(user(), group, null); // 3 members: small under 3, large under 2
        LiveOverrides etcd = new LiveOverrides(this.etcd, live.prefix());
        String threshold = "im.logic.group.large-threshold";
        try {
            long total = burst(owner, member, group, "lt", sent -> {
                await(() -> sent.get() >= 6, "some messages written by write diffusion");
                etcd.put(threshold, "2");
                await(() -> diffusion.threshold() == 2, "the new threshold applied");
            });
            assertSwitchedOnceLosingNothing(member, total, 6);

            LiveValue<Integer> marker = live.intValue("im.test.marker", 0, 0, 10);
            etcd.put(threshold, "0");
            etcd.put(threshold, "many");
            etcd.put(threshold, "2000000");
            etcd.put("im.test.marker", "1"); // watch events come in revision order
            await(() -> marker.get() == 1, "the marker after the refused values");
            assertEquals(2, diffusion.threshold(), "refused values leave the threshold in force");
        } finally {
            etcd.delete(threshold);
            await(() -> diffusion.threshold() == 3, "back to the configured threshold");
        }
    }

    /** What changes a group's mode while it is busy; told how many messages were sent so far. */
    private interface Change {
        void during(AtomicLong sent) throws Exception;
    }

    /**
     * Four senders (two members taking turns) send into the group until {@code change} is done
     * and each sent five more: a burst that ended before the change (a fast machine) would prove
     * nothing. Returns how many messages were sent.
     */
    private long burst(long one, long two, long group, String tag, Change change) throws Exception {
        int senders = 4;
        int afterChange = 5;
        AtomicBoolean changed = new AtomicBoolean();
        AtomicLong sent = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < senders; t++) {
                long sender = t % 2 == 0 ? one : two;
                int thread = t;
                done.add(pool.submit(() -> {
                    int late = 0;
                    for (int i = 0; late < afterChange && System.nanoTime() < deadline; i++) {
                        boolean wasChanged = changed.get();
                        messages.persistGroup(sender, group, tag + "-" + thread + "-" + i, "m");
                        sent.incrementAndGet();
                        if (wasChanged) {
                            late++;
                        }
                    }
                }));
            }
            change.during(sent);
            changed.set(true);
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return sent.get();
    }

    /** {@code member}'s inbox holds seqs 1..S-1 (at least {@code before}), the timeline all. */
    private void assertSwitchedOnceLosingNothing(long member, long total, int before) {
        List<Long> inInbox = allEntries(member).stream().map(e -> e.getMessage().getSeq()).toList();
        for (int i = 0; i < inInbox.size(); i++) {
            assertEquals(i + 1L, inInbox.get(i), "the inbox: seqs 1..S-1, once each, in order");
        }
        RoomState room = sync.after(member, 0, 1).getLargeGroups(0);
        assertEquals(total, room.getLastSeq(), "every message has its seq in the timeline");
        assertTrue(inInbox.size() >= before && inInbox.size() < total,
                "the group went large during the burst: " + inInbox.size() + " of " + total);
    }

    @Test
    void concurrentBatchesSharingMembersKeepEveryInboxGaplessAndComplete() throws Exception {
        long a = user();
        long b = user();
        long c = user();
        long group = group(a);
        membership.join(b, group, null);
        membership.join(c, group, null); // 3 members: still small (threshold 3)
        int rounds = 15;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // two writers whose batches overlap in members and in conversations, in different
            // orders: one lock order across a batch means neither deadlocks nor loses a row
            Future<?> one = pool.submit(() -> {
                for (int i = 0; i < rounds; i++) {
                    messages.persist(List.of(Send.direct(a, b, "p-" + i, "ab"),
                            Send.group(c, group, "pg-" + i, "g"), Send.direct(c, a, "q-" + i, "ca")));
                }
            });
            Future<?> two = pool.submit(() -> {
                for (int i = 0; i < rounds; i++) {
                    messages.persist(List.of(Send.direct(b, c, "r-" + i, "bc"),
                            Send.direct(b, a, "s-" + i, "ba"), Send.group(a, group, "sg-" + i, "g")));
                }
            });
            one.get(120, TimeUnit.SECONDS);
            two.get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        // a: ab, ca, ba and both group sends; b: ab, bc, ba and both; c: ca, bc and both
        Map<Long, Integer> perRound = Map.of(a, 5, b, 5, c, 4);
        for (long user : new long[] {a, b, c}) {
            List<InboxEntry> all = allEntries(user);
            assertEquals((long) perRound.get(user) * rounds, all.size(), "every message, once");
            for (int i = 0; i < all.size(); i++) {
                assertEquals(i + 1L, all.get(i).getInboxSeq(), "gapless inbox seqs");
            }
            assertEquals(all.size(), all.stream().map(e -> e.getMessage().getConversationId()
                    + "/" + e.getMessage().getSeq()).distinct().count(), "each message once");
        }
    }

    @Test
    void refusesANegativeSeqAndAnOversizedPage() {
        long a = user();
        assertEquals(ErrorCode.VALIDATION_FAILED, assertThrows(ParleyException.class,
                () -> sync.after(a, -1, 0)).error());
        assertEquals(ErrorCode.PAGE_TOO_LARGE, assertThrows(ParleyException.class,
                () -> sync.after(a, 0, 10_000)).error());
    }

    private List<Long> allSeqs(long user) {
        return allEntries(user).stream().map(InboxEntry::getInboxSeq).toList();
    }

    /** The user's whole inbox, page by page. */
    private List<InboxEntry> allEntries(long user) {
        List<InboxEntry> out = new ArrayList<>();
        long after = 0;
        SyncReply page;
        do {
            page = sync.after(user, after, 50);
            out.addAll(page.getEntriesList());
            after = out.isEmpty() ? 0 : out.get(out.size() - 1).getInboxSeq();
        } while (page.getHasMore());
        return out;
    }

    private static List<Long> seqs(SyncReply reply) {
        return reply.getEntriesList().stream().map(InboxEntry::getInboxSeq).toList();
    }

    private static List<String> texts(SyncReply reply) {
        return reply.getEntriesList().stream().map(e -> e.getMessage().getText()).toList();
    }

    private long group(long owner) {
        return groups.create(owner, new GroupProfile("Chat", null, null, JoinPolicy.OPEN))
                .group().id();
    }

    private long user() {
        String phone = "+1" + (1_000_000_000L
                + ThreadLocalRandom.current().nextLong(8_999_999_999L));
        return accounts.register(phone, "U " + UUID.randomUUID().toString().substring(0, 4),
                "password-1").id();
    }
}
