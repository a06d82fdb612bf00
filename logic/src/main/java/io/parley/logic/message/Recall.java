package io.parley.logic.message;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.proto.ChatMessage;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Recall by the sender within {@code im.logic.message.recall-window}: the row stays (its seq is
 * part of the gapless sequence) as a tombstone with {@code recalled_at} set and its text removed
 * from storage. Refused: 5009 no such message in this conversation, 5006 someone else's message,
 * 5008 recalled before, 5007 the window has passed. The row is locked while checked, so two
 * concurrent recalls get one success and one 5008.
 */
@Singleton
public class Recall {
    private final JdbcOperations jdbc;
    private final RecallSettings settings;
    private final Clock clock;

    Recall(JdbcOperations jdbc, RecallSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return the tombstone: the message with empty text */
    @Transactional
    public ChatMessage recall(long userId, String conversationId, long messageId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Row row = jdbc.prepareStatement("SELECT seq, sender_id, recipient_id, client_msg_id, "
                + "created_at, recalled_at FROM messages WHERE id = ? AND conversation_id = ? "
                + "FOR UPDATE", ps -> {
            ps.setLong(1, messageId);
            ps.setString(2, conversationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) != null) : null;
            }
        });
        if (row == null) {
            throw new ParleyException(ErrorCode.MESSAGE_NOT_FOUND);
        }
        if (row.senderId() != userId) {
            throw new ParleyException(ErrorCode.NOT_MESSAGE_SENDER);
        }
        if (row.recalled()) {
            throw new ParleyException(ErrorCode.ALREADY_RECALLED);
        }
        if (now.isAfter(row.sentAt().plus(settings.recallWindow()))) {
            throw new ParleyException(ErrorCode.RECALL_WINDOW_PASSED);
        }
        jdbc.prepareStatement("UPDATE messages SET body = '', image = NULL, recalled_at = ? "
                + "WHERE id = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setLong(2, messageId);
            return ps.executeUpdate();
        });
        return ChatMessage.newBuilder().setMessageId(messageId).setConversationId(conversationId)
                .setSeq(row.seq()).setSenderId(userId).setRecipientId(row.recipientId())
                .setClientMsgId(row.clientMsgId()).setSentAtMs(row.sentAt().toEpochMilli())
                .setText("").setRecalledAtMs(now.toEpochMilli()).build();
    }

    private record Row(long seq, long senderId, long recipientId, String clientMsgId,
                       Instant sentAt, boolean recalled) {
    }
}
