package io.parley.logic.inbox;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.parley.contracts.proto.ChatMessage;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Appends a batch of just-inserted messages to the inbox of every member of their conversations,
 * for the conversations written by write diffusion. Must run inside the messages' transaction:
 * each member's inbox counter row stays locked until commit, so inbox seqs are gapless per user
 * and a rollback gives them back. A fixed number of statements per batch, whatever the number of
 * messages and members: the members of all the batch's write-diffused conversations (one read),
 * every member's counter raised by the number of rows they get, in user id order across the
 * whole batch (one lock order for every writer, so no deadlock between two batches sharing
 * members), the raised counters read back, and the rows inserted, numbered from them in the
 * batch's order. Statements are split every {@value #CHUNK} rows to stay under the driver's
 * placeholder limit.
 */
@Singleton
public class InboxAppend {
    static final int CHUNK = 1000;

    private final JdbcOperations jdbc;
    private final Diffusion diffusion;

    InboxAppend(JdbcOperations jdbc, Diffusion diffusion) {
        this.jdbc = jdbc;
        this.diffusion = diffusion;
    }

    /**
     * {@code rows}: the batch's messages, each conversation's in seq order. Returns, for each
     * write-diffused conversation of the batch, its members who muted it, from the same read of
     * its members (the fan-out needs them and need not read them again).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Set<Long>> append(List<ChatMessage> rows) {
        Set<String> conversations = new LinkedHashSet<>();
        rows.forEach(m -> conversations.add(m.getConversationId()));
        Map<String, Diffusion.Mode> modes = diffusion.of(conversations);
        List<String> written = conversations.stream()
                .filter(c -> modes.get(c) == Diffusion.Mode.WRITE).toList();
        if (written.isEmpty()) {
            return Map.of();
        }
        Map<String, Set<Long>> muted = new HashMap<>();
        written.forEach(c -> muted.put(c, new HashSet<>()));
        Map<String, List<Long>> members = members(written, muted);
        TreeMap<Long, Long> counts = new TreeMap<>();
        for (ChatMessage m : rows) {
            for (long user : members.getOrDefault(m.getConversationId(), List.of())) {
                counts.merge(user, 1L, Long::sum);
            }
        }
        if (counts.isEmpty()) {
            return muted;
        }
        raise(counts);
        Map<Long, Long> next = new HashMap<>();
        lastSeqs(counts.keySet()).forEach((user, last) -> next.put(user, last - counts.get(user) + 1));
        List<long[]> entries = new ArrayList<>();
        List<String> entryConversations = new ArrayList<>();
        for (ChatMessage m : rows) {
            for (long user : members.getOrDefault(m.getConversationId(), List.of())) {
                long inboxSeq = next.merge(user, 1L, Long::sum) - 1;
                entries.add(new long[] {user, inboxSeq, m.getSeq(), m.getMessageId()});
                entryConversations.add(m.getConversationId());
            }
        }
        insert(entries, entryConversations);
        return muted;
    }

    /** Each conversation's members; those who muted it also go into {@code muted}. */
    private Map<String, List<Long>> members(List<String> conversationIds,
                                            Map<String, Set<Long>> muted) {
        Map<String, List<Long>> out = new HashMap<>();
        for (List<String> part : chunks(conversationIds)) {
            jdbc.prepareStatement("SELECT conversation_id, user_id, muted FROM conversation_members "
                    + "WHERE conversation_id IN (" + marks(part.size()) + ")", ps -> {
                for (int i = 0; i < part.size(); i++) {
                    ps.setString(i + 1, part.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), c -> new ArrayList<>())
                                .add(rs.getLong(2));
                        if (rs.getBoolean(3)) {
                            muted.get(rs.getString(1)).add(rs.getLong(2));
                        }
                    }
                }
                return null;
            });
        }
        return out;
    }

    /** Raises each user's counter by their count, in user id order (the map is sorted). */
    private void raise(TreeMap<Long, Long> counts) {
        List<Map.Entry<Long, Long>> all = new ArrayList<>(counts.entrySet());
        for (List<Map.Entry<Long, Long>> part : chunks(all)) {
            jdbc.prepareStatement("INSERT INTO inbox_seqs (user_id, last_seq) VALUES "
                    + String.join(",", Collections.nCopies(part.size(), "(?,?)"))
                    + " ON DUPLICATE KEY UPDATE last_seq = inbox_seqs.last_seq + VALUES(last_seq)",
                    ps -> {
                        int i = 1;
                        for (Map.Entry<Long, Long> e : part) {
                            ps.setLong(i++, e.getKey());
                            ps.setLong(i++, e.getValue());
                        }
                        return ps.executeUpdate();
                    });
        }
    }

    /** The counters just raised: this transaction holds their locks, so it reads its own. */
    private Map<Long, Long> lastSeqs(Set<Long> users) {
        Map<Long, Long> out = new HashMap<>();
        for (List<Long> part : chunks(new ArrayList<>(users))) {
            jdbc.prepareStatement("SELECT user_id, last_seq FROM inbox_seqs WHERE user_id IN ("
                    + marks(part.size()) + ")", ps -> {
                for (int i = 0; i < part.size(); i++) {
                    ps.setLong(i + 1, part.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), rs.getLong(2));
                    }
                }
                return null;
            });
        }
        return out;
    }

    private void insert(List<long[]> entries, List<String> conversationIds) {
        for (int from = 0; from < entries.size(); from += CHUNK) {
            int to = Math.min(entries.size(), from + CHUNK);
            int start = from;
            jdbc.prepareStatement("INSERT INTO inbox (user_id, inbox_seq, conversation_id, seq, "
                    + "message_id) VALUES " + String.join(",",
                    Collections.nCopies(to - from, "(?,?,?,?,?)")), ps -> {
                int i = 1;
                for (int r = start; r < to; r++) {
                    long[] e = entries.get(r);
                    ps.setLong(i++, e[0]);
                    ps.setLong(i++, e[1]);
                    ps.setString(i++, conversationIds.get(r));
                    ps.setLong(i++, e[2]);
                    ps.setLong(i++, e[3]);
                }
                return ps.executeUpdate();
            });
        }
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            out.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return out;
    }
}
