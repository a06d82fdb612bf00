package io.parley.logic.conversation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Allocates conversations' next seqs. Must run inside the transaction that inserts the messages:
 * the increment holds each conversation row's lock until that transaction commits, so concurrent
 * writers queue, and a rollback gives the seqs back. Hence seqs are strictly increasing and
 * gapless whatever crashes, with no counter in a cache to lose. A batch takes a run of seqs per
 * conversation with one UPDATE each (in id order, so two batches never lock in opposite orders)
 * and reads them back with one SELECT.
 */
@Singleton
public final class ConversationSeq {
    private final JdbcOperations jdbc;

    ConversationSeq(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes {@code counts.get(id)} seqs of every conversation; returns the first seq of each run
     * (the run is first .. first + count - 1).
     */
    public Map<String, Long> allocate(Map<String, Integer> counts, Instant at) {
        TreeMap<String, Integer> ordered = new TreeMap<>(counts);
        Timestamp when = Timestamp.from(at);
        jdbc.prepareStatement("UPDATE conversations SET last_seq = last_seq + ?, "
                + "last_message_at = ? WHERE id = ?", ps -> {
            for (Map.Entry<String, Integer> e : ordered.entrySet()) {
                ps.setInt(1, e.getValue());
                ps.setTimestamp(2, when);
                ps.setString(3, e.getKey());
                ps.addBatch();
            }
            return ps.executeBatch();
        });
        String marks = String.join(",", java.util.Collections.nCopies(ordered.size(), "?"));
        Map<String, Long> first = jdbc.prepareStatement("SELECT id, last_seq FROM conversations "
                + "WHERE id IN (" + marks + ")", ps -> {
            int i = 1;
            for (String id : ordered.keySet()) {
                ps.setString(i++, id);
            }
            Map<String, Long> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    out.put(id, rs.getLong(2) - ordered.get(id) + 1);
                }
            }
            return out;
        });
        if (first.size() != ordered.size()) {
            List<String> missing = ordered.keySet().stream().filter(id -> !first.containsKey(id))
                    .toList();
            throw new ParleyException(ErrorCode.INTERNAL, "no conversation " + missing);
        }
        return first;
    }

    /** Moves senders' read cursors to their own messages, in the same transaction. */
    public void sentBy(Collection<SentUpTo> cursors) {
        if (cursors.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("UPDATE conversation_members SET last_read_seq = "
                + "GREATEST(last_read_seq, ?) WHERE conversation_id = ? AND user_id = ?", ps -> {
            for (SentUpTo c : cursors) {
                ps.setLong(1, c.seq());
                ps.setString(2, c.conversationId());
                ps.setLong(3, c.userId());
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }
}
