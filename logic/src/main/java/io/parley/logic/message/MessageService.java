package io.parley.logic.message;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.ids.ConversationIds;
import io.parley.contracts.proto.ImageRef;
import io.parley.logic.conversation.DirectConversations;
import io.parley.logic.friend.ChatPermission;
import io.parley.logic.friend.DirectPair;
import io.parley.logic.group.GroupMemberCache;
import io.parley.logic.group.MemberList;
import io.parley.logic.image.Images;
import io.parley.logic.mention.Mentions;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Makes a batch of sends durable at once: direct messages between two users, group messages from
 * members of the group. The permissions of all direct sends are one query, groups' members come
 * from the member cache, and every accepted send is written by one transaction
 * ({@link MessageWriter}). A retried send (same sender and client message id, same recipient and
 * text) gets the stored message instead of a second one: within the batch by comparison, across
 * batches because the unique key refuses the row, which is the only time the stored rows are
 * looked up ({@link EarlierSends}). The same key for a different message is refused with 5005.
 */
@Singleton
public final class MessageService {
    private static final int MAX_WRITES = 4;

    private final MessageWriter writer;
    private final EarlierSends earlier;
    private final DirectConversations directs;
    private final ChatPermission permission;
    private final GroupMemberCache groups;
    private final Mentions mentions;
    private final Images images;

    // Seven collaborators, one over the rule: the image check is one more refusal of the same
    // decision (may this send be stored), not a second job.
    MessageService(MessageWriter writer, EarlierSends earlier, DirectConversations directs,
                   ChatPermission permission, GroupMemberCache groups, Mentions mentions,
                   Images images) {
        this.mentions = mentions;
        this.images = images;
        this.writer = writer;
        this.earlier = earlier;
        this.directs = directs;
        this.permission = permission;
        this.groups = groups;
    }

    public Persisted persistDirect(long senderId, long recipientId, String clientMsgId,
                                   String text) {
        return one(Send.direct(senderId, recipientId, clientMsgId, text));
    }

    /**
     * A message to group {@code groupId} ({@code g_<groupId>}) from one of its members; 4102 for
     * anyone else, 4101 when there is no such group. Membership is read from the cached member
     * list, which is also the message's audience.
     */
    public Persisted persistGroup(long senderId, long groupId, String clientMsgId, String text) {
        return one(Send.group(senderId, groupId, clientMsgId, text));
    }

    private Persisted one(Send send) {
        Outcome o = persist(List.of(send)).get(0);
        if (o.refusal() != null) {
            throw o.refusal();
        }
        return o.persisted();
    }

