package io.parley.logic.mention;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.ids.ConversationIds;
import io.parley.contracts.proto.ChatMessage;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Records a group message's mentions in its transaction: {@code @all} as one row for user 0
 * (refused with 5010 unless the sender is the group's owner or an admin, which rolls the send
 * back), {@code @<userId>} as one row per named member (names of non-members are plain text).
 * Answers whether a message mentions a user, which lets a mention reach a muted member.
 */
@Singleton
public class Mentions {
    private static final String INSERT = "INSERT IGNORE INTO message_mentions "
            + "(conversation_id, seq, user_id, sender_id) SELECT ?, ?, user_id, ? "
            + "FROM conversation_members WHERE conversation_id = ? AND user_id = ?";

    private final JdbcOperations jdbc;

    Mentions(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ChatMessage message) {
        if (!message.getConversationId().startsWith("g_")) {
            return;
        }
        MentionTokens tokens = MentionTokens.in(message.getText());
        if (tokens.isEmpty()) {
            return;
        }
        if (tokens.all()) {
            requireAdmin(ConversationIds.groupIdOf(message.getConversationId()),
                    message.getSenderId());
            jdbc.prepareStatement("INSERT INTO message_mentions (conversation_id, seq, user_id, "
                    + "sender_id) VALUES (?, ?, 0, ?)", ps -> {
                ps.setString(1, message.getConversationId());
                ps.setLong(2, message.getSeq());
                ps.setLong(3, message.getSenderId());
                return ps.executeUpdate();
            });
        }
        for (long user : tokens.users()) {
            jdbc.prepareStatement(INSERT, ps -> {
                ps.setString(1, message.getConversationId());
                ps.setLong(2, message.getSeq());
                ps.setLong(3, message.getSenderId());
                ps.setString(4, message.getConversationId());
                ps.setLong(5, user);
                return ps.executeUpdate();
            });
        }
    }

    /** The users among {@code candidates} this message mentions ({@code @all}: all of them). */
    public Set<Long> mentioned(String conversationId, long seq, Set<Long> candidates) {
        Set<Long> out = new HashSet<>();
        jdbc.prepareStatement("SELECT user_id FROM message_mentions WHERE conversation_id = ? "
                + "AND seq = ?", ps -> {
            ps.setString(1, conversationId);
            ps.setLong(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long user = rs.getLong(1);
                    if (user == 0) {
                        out.addAll(candidates);
                    } else if (candidates.contains(user)) {
                        out.add(user);
                    }
                }
            }
            return null;
        });
        return out;
    }

    /**
     * Whether a send of {@code text} to the group may be stored: {@code @all} is for the owner
     * and admins only. Checked before the batch is written, so a refused send takes no seq.
     */
    @Connectable
    public boolean mayMention(long groupId, long senderId, String text) {
        return !MentionTokens.in(text).all() || isAdmin(groupId, senderId);
    }

    private void requireAdmin(long groupId, long userId) {
        if (!isAdmin(groupId, userId)) {
            throw new ParleyException(ErrorCode.MENTION_ALL_NOT_ALLOWED);
        }
    }

    private boolean isAdmin(long groupId, long userId) {
        String role = jdbc.prepareStatement("SELECT role FROM group_members WHERE group_id = ? "
                + "AND user_id = ?", ps -> {
            ps.setLong(1, groupId);
            ps.setLong(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        });
        return role.equals("owner") || role.equals("admin");
    }
}
