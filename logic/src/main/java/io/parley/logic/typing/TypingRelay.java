package io.parley.logic.typing;

import io.parley.contracts.ids.ConversationIds;
import io.parley.contracts.proto.Envelope;
import io.parley.logic.delivery.Fanout;
import io.parley.logic.friend.ChatPermission;
import io.parley.logic.friend.DirectPair;
import io.parley.logic.group.GroupMemberCache;
import io.parley.logic.group.MemberList;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Relays the typing signals of one upstream batch: in a direct conversation to the peer when
 * the two may chat (the same rule as a message: no block, friends when required), in a group
 * to the other members when the typer is one and the group has at most
 * {@code im.logic.typing.max-group-members}. One permission query for every direct pair of the
 * batch, one signal per typer and conversation. Anything else is dropped without an answer:
 * the signal is ephemeral, and a failure is logged, never retried (a replayed batch would show
 * stale typing and hold up the messages behind it).
 */
@Singleton
public final class TypingRelay {
    private static final Logger LOG = LoggerFactory.getLogger(TypingRelay.class);

    private final ChatPermission permission;
    private final GroupMemberCache groups;
    private final Fanout fanout;
    private final TypingSettings settings;

    TypingRelay(ChatPermission permission, GroupMemberCache groups, Fanout fanout,
                TypingSettings settings) {
        this.permission = permission;
        this.groups = groups;
        this.fanout = fanout;
        this.settings = settings;
    }

    public void relay(List<Envelope> typings) {
        try {
            Map<Signal, List<Long>> told = audiences(typings);
            told.forEach((s, users) -> fanout.typing(s.conversationId(), s.userId(), users));
        } catch (RuntimeException e) {
            LOG.warn("typing signals of a batch not relayed: {}", e.toString());
        }
    }

    private Map<Signal, List<Long>> audiences(List<Envelope> typings) {
        Map<Signal, List<Long>> told = new LinkedHashMap<>();
        Set<DirectPair> pairs = new HashSet<>();
        for (Envelope e : typings) {
            Signal s = new Signal(e.getTyping().getConversationId(), e.getSenderId());
            if (told.containsKey(s)) {
                continue;
            }
            List<Long> audience = audience(s);
            if (audience.isEmpty()) {
                continue;
            }
            told.put(s, audience);
            if (s.isDirect()) {
                pairs.add(new DirectPair(s.userId(), audience.get(0)));
            }
        }
        Set<DirectPair> refused = permission.refusals(pairs).keySet();
        told.entrySet().removeIf(t -> t.getKey().isDirect()
                && refused.contains(new DirectPair(t.getKey().userId(), t.getValue().get(0))));
        return told;
    }

    /** Who would be told, before the direct pair's permission; empty when nobody may be. */
    private List<Long> audience(Signal s) {
        try {
            if (s.isDirect()) {
                long[] pair = ConversationIds.directMembers(s.conversationId());
                if (pair[0] != s.userId() && pair[1] != s.userId()) {
                    return List.of();
                }
                return List.of(pair[0] == s.userId() ? pair[1] : pair[0]);
            }
            MemberList members = groups.members(ConversationIds.groupIdOf(s.conversationId()));
            if (!members.contains(s.userId())
                    || members.roles().size() > settings.maxGroupMembers()) {
                return List.of();
            }
            List<Long> others = new ArrayList<>(members.userIds());
            others.remove(s.userId());
            return others;
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private record Signal(String conversationId, long userId) {
        boolean isDirect() {
            return conversationId.startsWith("d_");
        }
    }
}
