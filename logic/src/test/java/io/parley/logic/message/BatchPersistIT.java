package io.parley.logic.message;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.ids.ConversationIds;
import io.parley.logic.account.AccountService;
import io.parley.logic.account.User;
import io.parley.logic.friend.GraphRows;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch of sends on the real MariaDB: mixed conversations get gapless seqs in order, in-batch
 * copies and later retries are acked with the stored message, a reused key is refused with 5005,
 * refusals do not stop the rest of the batch.
 */
@MicronautTest(transactional = false)
@Property(name = "im.logic.chat.direct-requires-friendship", value = "false")
// a batch's seq and cursor updates split every 2 rows, so every test here runs the split path
@Property(name = "im.logic.conversation.rows-per-update", value = "2")
class BatchPersistIT {
    @Inject
    MessageService messages;
    @Inject
    AccountService accounts;
    @Inject
    MessageRepository repository;
    @Inject
    io.parley.logic.conversation.ReadCursor reads;
    @Inject
    GraphRows rows;

    @Test
    void aBatchOfMixedConversationsGetsGaplessSeqsInOrder() {
        User a = newUser();
        User b = newUser();
        User c = newUser();
        List<Outcome> out = messages.persist(List.of(
                Send.direct(a.id(), b.id(), "m1", "ab 1"),
                Send.direct(a.id(), c.id(), "m2", "ac 1"),
                Send.direct(b.id(), a.id(), "m3", "ab 2"),
                Send.direct(a.id(), b.id(), "m4", "ab 3"),
                Send.direct(c.id(), a.id(), "m5", "ac 2")));
        assertEquals(List.of(1L, 1L, 2L, 3L, 2L), out.stream()
                .map(o -> o.persisted().message().seq()).toList());
        assertTrue(out.stream().noneMatch(o -> o.persisted().duplicate()));
        assertEquals(3, repository.countBySenderId(a.id()));
        assertEquals(4, messages.persistDirect(b.id(), a.id(), "m6", "ab 4").message().seq());
    }

    @Test
    void copiesAndRetriesAreAckedWithTheStoredMessageAndAReusedKeyIs5005() {
        User a = newUser();
        User b = newUser();
        User c = newUser();
        Persisted earlier = messages.persistDirect(a.id(), b.id(), "old", "hello");
        List<Outcome> out = messages.persist(List.of(
                Send.direct(a.id(), b.id(), "new", "one"),
                Send.direct(a.id(), b.id(), "old", "hello"),       // retry of an earlier batch
                Send.direct(a.id(), b.id(), "new", "one"),         // copy within the batch
                Send.direct(a.id(), c.id(), "old", "hello"),       // key reused: other recipient
                Send.direct(a.id(), b.id(), "new", "other text"),  // key reused: other text
                Send.direct(a.id(), b.id(), "after", "two")));
        Outcome first = out.get(0);
        assertFalse(first.persisted().duplicate());
        assertEquals(2, first.persisted().message().seq());
        assertTrue(out.get(1).persisted().duplicate());
        assertEquals(earlier.message().id(), out.get(1).persisted().message().id());
        assertTrue(out.get(2).persisted().duplicate());
        assertEquals(first.persisted().message().id(), out.get(2).persisted().message().id());
        assertEquals(ErrorCode.CLIENT_MSG_ID_REUSED, out.get(3).refusal().error());
        assertEquals(ErrorCode.CLIENT_MSG_ID_REUSED, out.get(4).refusal().error());
        assertEquals(3, out.get(5).persisted().message().seq(), "gapless after the refused row");
        assertEquals(3, repository.countBySenderId(a.id()), "no duplicate rows");
    }

    @Test
    void refusedSendsDoNotStopTheRestOfTheBatch() {
        User a = newUser();
        User b = newUser();
        List<Outcome> out = messages.persist(List.of(
                Send.direct(a.id(), 999_999_999L, "x1", "nobody"),
                Send.direct(a.id(), a.id(), "x2", "me"),
                Send.direct(a.id(), b.id(), "x3", "fine"),
                Send.group(a.id(), 4242L, "x4", "no group")));
        assertEquals(ErrorCode.RECIPIENT_NOT_FOUND, out.get(0).refusal().error());
        assertEquals(ErrorCode.SEND_TO_SELF, out.get(1).refusal().error());
        assertNull(out.get(2).refusal());
        assertEquals(1, out.get(2).persisted().message().seq());
        assertEquals(ErrorCode.GROUP_NOT_FOUND, out.get(3).refusal().error());
        assertEquals(1, repository.countBySenderId(a.id()));
    }

