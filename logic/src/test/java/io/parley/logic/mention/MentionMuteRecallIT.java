package io.parley.logic.mention;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.proto.Badge;
import io.parley.contracts.proto.ChatMessage;
import io.parley.contracts.proto.Envelope;
import io.parley.contracts.proto.InboxEntry;
import io.parley.logic.account.AccountService;
import io.parley.logic.conversation.Mute;
import io.parley.logic.conversation.ReadCursor;
import io.parley.logic.delivery.LiveAudience;
import io.parley.logic.delivery.Sent;
import io.parley.logic.group.GroupProfile;
import io.parley.logic.group.Groups;
import io.parley.logic.group.JoinPolicy;
import io.parley.logic.group.Membership;
import io.parley.logic.inbox.InboxSync;
import io.parley.logic.message.MessageService;
import io.parley.logic.message.Outcome;
import io.parley.logic.message.Persisted;
import io.parley.logic.message.Recall;
import io.parley.logic.message.Send;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mentions, mute and recall on the real MariaDB, bad input included. */
@MicronautTest(transactional = false)
@Property(name = "im.logic.message.recall-window", value = "1500ms")
class MentionMuteRecallIT {
    @Inject
    MessageService messages;
    @Inject
    InboxSync sync;
    @Inject
    Mute mute;
    @Inject
    Recall recall;
    @Inject
    LiveAudience live;
    @Inject
    ReadCursor reads;
    @Inject
    AccountService accounts;
    @Inject
    Groups groups;
    @Inject
    Membership membership;

    @Test
    void mentionsAreCountedAfterTheCursorAndAtAllIsForOwnersAndAdminsOnly() {
        long owner = user();
        long a = user();
        long b = user();
        long group = group(owner);
        membership.join(a, group, null);
        membership.join(b, group, null);
        String conv = "g_" + group;

        assertRefused(ErrorCode.MENTION_ALL_NOT_ALLOWED,
                () -> messages.persistGroup(a, group, "all-1", "@all listen"));
        assertTrue(sync.after(b, 0, 0).getEntriesList().isEmpty(), "the refused send left nothing");

        messages.persistGroup(owner, group, "all-2", "@all meeting at 5");
        assertEquals(1, mentions(a, conv), "@all reached a");
        messages.persistGroup(a, group, "m-1", "hey @" + b + ", and @" + 99_999_999L + " too");
        messages.persistGroup(a, group, "m-2", "mail me at x@" + b + " (not a mention)");

        assertEquals(2, mentions(b, conv));
        assertEquals(0, mentions(a, conv), "a read up to its own later message");
        assertEquals(0, mentions(owner, conv), "the sender's own @all does not count for them");
        reads.markRead(b, conv, 2);
        assertEquals(0, mentions(b, conv), "read past both mentions");
    }

    @Test
    void aMutedMemberCountsUnreadGetsMentionsLiveButNoOtherLiveMessage() {
        long owner = user();
        long a = user();
        long b = user();
        long group = group(owner);
        membership.join(a, group, null);
        membership.join(b, group, null);
        String conv = "g_" + group;
        assertTrue(mute.set(b, conv, true));

        Persisted plain = messages.persistGroup(a, group, "p-1", "plain");
        Persisted mention = messages.persistGroup(a, group, "p-2", "look @" + b);

        Badge badge = badge(b, conv).orElseThrow();
        assertTrue(badge.getMuted());
        assertEquals(1, badge.getMentions());
        Persisted own = messages.persistGroup(b, group, "p-3", "mine");

        assertFalse(live.of(plain.message(), plain.audience()).contains(b));
        assertTrue(live.of(plain.message(), plain.audience()).containsAll(List.of(owner, a)));
        assertTrue(live.of(mention.message(), mention.audience()).contains(b));
        assertTrue(live.of(own.message(), own.audience()).contains(b), "their other devices");
        assertEquals(0, badge(b, conv).orElseThrow().getMentions(), "read by sending");
        assertEquals(3, sync.after(b, 0, 0).getEntriesCount(), "muted still has every message");

        assertFalse(mute.set(b, conv, false));
        assertTrue(live.of(plain.message(), plain.audience()).contains(b));
        assertRefused(ErrorCode.NOT_CONVERSATION_MEMBER, () -> mute.set(user(), conv, true));
    }

