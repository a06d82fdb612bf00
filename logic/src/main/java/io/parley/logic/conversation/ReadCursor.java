package io.parley.logic.conversation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;

/**
 * Membership checks and each member's read cursor ({@code conversation_members.last_read_seq}).
 * The cursor only moves forward and never past the conversation's last seq, so a stale or
 * replayed "read up to" from another device cannot bring unread messages back.
 */
@Singleton
public class ReadCursor {
    private final JdbcOperations jdbc;

    ReadCursor(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Throws NOT_CONVERSATION_MEMBER unless {@code userId} belongs to the conversation. */
    @ReadOnly
    public void requireMember(long userId, String conversationId) {
        boolean member = jdbc.prepareStatement("SELECT 1 FROM conversation_members "
                + "WHERE conversation_id = ? AND user_id = ?", ps -> {
                    ps.setString(1, conversationId);
                    ps.setLong(2, userId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next();
                    }
                });
        if (!member) {
            throw new ParleyException(ErrorCode.NOT_CONVERSATION_MEMBER);
        }
    }

    /**
     * The seq after which the member sees the conversation (0: all of it; a group member who
     * joined later: the seq of the join); NOT_CONVERSATION_MEMBER for anyone else.
     */
    @ReadOnly
    public long joinedSeq(long userId, String conversationId) {
        Long joined = jdbc.prepareStatement("SELECT joined_seq FROM conversation_members "
                + "WHERE conversation_id = ? AND user_id = ?", ps -> {
                    ps.setString(1, conversationId);
                    ps.setLong(2, userId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getLong(1) : null;
                    }
                });
        if (joined == null) {
            throw new ParleyException(ErrorCode.NOT_CONVERSATION_MEMBER);
        }
        return joined;
    }

    /**
     * Moves the cursor to {@code seq} (clamped); returns {last_seq, read_seq} after the move.
     * Locks only the member's row: the conversation's last seq is read without a lock first (a
     * client marks only seqs it was shown, all committed before this snapshot). Reading it inside
     * the UPDATE (a join) share-locked the conversation row after the member row, the opposite of
     * a message batch's order (conversation seq, then the sender's cursor), and the two
     * deadlocked when a user marked read while sending.
     */
    @Transactional
    public long[] markRead(long userId, String conversationId, long seq) {
        long[] before = positions(userId, conversationId);
        jdbc.prepareStatement("""
                UPDATE conversation_members SET last_read_seq = GREATEST(last_read_seq, ?)
                WHERE conversation_id = ? AND user_id = ?
                """, ps -> {
                    ps.setLong(1, Math.min(seq, before[0]));
                    ps.setString(2, conversationId);
                    ps.setLong(3, userId);
                    return ps.executeUpdate();
                });
        return positions(userId, conversationId); // the member row as this update left it
    }

    /** {last_seq, read_seq} of a member, read without locks; NOT_CONVERSATION_MEMBER otherwise. */
    private long[] positions(long userId, String conversationId) {
        return jdbc.prepareStatement("""
                SELECT c.last_seq, m.last_read_seq FROM conversation_members m
                JOIN conversations c ON c.id = m.conversation_id
                WHERE m.conversation_id = ? AND m.user_id = ?
                """, ps -> {
                    ps.setString(1, conversationId);
                    ps.setLong(2, userId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new ParleyException(ErrorCode.NOT_CONVERSATION_MEMBER);
                        }
                        return new long[] {rs.getLong(1), rs.getLong(2)};
                    }
                });
    }
}
