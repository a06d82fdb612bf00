package io.parley.logic.message;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.parley.contracts.proto.ChatMessage;
import io.parley.logic.conversation.ConversationSeq;
import io.parley.logic.conversation.SentUpTo;
import io.parley.logic.ids.SnowflakeIds;
import io.parley.logic.image.ImageColumn;
import io.parley.logic.image.Images;
import io.parley.logic.inbox.InboxAppend;
import io.parley.logic.mention.Mentions;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one transaction of a batch of sends (a group commit): a run of seqs per conversation (row
 * locks), ids, one multi-row INSERT, the senders' read cursors, the conversations that may now
 * read each sent image ({@link Images#sentIn}), one COMMIT, which releases the
 * seqs. The messages are stamped here, next to their seqs. When the unique key (sender, client
 * id) refuses a row, everything rolls back ({@link DuplicateSend}) and the seqs are given back.
 */
@Singleton
class MessageWriter {
    private static final String INSERT = "INSERT INTO messages (id, conversation_id, seq, "
            + "sender_id, recipient_id, client_msg_id, body, created_at, image) VALUES ";

    private final JdbcOperations jdbc;
    private final ConversationSeq seqs;
    private final SnowflakeIds ids;
    private final Clock clock;
    private final InboxAppend inbox;
    private final Mentions mentions;
    private final Images images;

    MessageWriter(JdbcOperations jdbc, ConversationSeq seqs, SnowflakeIds ids, Clock clock,
                  InboxAppend inbox, Mentions mentions, Images images) {
        this.images = images;
        this.jdbc = jdbc;
        this.seqs = seqs;
        this.ids = ids;
        this.clock = clock;
        this.inbox = inbox;
        this.mentions = mentions;
    }

    /**
     * The drafts as stored messages, in the same order; each conversation's in seq order; with
     * the muted members the inbox step read.
     */
    @Transactional
    Written insertAll(List<Draft> drafts) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Integer> counts = new LinkedHashMap<>();
        drafts.forEach(d -> counts.merge(d.conversationId(), 1, Integer::sum));
        Map<String, Long> next = new HashMap<>(seqs.allocate(counts, at));
        List<Message> rows = new ArrayList<>(drafts.size());
        Map<String, SentUpTo> cursors = new LinkedHashMap<>();
        Map<String, Set<String>> sentImages = new LinkedHashMap<>();
        for (Draft d : drafts) {
            long seq = next.merge(d.conversationId(), 1L, Long::sum) - 1;
            rows.add(new Message(ids.next(), d.conversationId(), seq, d.senderId(),
                    d.recipientId(), d.clientMsgId(), d.text(), at,
                    ImageColumn.encode(d.image())));
            if (d.image() != null) {
                sentImages.computeIfAbsent(d.image().getImageId(), k -> new LinkedHashSet<>())
                        .add(d.conversationId());
            }
            cursors.put(d.conversationId() + "/" + d.senderId(),
                    new SentUpTo(d.conversationId(), d.senderId(), seq));
        }
        insert(rows);
        sentImages.forEach(images::sentIn);
        seqs.sentBy(cursors.values());
        List<ChatMessage> stored = rows.stream().map(Message::toProto).toList();
        Map<String, Set<Long>> muted = inbox.append(stored);
        stored.forEach(mentions::record);
        return new Written(rows, muted);
    }

    private void insert(List<Message> rows) {
        String sql = INSERT + String.join(",", Collections.nCopies(rows.size(),
                "(?,?,?,?,?,?,?,?,?)"));
        try {
            jdbc.prepareStatement(sql, ps -> {
                int i = 1;
                for (Message m : rows) {
                    ps.setLong(i++, m.id());
                    ps.setString(i++, m.conversationId());
                    ps.setLong(i++, m.seq());
                    ps.setLong(i++, m.senderId());
                    if (m.recipientId() == null) {
                        ps.setNull(i++, Types.BIGINT);
                    } else {
                        ps.setLong(i++, m.recipientId());
                    }
                    ps.setString(i++, m.clientMsgId());
                    ps.setString(i++, m.body());
                    ps.setTimestamp(i++, Timestamp.from(m.createdAt()));
                    ps.setString(i++, m.image());
                }
                return ps.executeUpdate();
            });
        } catch (RuntimeException e) {
            if (refusedByClientKey(e)) {
                throw new DuplicateSend(e);
            }
            throw e;
        }
    }

    private static boolean refusedByClientKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException
                    && String.valueOf(t.getMessage()).contains("uk_messages_sender_client")) {
                return true;
            }
        }
        return false;
    }
}
