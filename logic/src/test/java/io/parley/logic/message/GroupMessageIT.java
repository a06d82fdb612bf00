package io.parley.logic.message;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.logic.account.AccountService;
import io.parley.logic.group.GroupProfile;
import io.parley.logic.group.Groups;
import io.parley.logic.group.JoinPolicy;
import io.parley.logic.group.Membership;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Group messages on the real MariaDB and Redis: members only, one seq per group, audience. */
@MicronautTest(transactional = false)
class GroupMessageIT {
    @Inject
    MessageService messages;
    @Inject
    MessageRepository repository;
    @Inject
    AccountService accounts;
    @Inject
    Groups groups;
    @Inject
    Membership membership;

    @Test
    void aMembersMessageIsStoredInTheGroupConversationWithTheMembersAsAudience() {
        long owner = user();
        long member = user();
        long group = group(owner);
        membership.join(member, group, null);

        Persisted first = messages.persistGroup(member, group, "g-1", "hello all");
        Persisted second = messages.persistGroup(owner, group, "g-2", "hi");

        assertEquals("g_" + group, first.message().conversationId());
        assertEquals(1, first.message().seq());
        assertEquals(2, second.message().seq(), "one gapless seq for the whole group");
        assertNull(first.message().recipientId());
        assertEquals(0, first.message().toProto().getRecipientId(), "to: 0 on the wire");
        assertEquals(Set.of(owner, member), Set.copyOf(first.audience()));
        assertFalse(first.duplicate());

        Persisted retry = messages.persistGroup(member, group, "g-1", "hello all");
        assertTrue(retry.duplicate());
        assertEquals(first.message().id(), retry.message().id());
        assertEquals(1, repository.countBySenderId(member));
    }

    @Test
    void refusesOutsidersUnknownGroupsAndKickedMembersWithoutStoringAnything() {
        long owner = user();
        long outsider = user();
        long kicked = user();
        long group = group(owner);
        membership.invite(owner, group, List.of(kicked));
        messages.persistGroup(kicked, group, "k-1", "I am in"); // fills the member cache

        assertRefused(ErrorCode.NOT_GROUP_MEMBER, () -> messages.persistGroup(outsider, group,
                "o-1", "let me talk"));
        assertRefused(ErrorCode.GROUP_NOT_FOUND, () -> messages.persistGroup(outsider, 42L,
                "o-2", "anyone?"));
        membership.kick(owner, group, kicked);
        assertRefused(ErrorCode.NOT_GROUP_MEMBER, () -> messages.persistGroup(kicked, group,
                "k-2", "still here?"));

        assertEquals(0, repository.countBySenderId(outsider));
        assertEquals(1, repository.countBySenderId(kicked), "only the message sent as a member");
    }

    private static void assertRefused(ErrorCode code, Runnable send) {
        ParleyException e = assertThrows(ParleyException.class, send::run);
        assertEquals(code, e.error());
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
