package io.parley.logic.conversation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ConversationRepository extends GenericRepository<Conversation, String> {

    @Query("INSERT IGNORE INTO conversations (id, kind, last_seq, created_at) "
            + "VALUES (:id, :kind, 0, :at)")
    void insertIfAbsent(String id, int kind, Instant at);

    @Query("INSERT IGNORE INTO conversation_members (conversation_id, user_id, joined_at) "
            + "VALUES (:conversationId, :userId, :at)")
    void addMemberIfAbsent(String conversationId, long userId, Instant at);

    /** A member who sees the conversation from its current last seq on. */
    @Query("INSERT IGNORE INTO conversation_members (conversation_id, user_id, joined_at, "
            + "joined_seq) SELECT :conversationId, :userId, :at, last_seq FROM conversations "
            + "WHERE id = :conversationId")
    void addMemberFromNow(String conversationId, long userId, Instant at);

    @Query("DELETE FROM conversation_members WHERE conversation_id = :conversationId "
            + "AND user_id = :userId")
    void removeMember(String conversationId, long userId);

    @Query("DELETE FROM conversation_members WHERE conversation_id = :conversationId")
    void removeAllMembers(String conversationId);
}