    @Test
    void aBatchCarriesTheMutesItsTransactionReadAndTheFanOutSkipsThoseMembers() {
        MutedGroup m = mutedGroup();
        long a = m.a();
        long b = m.b();
        long group = m.group();

        List<Outcome> out = messages.persist(List.of(
                Send.group(a, group, "b-1", "plain"),
                Send.group(a, group, "b-2", "look @" + b)));
        Persisted plain = out.get(0).persisted();
        Persisted mention = out.get(1).persisted();
        assertEquals(Set.of(b), plain.mutedMembers(), "read with the members in the transaction");
        assertEquals(Set.of(b), mention.mutedMembers());

        Sent known = sent(plain, plain.mutedMembers());
        Sent read = sent(plain, null);
        Sent mentioned = sent(mention, mention.mutedMembers());
        Map<Sent, Set<Long>> skipped = live.skipped(List.of(known, read, mentioned));
        assertEquals(Set.of(b), skipped.get(known), "muted, as the batch said");
        assertEquals(Set.of(b), skipped.get(read), "muted, as read again when not known");
        assertEquals(Set.of(), skipped.get(mentioned), "a mention reaches a muted member");
    }

    @Test
    void theSenderRecallsOnceWithinTheWindowAndTheTextIsGone() throws Exception {
        long owner = user();
        long a = user();
        long group = group(owner);
        membership.join(a, group, null);
        String conv = "g_" + group;
        ChatMessage sent = messages.persistGroup(a, group, "r-1", "oops secret").message()
                .toProto();

        assertRefused(ErrorCode.NOT_MESSAGE_SENDER,
                () -> recall.recall(owner, conv, sent.getMessageId()));
        assertRefused(ErrorCode.MESSAGE_NOT_FOUND,
                () -> recall.recall(a, "g_" + (group + 1), sent.getMessageId()));
        assertRefused(ErrorCode.MESSAGE_NOT_FOUND, () -> recall.recall(a, conv, 42L));
        ChatMessage tombstone = recall.recall(a, conv, sent.getMessageId());
        assertEquals("", tombstone.getText());
        assertEquals(sent.getSeq(), tombstone.getSeq());
        assertTrue(tombstone.getRecalledAtMs() > 0);
        assertRefused(ErrorCode.ALREADY_RECALLED,
                () -> recall.recall(a, conv, sent.getMessageId()));

        InboxEntry stored = sync.after(owner, 0, 0).getEntries(0);
        assertEquals("", stored.getMessage().getText(), "the text is gone from storage");
        assertTrue(stored.getMessage().getRecalledAtMs() > 0, "every device sees the tombstone");

        ChatMessage late = messages.persistGroup(a, group, "r-2", "too late").message().toProto();
        Thread.sleep(2_000);
        assertRefused(ErrorCode.RECALL_WINDOW_PASSED,
                () -> recall.recall(a, conv, late.getMessageId()));
    }

    private long mentions(long user, String conv) {
        return badge(user, conv).map(Badge::getMentions).orElse(0L);
    }

    private Optional<Badge> badge(long user, String conv) {
        return sync.after(user, 0, 0).getBadgesList().stream()
                .filter(x -> x.getConversationId().equals(conv)).findFirst();
    }

    /** A group of an owner, a and b, where b muted the conversation. */
    private record MutedGroup(long a, long b, long group) {
    }

    private MutedGroup mutedGroup() {
        long a = user();
        long b = user();
        long group = group(user());
        membership.join(a, group, null);
        membership.join(b, group, null);
        assertTrue(mute.set(b, "g_" + group, true));
        return new MutedGroup(a, b, group);
    }

    private static Sent sent(Persisted p, Set<Long> muted) {
        return new Sent(Envelope.getDefaultInstance(), p.message(), p.audience(), null, muted);
    }

    private static void assertRefused(ErrorCode code, Runnable call) {
        assertEquals(code, assertThrows(ParleyException.class, call::run).error());
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
