package io.parley.logic.conversation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.parley.contracts.proto.ChatMessage;
import io.parley.contracts.proto.ImageRef;
import io.parley.contracts.proto.ConversationSummary;
import io.parley.logic.page.Cursor;
import io.parley.logic.page.Page;
import io.parley.logic.page.PageLimits;
import io.parley.logic.image.ImageColumn;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's conversations, most recently active first, with the last message and the unread
 * count (last seq minus the member's read seq, or join seq when later: computed, never counted
 * row by row). One query per
 * page: the membership index gives the user's conversations, the unique (conversation, seq) key
 * the last message, and a join the direct peer's name and read cursor. Keyset paging on (activity, id).
 */
@Singleton
public class ConversationList {
    private static final String SQL = """
            SELECT c.id, c.kind, c.last_seq, m.joined_seq,
                   GREATEST(m.last_read_seq, m.joined_seq) AS last_read_seq,
                   COALESCE(c.last_message_at, c.created_at) AS activity,
                   peer.user_id AS peer_id, peer.last_read_seq AS peer_read_seq,
                   u.display_name AS peer_name,
                   msg.id AS message_id, msg.sender_id, msg.recipient_id, msg.body,
                   msg.created_at AS message_at, msg.client_msg_id, msg.image
            FROM conversation_members m
            JOIN conversations c ON c.id = m.conversation_id
            LEFT JOIN conversation_members peer ON c.kind = 1
                 AND peer.conversation_id = c.id AND peer.user_id <> m.user_id
            LEFT JOIN users u ON u.id = peer.user_id
            LEFT JOIN messages msg ON msg.conversation_id = c.id AND msg.seq = c.last_seq
            WHERE m.user_id = ?
              AND (COALESCE(c.last_message_at, c.created_at) < ?
                   OR (COALESCE(c.last_message_at, c.created_at) = ? AND c.id < ?))
            ORDER BY COALESCE(c.last_message_at, c.created_at) DESC, c.id DESC
            LIMIT ?
            """;

    /** Before the first row: later than any activity, after any id. */
    private static final Cursor START = Cursor.after("~",
            Timestamp.valueOf("9999-12-31 00:00:00").getTime());

    private final JdbcOperations jdbc;
    private final PageLimits pages;

    ConversationList(JdbcOperations jdbc, PageLimits pages) {
        this.jdbc = jdbc;
        this.pages = pages;
    }

    @ReadOnly
    public Page<ConversationSummary> list(long userId, int limit, String cursor) {
        int size = pages.size(limit);
        // Descending by (activity, id): the cursor carries the id as text, the activity as id.
        Cursor after = Cursor.parse(cursor, START);
        List<ConversationSummary> rows = jdbc.prepareStatement(SQL, ps -> {
            ps.setLong(1, userId);
            ps.setTimestamp(2, new Timestamp(after.id()));
            ps.setTimestamp(3, new Timestamp(after.id()));
            ps.setString(4, after.text());
            ps.setInt(5, size + 1);
            List<ConversationSummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(summary(rs));
                }
            }
            return out;
        });
        return Page.of(rows, size, last -> Cursor.after(last.getConversationId(),
                last.getLastActivityMs()).encode());
    }

    private static ConversationSummary summary(ResultSet rs) throws SQLException {
        long lastSeq = rs.getLong("last_seq");
        long readSeq = Math.min(rs.getLong("last_read_seq"), lastSeq);
        Timestamp activity = rs.getTimestamp("activity");
        ConversationSummary.Builder b = ConversationSummary.newBuilder()
                .setConversationId(rs.getString("id"))
                .setKind(rs.getInt("kind"))
                .setLastSeq(lastSeq)
                .setReadSeq(readSeq)
                .setUnread(lastSeq - readSeq)
                .setPeerId(rs.getLong("peer_id"))
                .setPeerReadSeq(Math.min(rs.getLong("peer_read_seq"), lastSeq));
        String peerName = rs.getString("peer_name");
        if (peerName != null) {
            b.setPeerName(peerName);
        }
        if (activity != null) {
            b.setLastActivityMs(activity.getTime());
        }
        long messageId = rs.getLong("message_id");
        // a message from before the member joined is not theirs to see
        if (!rs.wasNull() && lastSeq > rs.getLong("joined_seq")) {
            ChatMessage.Builder last = ChatMessage.newBuilder();
            ImageRef image = ImageColumn.decode(rs.getString("image"));
            if (image != null) {
                last.setImage(image);
            }
            b.setLastMessage(last
                    .setMessageId(messageId)
                    .setConversationId(b.getConversationId())
                    .setSeq(lastSeq)
                    .setSenderId(rs.getLong("sender_id"))
                    .setRecipientId(rs.getLong("recipient_id"))
                    .setText(rs.getString("body"))
                    .setSentAtMs(rs.getTimestamp("message_at").getTime())
                    .setClientMsgId(rs.getString("client_msg_id")));
        }
        return b.build();
    }
}
