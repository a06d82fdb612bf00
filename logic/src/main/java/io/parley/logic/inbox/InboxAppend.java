package io.parley.logic.inbox;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.parley.contracts.proto.ChatMessage;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/**
 * Appends a just-inserted message to the inbox of every member of its conversation, when the
 * conversation is written by write diffusion. Must run inside the message's transaction: each
 * member's inbox counter row stays locked until commit, so inbox seqs are gapless per user and a
 * rollback gives them back. Two statements whatever the member count: the counters of all members
 * are raised in user id order (one lock order for every writer, so no deadlock between two
 * conversations sharing members), then the rows are inserted from the raised counters.
 */
@Singleton
public class InboxAppend {
    private static final String RAISE = "INSERT INTO inbox_seqs (user_id, last_seq) "
            + "SELECT user_id, 1 FROM conversation_members WHERE conversation_id = ? "
            + "ORDER BY user_id ON DUPLICATE KEY UPDATE last_seq = inbox_seqs.last_seq + 1";
    private static final String APPEND = "INSERT INTO inbox (user_id, inbox_seq, conversation_id, "
            + "seq, message_id) SELECT s.user_id, s.last_seq, ?, ?, ? FROM conversation_members m "
            + "JOIN inbox_seqs s ON s.user_id = m.user_id WHERE m.conversation_id = ?";

    private final JdbcOperations jdbc;
    private final Diffusion diffusion;

    InboxAppend(JdbcOperations jdbc, Diffusion diffusion) {
        this.jdbc = jdbc;
        this.diffusion = diffusion;
    }

    /** @return the mode the message was written with */
    @Transactional(Transactional.TxType.MANDATORY)
    public Diffusion.Mode append(ChatMessage message) {
        Diffusion.Mode mode = diffusion.of(message.getConversationId());
        if (mode == Diffusion.Mode.READ) {
            return mode;
        }
        jdbc.prepareStatement(RAISE, ps -> {
            ps.setString(1, message.getConversationId());
            return ps.executeUpdate();
        });
        jdbc.prepareStatement(APPEND, ps -> {
            ps.setString(1, message.getConversationId());
            ps.setLong(2, message.getSeq());
            ps.setLong(3, message.getMessageId());
            ps.setString(4, message.getConversationId());
            return ps.executeUpdate();
        });
        return mode;
    }
}