    /**
     * A user marks the conversation read while sending into it, and the peer sends too: the read
     * mark (member row) and the batches (conversation seq, then the senders' cursors) take their
     * locks in one order, so neither side deadlocks; the cursor never passes the last seq.
     */
    @Test
    void markingReadWhileSendingNeverDeadlocks() throws Exception {
        User a = newUser();
        User b = newUser();
        String conv = messages.persistDirect(a.id(), b.id(), "r-0", "first").message()
                .conversationId();
        java.util.concurrent.atomic.AtomicReference<Throwable> failed =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean sending =
                new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread marker = new Thread(() -> {
            long seq = 1;
            while (sending.get() && failed.get() == null) {
                try {
                    long[] at = reads.markRead(a.id(), conv, seq++);
                    if (at[1] > at[0]) {
                        failed.set(new AssertionError("read " + at[1] + " past last " + at[0]));
                    }
                    reads.markRead(b.id(), conv, seq);
                } catch (Throwable e) {
                    failed.set(e);
                }
            }
        });
        marker.start();
        try {
            for (int i = 1; i <= 40; i++) {
                messages.persist(List.of(
                        Send.direct(a.id(), b.id(), "ra-" + i, "a " + i),
                        Send.direct(b.id(), a.id(), "rb-" + i, "b " + i)));
            }
        } finally {
            sending.set(false);
            marker.join(30_000);
        }
        assertNull(failed.get(), () -> "markRead failed: " + failed.get());
        assertEquals(81, reads.markRead(a.id(), conv, 1_000)[1], "clamped to the last seq");
    }

    /**
     * Two writers whose batches share six conversations, one naming them in ascending order and
     * the other in descending, each batch two sends per conversation from both ends: the one
     * lock statement per batch (key order) means neither deadlocks, and every conversation ends
     * with seqs 1..N once each, its counter at N and each sender's cursor at their last seq.
     */
    @Test
    void concurrentBatchesSharingConversationsNeverDeadlockAndStayGapless() throws Exception {
        List<User> users = Stream.generate(this::newUser).limit(4).toList();
        List<long[]> pairs = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            for (int j = i + 1; j < users.size(); j++) {
                pairs.add(new long[] {users.get(i).id(), users.get(j).id()});
            }
        }
        int rounds = 25;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (String side : List.of("up", "down")) {
                List<long[]> order = new ArrayList<>(pairs);
                if (side.equals("down")) {
                    Collections.reverse(order);
                }
                writers.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        List<Send> batch = new ArrayList<>();
                        for (long[] p : order) {
                            batch.add(Send.direct(p[0], p[1], side + r + "-" + p[1], "x"));
                            batch.add(Send.direct(p[1], p[0], side + r + "-" + p[0], "y"));
                        }
                        assertTrue(messages.persist(batch).stream()
                                .allMatch(o -> o.refusal() == null));
                    }
                }));
            }
            for (Future<?> w : writers) {
                w.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long perConversation = 2L * 2 * rounds;
        for (long[] p : pairs) {
            String conv = ConversationIds.direct(p[0], p[1]);
            assertEquals(perConversation, rows.count("SELECT COUNT(DISTINCT seq) FROM messages "
                    + "WHERE conversation_id = ? AND seq BETWEEN 1 AND ?", conv,
                    perConversation), conv + ": seqs 1..N, once each");
            assertEquals(perConversation, rows.count("SELECT COUNT(*) FROM messages "
                    + "WHERE conversation_id = ?", conv), conv + ": no other row");
            assertEquals(perConversation, rows.count("SELECT last_seq FROM conversations "
                    + "WHERE id = ?", conv), conv + ": the counter");
            assertEquals(0, rows.count("SELECT COUNT(*) FROM conversation_members m WHERE "
                    + "conversation_id = ? AND last_read_seq <> (SELECT MAX(seq) FROM messages "
                    + "WHERE conversation_id = m.conversation_id AND sender_id = m.user_id)", conv),
                    conv + ": each sender's cursor at their last seq");
        }
    }

    private User newUser() {
        String phone = "+1" + (1_000_000_000L + ThreadLocalRandom.current().nextLong(8_999_999_999L));
        return accounts.register(phone, "U " + UUID.randomUUID().toString().substring(0, 4),
                "password-1");
    }
}
