package io.parley.logic.delivery;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.connection.annotation.Connectable;
import io.parley.logic.inbox.Diffusion;
import io.parley.logic.mention.Mentions;
import io.parley.logic.message.Message;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who gets a stored message live: its audience but the members who muted the conversation, unless
 * the message mentions them or they sent it (their other devices). One indexed read of the muted
 * members of all the batch's conversations; nothing more when nobody muted them.
 */
@Singleton
public class LiveAudience {
    private final JdbcOperations jdbc;
    private final Mentions mentions;
    private final Diffusion diffusion;

    LiveAudience(JdbcOperations jdbc, Mentions mentions, Diffusion diffusion) {
        this.jdbc = jdbc;
        this.mentions = mentions;
        this.diffusion = diffusion;
    }

    /** The live audience of one message. */
    @Connectable
    public List<Long> of(Message message, List<Long> audience) {
        Set<Long> muted = muted(Set.of(message.conversationId()))
                .getOrDefault(message.conversationId(), Set.of());
        return without(message, audience, muted);
    }

    /**
     * The members of each stored send of a batch who get no live frame of it (muted, not
     * mentioned, not its sender): the muted members its transaction read ({@link
     * Sent#mutedMembers}), and for the sends without, one query for all of them.
     */
    @Connectable
    public Map<Sent, Set<Long>> skipped(List<Sent> batch) {
        Set<String> unread = new LinkedHashSet<>();
        for (Sent s : batch) {
            if (s.message() != null && s.mutedMembers() == null) {
                unread.add(s.message().conversationId());
            }
        }
        Map<String, Set<Long>> muted = muted(unread);
        Map<Sent, Set<Long>> out = new IdentityHashMap<>();
        for (Sent s : batch) {
            if (s.message() != null) {
                out.put(s, skipped(s.message(), s.mutedMembers() != null ? s.mutedMembers()
                        : muted.getOrDefault(s.message().conversationId(), Set.of())));
            }
        }
        return out;
    }

    /** The members of a direct conversation or a small group, or empty for a large group. */
    @Connectable
    public List<Long> smallAudience(String conversationId) {
        if (diffusion.of(List.of(conversationId)).get(conversationId) == Diffusion.Mode.READ) {
            return List.of();
        }
        return jdbc.prepareStatement("SELECT user_id FROM conversation_members "
                + "WHERE conversation_id = ?", ps -> {
                    ps.setString(1, conversationId);
                    List<Long> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getLong(1));
                        }
                    }
                    return out;
                });
    }

    private List<Long> without(Message message, List<Long> audience, Set<Long> mutedMembers) {
        Set<Long> skipped = skipped(message, mutedMembers);
        return skipped.isEmpty() ? audience
                : audience.stream().filter(u -> !skipped.contains(u)).toList();
    }

    private Set<Long> skipped(Message message, Set<Long> mutedMembers) {
        Set<Long> muted = new HashSet<>(mutedMembers);
        muted.remove(message.senderId());
        if (!muted.isEmpty()) {
            muted.removeAll(mentions.mentioned(message.conversationId(), message.seq(), muted));
        }
        return muted;
    }

    private Map<String, Set<Long>> muted(Set<String> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(",", Collections.nCopies(conversationIds.size(), "?"));
        return jdbc.prepareStatement("SELECT conversation_id, user_id FROM conversation_members "
                + "WHERE conversation_id IN (" + marks + ") AND muted = 1", ps -> {
            int i = 1;
            for (String id : conversationIds) {
                ps.setString(i++, id);
            }
            Map<String, Set<Long>> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), c -> new HashSet<>()).add(rs.getLong(2));
                }
            }
            return out;
        });
    }
}
