package io.parley.logic.friend;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface RequestRepository extends CrudRepository<FriendRequest, Long> {

    @Query("SELECT * FROM friend_requests "
            + "WHERE from_user = :fromUser AND to_user = :toUser AND status = 'pending'")
    Optional<FriendRequest> findPending(long fromUser, long toUser);

    /** Decides a request only while it is pending; 0 when it was decided already. */
    @Query("UPDATE friend_requests SET status = :status, updated_at = :at "
            + "WHERE id = :id AND status = 'pending'")
    long decide(long id, String status, Instant at);

    @Query("DELETE FROM friend_requests WHERE status = 'pending' "
            + "AND ((from_user = :a AND to_user = :b) OR (from_user = :b AND to_user = :a))")
    long deletePendingBetween(long a, long b);

    /** Newest first, before a request id; one join for the senders' names. */
    @Query("SELECT r.id, r.from_user, r.to_user, r.greeting, r.status, r.created_at, "
            + "u.display_name AS other_name, u.avatar_url AS other_avatar_url "
            + "FROM friend_requests r JOIN users u ON u.id = r.from_user "
            + "WHERE r.to_user = :userId AND r.status = 'pending' AND r.id < :beforeId "
            + "ORDER BY r.id DESC LIMIT :limit")
    List<RequestView> findIncoming(long userId, long beforeId, int limit);

    @Query("SELECT r.id, r.from_user, r.to_user, r.greeting, r.status, r.created_at, "
            + "u.display_name AS other_name, u.avatar_url AS other_avatar_url "
            + "FROM friend_requests r JOIN users u ON u.id = r.to_user "
            + "WHERE r.from_user = :userId AND r.status = 'pending' AND r.id < :beforeId "
            + "ORDER BY r.id DESC LIMIT :limit")
    List<RequestView> findOutgoing(long userId, long beforeId, int limit);
}