    /**
     * Every send's outcome, in order. Throws only when the batch could not be decided (a
     * dependency away): then nothing of it was written.
     */
    public List<Outcome> persist(List<Send> sends) {
        Outcome[] out = new Outcome[sends.size()];
        Map<ClientKey, Integer> firstOfKey = new HashMap<>();
        Map<Long, MemberList> members = new HashMap<>();
        Map<Integer, ImageRef> attached = new HashMap<>();
        Set<DirectPair> pairs = new HashSet<>();
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            Send s = sends.get(i);
            if (firstOfKey.putIfAbsent(s.key(), i) != null) {
                continue; // a copy within the batch: decided after its first
            }
            if (s.toGroup()) {
                MemberList m = members.computeIfAbsent(s.groupId(), groups::members);
                if (m.isEmpty()) {
                    out[i] = refused(ErrorCode.GROUP_NOT_FOUND);
                } else if (!m.contains(s.senderId())) {
                    out[i] = refused(ErrorCode.NOT_GROUP_MEMBER);
                } else if (!mentions.mayMention(s.groupId(), s.senderId(), s.text())) {
                    out[i] = refused(ErrorCode.MENTION_ALL_NOT_ALLOWED);
                }
            } else if (s.senderId() == s.recipientId()) {
                out[i] = refused(ErrorCode.SEND_TO_SELF);
            } else {
                pairs.add(new DirectPair(s.senderId(), s.recipientId()));
            }
            if (out[i] == null && s.imageId() != null) {
                // only an image the sender may read can be sent: theirs, or one shared with them
                try {
                    attached.put(i, images.open(s.senderId(), s.imageId()));
                } catch (ParleyException e) {
                    out[i] = Outcome.refused(e);
                }
            }
            if (out[i] == null) {
                open.add(i);
            }
        }
        Map<DirectPair, ErrorCode> refusals = permission.refusals(pairs);
        List<Integer> refusedNow = new ArrayList<>();
        for (Integer i : List.copyOf(open)) {
            Send s = sends.get(i);
            ErrorCode why = s.toGroup() ? null
                    : refusals.get(new DirectPair(s.senderId(), s.recipientId()));
            if (why != null) {
                out[i] = refused(why);
                open.remove(i);
            }
        }
        for (int i = 0; i < sends.size(); i++) {
            if (out[i] != null && firstOfKey.get(sends.get(i).key()) == i) {
                refusedNow.add(i);
            }
        }
        // a retry of a message stored before a block (or a kick) still gets its ack
        settleRetries(sends, refusedNow, out, members, false);
        write(sends, open, out, members, attached);
        for (int i = 0; i < sends.size(); i++) {
            if (out[i] == null) {
                Send s = sends.get(i);
                int first = firstOfKey.get(s.key());
                out[i] = s.sameAs(sends.get(first)) ? out[first].asRetry()
                        : refused(ErrorCode.CLIENT_MSG_ID_REUSED);
            }
        }
        return List.of(out);
    }

    /** Writes the open sends; those the unique key refuses are settled as retries. */
    private void write(List<Send> sends, List<Integer> open, Outcome[] out,
                       Map<Long, MemberList> members, Map<Integer, ImageRef> attached) {
        List<Integer> todo = new ArrayList<>(open);
        for (int attempt = 1; !todo.isEmpty(); attempt++) {
            List<Draft> drafts = new ArrayList<>(todo.size());
            for (int i : todo) {
                Send s = sends.get(i);
                drafts.add(s.toGroup()
                        ? new Draft(ConversationIds.group(s.groupId()), s.senderId(), null,
                        s.clientMsgId(), s.text(), attached.get(i))
                        : new Draft(directs.ensure(s.senderId(), s.recipientId()), s.senderId(),
                        s.recipientId(), s.clientMsgId(), s.text(), attached.get(i)));
            }
            try {
                Written written = writer.insertAll(drafts);
                for (int k = 0; k < todo.size(); k++) {
                    int i = todo.get(k);
                    Message m = written.rows().get(k);
                    out[i] = Outcome.stored(persisted(sends.get(i), m, false, members)
                            .withMutedMembers(written.mutedMembers().get(m.conversationId())));
                }
                return;
            } catch (DuplicateSend e) {
                if (attempt == MAX_WRITES) {
                    throw e;
                }
                todo.removeAll(settleRetries(sends, todo, out, members, true));
            }
        }
    }

    /**
     * Looks up the stored messages of these sends' keys: a send whose key is stored is a retry
     * (acked with the stored message) or, saying something else, a reused key (5005). Returns
     * the sends settled so.
     */
    private List<Integer> settleRetries(List<Send> sends, List<Integer> which, Outcome[] out,
                                        Map<Long, MemberList> members, boolean reuseIsRefused) {
        if (which.isEmpty()) {
            return List.of();
        }
        Map<ClientKey, Message> stored = earlier.find(which.stream()
                .map(i -> sends.get(i).key()).toList());
        List<Integer> settled = new ArrayList<>();
        for (int i : which) {
            Send s = sends.get(i);
            Message m = stored.get(s.key());
            if (m == null) {
                continue;
            }
            if (matches(s, m)) {
                out[i] = Outcome.stored(persisted(s, m, true, members));
            } else if (reuseIsRefused || out[i] == null) {
                out[i] = refused(ErrorCode.CLIENT_MSG_ID_REUSED);
            }
            settled.add(i);
        }
        return settled;
    }

    private static boolean matches(Send s, Message m) {
        boolean samePlace = s.toGroup()
                ? m.conversationId().equals(ConversationIds.group(s.groupId()))
                && m.recipientId() == null
                : m.recipientId() != null && m.recipientId() == s.recipientId();
        return samePlace && m.body().equals(s.text())
                && Objects.equals(m.imageId(), s.imageId());
    }

    private Persisted persisted(Send s, Message m, boolean duplicate,
                                Map<Long, MemberList> members) {
        return s.toGroup()
                ? new Persisted(m, duplicate, members.computeIfAbsent(s.groupId(),
                groups::members).userIds())
                : new Persisted(m, duplicate);
    }

    private static Outcome refused(ErrorCode code) {
        return Outcome.refused(new ParleyException(code));
    }
}
