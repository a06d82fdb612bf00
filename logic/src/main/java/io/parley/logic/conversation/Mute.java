package io.parley.logic.conversation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/**
 * Mute per member and conversation. A muted member still counts unread and mentions; their
 * sockets get no live {@code message} frame of the conversation unless the message mentions them
 * (or is their own, for their other devices). Read marks and acks are unchanged.
 */
@Singleton
public class Mute {
    private final JdbcOperations jdbc;

    Mute(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** 5004 for a non-member. */
    @Transactional
    public boolean set(long userId, String conversationId, boolean muted) {
        int rows = jdbc.prepareStatement("UPDATE conversation_members SET muted = ? "
                + "WHERE conversation_id = ? AND user_id = ?", ps -> {
            ps.setBoolean(1, muted);
            ps.setString(2, conversationId);
            ps.setLong(3, userId);
            return ps.executeUpdate();
        });
        if (rows == 0 && !isMember(userId, conversationId)) {
            throw new ParleyException(ErrorCode.NOT_CONVERSATION_MEMBER);
        }
        return muted;
    }

    private boolean isMember(long userId, String conversationId) {
        return jdbc.prepareStatement("SELECT 1 FROM conversation_members WHERE conversation_id = ? "
                + "AND user_id = ?", ps -> {
            ps.setString(1, conversationId);
            ps.setLong(2, userId);
            return ps.executeQuery().next();
        });
    }
}
