package io.parley.logic.conversation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.parley.contracts.proto.Reader;
import io.parley.contracts.proto.ReadersReply;
import io.parley.logic.page.Cursor;
import io.parley.logic.page.Page;
import io.parley.logic.page.PageLimits;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Read receipts from the members' read cursors: a member has read the message at seq when their
 * {@code last_read_seq} reached it. No row per member per message, so a 10,000-member group costs
 * one indexed count (on (conversation_id, last_read_seq)) and, on request, pages of names.
 */
@Singleton
public class Readers {
    private final JdbcOperations jdbc;
    private final ReadCursor members;
    private final PageLimits pages;

    Readers(JdbcOperations jdbc, ReadCursor members, PageLimits pages) {
        this.jdbc = jdbc;
        this.members = members;
        this.pages = pages;
    }

    @ReadOnly
    public ReadersReply of(long userId, String conversationId, long seq, int limit,
                           String cursor) {
        int size = pages.size(limit);
        members.requireMember(userId, conversationId);
        long sender = senderOf(conversationId, seq);
        long[] counts = jdbc.prepareStatement("""
                SELECT SUM(last_read_seq >= ?), COUNT(*) FROM conversation_members
                WHERE conversation_id = ? AND user_id <> ?
                """, ps -> {
                    ps.setLong(1, seq);
                    ps.setString(2, conversationId);
                    ps.setLong(3, sender);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return new long[] {rs.getLong(1), rs.getLong(2)};
                    }
                });
        long after = Cursor.parse(cursor, Cursor.START).id();
        List<Reader> rows = jdbc.prepareStatement("""
                SELECT m.user_id, u.display_name, m.last_read_seq
                FROM conversation_members m JOIN users u ON u.id = m.user_id
                WHERE m.conversation_id = ? AND m.last_read_seq >= ? AND m.user_id <> ?
                  AND m.user_id > ?
                ORDER BY m.user_id LIMIT ?
                """, ps -> {
                    ps.setString(1, conversationId);
                    ps.setLong(2, seq);
                    ps.setLong(3, sender);
                    ps.setLong(4, after);
                    ps.setInt(5, size + 1);
                    List<Reader> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(Reader.newBuilder().setUserId(rs.getLong(1))
                                    .setDisplayName(rs.getString(2)).setReadSeq(rs.getLong(3))
                                    .build());
                        }
                    }
                    return out;
                });
        Page<Reader> page = Page.of(rows, size, r -> Cursor.after(r.getUserId()).encode());
        return ReadersReply.newBuilder().setReadCount(counts[0]).setMemberCount(counts[1])
                .addAllReaders(page.items())
                .setNextCursor(page.nextCursor() == null ? "" : page.nextCursor()).build();
    }

    private long senderOf(String conversationId, long seq) {
        return jdbc.prepareStatement("SELECT sender_id FROM messages "
                + "WHERE conversation_id = ? AND seq = ?", ps -> {
                    ps.setString(1, conversationId);
                    ps.setLong(2, seq);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getLong(1) : 0L;
                    }
                });
    }
}
