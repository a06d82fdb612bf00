package io.parley.logic.conversation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Allocates conversations' next seqs. Must run inside the transaction that inserts the messages:
 * the increment holds each conversation row's lock until that transaction commits, so concurrent
 * writers queue, and a rollback gives the seqs back. Hence seqs are strictly increasing and
 * gapless whatever crashes, with no counter in a cache to lose.
 * <p>
 * A fixed number of statements per batch, whatever the number of conversations: one
 * {@code UPDATE} per {@link BatchUpdateLimits#rowsPerUpdate} conversations raises their counters,
 * one {@code SELECT} reads them back, and the senders' read cursors move the same way
 * ({@link #sentBy}). Each update joins a derived table of the batch's keys and amounts to the
 * table ({@code STRAIGHT_JOIN}: the keys first, then an {@code eq_ref} look-up by primary key per
 * key), so it locks exactly the rows it changes, in the keys' order, which is id order across
 * the whole batch: two batches sharing conversations never lock in opposite orders. A plain
 * {@code WHERE id IN (…)} is no substitute: over a fair part of a small table it is planned as a
 * full index scan (even with {@code FORCE INDEX}), which locks every row it reads.
 */
@Singleton
public final class ConversationSeq {
    private final JdbcOperations jdbc;
    private final BatchUpdateLimits limits;

    ConversationSeq(JdbcOperations jdbc, BatchUpdateLimits limits) {
        this.jdbc = jdbc;
        this.limits = limits;
    }

    /**
     * Takes {@code counts.get(id)} seqs of every conversation; returns the first seq of each run
     * (the run is first .. first + count - 1).
     */
    public Map<String, Long> allocate(Map<String, Integer> counts, Instant at) {
        List<String> ordered = new ArrayList<>(new TreeSet<>(counts.keySet()));
        Timestamp when = Timestamp.from(at);
        for (List<String> part : parts(ordered)) {
            jdbc.prepareStatement("UPDATE " + keys(part.size(), "id", "n")
                    + " STRAIGHT_JOIN conversations c ON c.id = k.id "
                    + "SET c.last_seq = c.last_seq + k.n, c.last_message_at = ?", ps -> {
                int i = 1;
                for (String id : part) {
                    ps.setString(i++, id);
                    ps.setInt(i++, counts.get(id));
                }
                ps.setTimestamp(i, when);
                return ps.executeUpdate();
            });
        }
        Map<String, Long> first = jdbc.prepareStatement("SELECT id, last_seq FROM conversations "
                + "WHERE id IN (" + String.join(",", Collections.nCopies(ordered.size(), "?"))
                + ")", ps -> {
            int i = 1;
            for (String id : ordered) {
                ps.setString(i++, id);
            }
            Map<String, Long> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    out.put(id, rs.getLong(2) - counts.get(id) + 1);
                }
            }
            return out;
        });
        if (first.size() != ordered.size()) {
            List<String> missing = ordered.stream().filter(id -> !first.containsKey(id)).toList();
            throw new ParleyException(ErrorCode.INTERNAL, "no conversation " + missing);
        }
        return first;
    }

    /**
     * Moves senders' read cursors to their own messages, in the same transaction, after
     * {@link #allocate}: those conversations' locks already serialize every batch writing these
     * member rows.
     */
    public void sentBy(Collection<SentUpTo> cursors) {
        for (List<SentUpTo> part : parts(List.copyOf(cursors))) {
            jdbc.prepareStatement("UPDATE " + keys(part.size(), "c", "u", "s")
                    + " STRAIGHT_JOIN conversation_members m ON m.conversation_id = k.c "
                    + "AND m.user_id = k.u SET m.last_read_seq = GREATEST(m.last_read_seq, k.s)",
                    ps -> {
                        int i = 1;
                        for (SentUpTo c : part) {
                            ps.setString(i++, c.conversationId());
                            ps.setLong(i++, c.userId());
                            ps.setLong(i++, c.seq());
                        }
                        return ps.executeUpdate();
                    });
        }
    }

    /** A derived table {@code k} of {@code rows} rows of placeholders named {@code columns}. */
    private static String keys(int rows, String... columns) {
        String first = "SELECT " + String.join(", ", Arrays.stream(columns)
                .map(c -> "? AS " + c).toList());
        String next = " UNION ALL SELECT " + String.join(", ",
                Collections.nCopies(columns.length, "?"));
        return "(" + first + next.repeat(rows - 1) + ") k";
    }

    private <T> List<List<T>> parts(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += limits.rowsPerUpdate()) {
            out.add(all.subList(from, Math.min(all.size(), from + limits.rowsPerUpdate())));
        }
        return out;
    }
}
