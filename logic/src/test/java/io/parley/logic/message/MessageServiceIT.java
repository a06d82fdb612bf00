package io.parley.logic.message;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.logic.account.AccountService;
import io.parley.logic.account.User;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Persistence on the real MariaDB: seq allocation, de-duplication, refusals. Between strangers:
 * the friendship rule has its own test ({@code DirectChatPermissionIT}).
 */
@MicronautTest(transactional = false)
@Property(name = "im.logic.chat.direct-requires-friendship", value = "false")
class MessageServiceIT {
    @Inject
    MessageService messages;
    @Inject
    AccountService accounts;
    @Inject
    MessageRepository repository;

    @Test
    void concurrentWritersGetGaplessUniqueSeqs() throws Exception {
        User a = newUser();
        User b = newUser();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        ConcurrentLinkedQueue<Long> seqs = new ConcurrentLinkedQueue<>();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            long from = i % 2 == 0 ? a.id() : b.id();
            long to = i % 2 == 0 ? b.id() : a.id();
            String clientId = "c-" + i;
            done.add(pool.submit(() -> seqs.add(messages.persistDirect(from, to, clientId, "x")
                    .message().seq())));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        Set<Long> sorted = new TreeSet<>(seqs);
        assertEquals(120, sorted.size(), "unique");
        assertEquals(1L, ((TreeSet<Long>) sorted).first());
        assertEquals(120L, ((TreeSet<Long>) sorted).last(), "gapless");
    }

    @Test
    void aRetriedSendReturnsTheStoredMessageAndWritesNothing() {
        User a = newUser();
        User b = newUser();
        Persisted first = messages.persistDirect(a.id(), b.id(), "retry-me", "hello");
        Persisted again = messages.persistDirect(a.id(), b.id(), "retry-me", "hello");
        assertFalse(first.duplicate());
        assertTrue(again.duplicate());
        assertEquals(first.message().id(), again.message().id());
        assertEquals(1, first.message().seq());
        assertEquals(2, messages.persistDirect(a.id(), b.id(), "next", "x").message().seq());
    }

    @Test
    void refusesUnknownRecipientsAndSelfWithoutWriting() {
        User a = newUser();

        ParleyException unknown = assertThrows(ParleyException.class,
                () -> messages.persistDirect(a.id(), 999_999_999L, "u1", "x"));
        assertEquals(ErrorCode.RECIPIENT_NOT_FOUND, unknown.error());
        ParleyException self = assertThrows(ParleyException.class,
                () -> messages.persistDirect(a.id(), a.id(), "u2", "x"));
        assertEquals(ErrorCode.SEND_TO_SELF, self.error());
        assertEquals(0, repository.countBySenderId(a.id()));
    }

    private User newUser() {
        String phone = "+1" + (1_000_000_000L + ThreadLocalRandom.current().nextLong(8_999_999_999L));
        return accounts.register(phone, "U " + UUID.randomUUID().toString().substring(0, 4),
                "password-1");
    }
}
