package io.parley.logic.inbox;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.proto.Badge;
import io.parley.contracts.proto.ChatMessage;
import io.parley.contracts.proto.ImageRef;
import io.parley.contracts.proto.InboxEntry;
import io.parley.contracts.proto.RoomState;
import io.parley.contracts.proto.SyncReply;
import io.parley.logic.page.PageLimits;
import io.parley.logic.image.ImageColumn;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reconnecting device asks once: its inbox after inbox seq N (a range of the inbox's
 * primary key, joined to the messages) and, for each large group it belongs to, the group's seq
 * and its read cursor, and the badges (mentions, mute) of its conversations. Read in one
 * read-only transaction, so the inbox seq and the pages agree.
 */
@Singleton
public class InboxSync {
    private static final String ENTRIES = "SELECT i.inbox_seq, m.id, m.conversation_id, m.seq, "
            + "m.sender_id, m.recipient_id, m.client_msg_id, m.body, m.created_at, m.recalled_at, "
            + "m.image "
            + "FROM inbox i "
            + "JOIN messages m ON m.id = i.message_id WHERE i.user_id = ? AND i.inbox_seq > ? "
            + "ORDER BY i.inbox_seq LIMIT ?";
    private static final String ROOMS = "SELECT c.id, c.last_seq, "
            + "GREATEST(cm.last_read_seq, cm.joined_seq) "
            + "FROM group_members gm JOIN `groups` g ON g.id = gm.group_id "
            + "JOIN conversation_members cm ON cm.conversation_id = CONCAT('g_', gm.group_id) "
            + "AND cm.user_id = gm.user_id JOIN conversations c ON c.id = cm.conversation_id "
            + "WHERE gm.user_id = ? AND g.member_count > ? ORDER BY c.id";
    private static final String BADGES = "SELECT conversation_id, muted, mentions FROM ("
            + "SELECT m.conversation_id, m.muted, (SELECT COUNT(*) FROM message_mentions x "
            + "WHERE x.conversation_id = m.conversation_id AND x.user_id IN (0, m.user_id) "
            + "AND x.seq > GREATEST(m.last_read_seq, m.joined_seq) "
            + "AND x.sender_id <> m.user_id) AS mentions "
            + "FROM conversation_members m WHERE m.user_id = ?) b "
            + "WHERE muted = 1 OR mentions > 0 ORDER BY conversation_id";

    private final JdbcOperations jdbc;
    private final Diffusion diffusion;
    private final PageLimits pages;

    InboxSync(JdbcOperations jdbc, Diffusion diffusion, PageLimits pages) {
        this.jdbc = jdbc;
        this.diffusion = diffusion;
        this.pages = pages;
    }

    @ReadOnly
    public SyncReply after(long userId, long afterInboxSeq, int limit) {
        if (afterInboxSeq < 0) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED,
                    "afterInboxSeq must not be negative");
        }
        int size = pages.size(limit);
        List<InboxEntry> entries = entries(userId, afterInboxSeq, size + 1);
        boolean more = entries.size() > size;
        return SyncReply.newBuilder()
                .addAllEntries(more ? entries.subList(0, size) : entries)
                .setHasMore(more)
                .setInboxSeq(inboxSeq(userId))
                .addAllLargeGroups(rooms(userId))
                .addAllBadges(badges(userId))
                .build();
    }

    private List<InboxEntry> entries(long userId, long after, int limit) {
        return jdbc.prepareStatement(ENTRIES, ps -> {
            ps.setLong(1, userId);
            ps.setLong(2, after);
            ps.setInt(3, limit);
            List<InboxEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ChatMessage.Builder message = ChatMessage.newBuilder();
                    ImageRef image = ImageColumn.decode(rs.getString(11));
                    if (image != null) {
                        message.setImage(image);
                    }
                    out.add(InboxEntry.newBuilder().setInboxSeq(rs.getLong(1))
                            .setMessage(message
                                    .setMessageId(rs.getLong(2))
                                    .setConversationId(rs.getString(3))
                                    .setSeq(rs.getLong(4))
                                    .setSenderId(rs.getLong(5))
                                    .setRecipientId(rs.getLong(6))
                                    .setClientMsgId(rs.getString(7))
                                    .setText(rs.getString(8))
                                    .setSentAtMs(rs.getTimestamp(9).getTime())
                                    .setRecalledAtMs(rs.getTimestamp(10) == null ? 0
                                            : rs.getTimestamp(10).getTime()))
                            .build());
                }
            }
            return out;
        });
    }

    private long inboxSeq(long userId) {
        return jdbc.prepareStatement("SELECT last_seq FROM inbox_seqs WHERE user_id = ?", ps -> {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    private List<Badge> badges(long userId) {
        return jdbc.prepareStatement(BADGES, ps -> {
            ps.setLong(1, userId);
            List<Badge> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Badge.newBuilder().setConversationId(rs.getString(1))
                            .setMuted(rs.getBoolean(2)).setMentions(rs.getLong(3)).build());
                }
            }
            return out;
        });
    }

    private List<RoomState> rooms(long userId) {
        return jdbc.prepareStatement(ROOMS, ps -> {
            ps.setLong(1, userId);
            ps.setInt(2, diffusion.threshold());
            List<RoomState> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long last = rs.getLong(2);
                    long read = Math.min(rs.getLong(3), last);
                    out.add(RoomState.newBuilder().setConversationId(rs.getString(1))
                            .setLastSeq(last).setReadSeq(read).setUnread(last - read).build());
                }
            }
            return out;
        });
    }
}
