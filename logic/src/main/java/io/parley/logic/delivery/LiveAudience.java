package io.parley.logic.delivery;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.parley.logic.mention.Mentions;
import io.parley.logic.message.Message;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who gets a stored message live: its audience but the members who muted the conversation, unless
 * the message mentions them or they sent it (their other devices). One indexed read of the
 * conversation's muted members per message; nothing more when nobody muted it.
 */
@Singleton
public class LiveAudience {
    private final JdbcOperations jdbc;
    private final Mentions mentions;

    LiveAudience(JdbcOperations jdbc, Mentions mentions) {
        this.jdbc = jdbc;
        this.mentions = mentions;
    }

    @ReadOnly
    public List<Long> of(Message message, List<Long> audience) {
        Set<Long> muted = muted(message.conversationId());
        muted.remove(message.senderId());
        if (muted.isEmpty()) {
            return audience;
        }
        muted.removeAll(mentions.mentioned(message.conversationId(), message.seq(), muted));
        return audience.stream().filter(u -> !muted.contains(u)).toList();
    }

    private Set<Long> muted(String conversationId) {
        return jdbc.prepareStatement("SELECT user_id FROM conversation_members "
                + "WHERE conversation_id = ? AND muted = 1", ps -> {
            ps.setString(1, conversationId);
            Set<Long> out = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }
}
