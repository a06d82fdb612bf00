package io.parley.logic.message;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.parley.contracts.proto.ChatMessage;
import io.parley.contracts.proto.HistoryReply;
import io.parley.logic.page.PageLimits;
import io.parley.logic.conversation.ReadCursor;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Pages of one conversation's messages by seq, for members only and from where they joined
 * ({@code joined_seq}, see {@code im.logic.group.history-from-join}): backwards from a seq
 * (scroll back, from any device) or forwards after a seq (catch up after being offline). Both
 * walk the unique (conversation_id, seq) index.
 */
@Singleton
public class History {
    private static final String COLUMNS = "SELECT " + Message.COLUMNS + " FROM messages ";

    /** {@code afterSeq} when none was given: page backwards. */
    public static final long NO_AFTER_SEQ = -1;

    private final JdbcOperations jdbc;
    private final ReadCursor members;
    private final PageLimits pages;

    History(JdbcOperations jdbc, ReadCursor members, PageLimits pages) {
        this.jdbc = jdbc;
        this.members = members;
        this.pages = pages;
    }

    /**
     * Forwards after {@code afterSeq} when it is 0 or more (0: from seq 1), else backwards before
     * {@code beforeSeq} (0: from the newest).
     */
    @ReadOnly
    public HistoryReply page(long userId, String conversationId, long beforeSeq, long afterSeq,
                             int limit) {
        int size = pages.size(limit);
        long joined = members.joinedSeq(userId, conversationId);
        boolean forwards = afterSeq >= 0;
        String sql = COLUMNS + (forwards
                ? "WHERE conversation_id = ? AND seq > ? ORDER BY seq ASC LIMIT ?"
                : "WHERE conversation_id = ? AND seq < ? AND seq > ? ORDER BY seq DESC LIMIT ?");
        List<ChatMessage> rows = jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, conversationId);
            if (forwards) {
                ps.setLong(2, Math.max(afterSeq, joined));
                ps.setInt(3, size + 1);
            } else {
                ps.setLong(2, beforeSeq > 0 ? beforeSeq : Long.MAX_VALUE);
                ps.setLong(3, joined);
                ps.setInt(4, size + 1);
            }
            List<ChatMessage> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Message.read(rs).toProto());
                }
            }
            return out;
        });
        boolean more = rows.size() > size;
        List<ChatMessage> page = new ArrayList<>(more ? rows.subList(0, size) : rows);
        if (!forwards) {
            Collections.reverse(page);
        }
        return HistoryReply.newBuilder().addAllMessages(page).setHasMore(more).build();
    }
}
