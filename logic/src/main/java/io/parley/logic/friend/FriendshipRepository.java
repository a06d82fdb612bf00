package io.parley.logic.friend;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface FriendshipRepository extends GenericRepository<Friendship, Long> {

    /**
     * Locks both users' rows, in id order so that two transactions locking the same pair cannot
     * deadlock, until commit; returns the ids found (fewer than two: someone does not exist).
     */
    @Query("SELECT id FROM users WHERE id IN (:a, :b) ORDER BY id FOR UPDATE")
    List<Long> lockUsers(long a, long b);

    @Query("SELECT COUNT(*) FROM friends WHERE user_id = :a AND friend_id = :b")
    long countEdge(long a, long b);

    @Query("INSERT IGNORE INTO friends (user_id, friend_id, created_at) "
            + "VALUES (:a, :b, :at), (:b, :a, :at)")
    void insertBothWays(long a, long b, Instant at);

    @Query("DELETE FROM friends "
            + "WHERE (user_id = :a AND friend_id = :b) OR (user_id = :b AND friend_id = :a)")
    long deleteBothWays(long a, long b);

    /** One page of my friends in id order, names by one join. */
    @Query("SELECT u.id AS user_id, u.display_name, u.avatar_url, f.created_at AS since "
            + "FROM friends f JOIN users u ON u.id = f.friend_id "
            + "WHERE f.user_id = :userId AND f.friend_id > :afterId "
            + "ORDER BY f.friend_id LIMIT :limit")
    List<RelatedUser> findPage(long userId, long afterId, int limit);

    @Query("SELECT u.id AS user_id, u.display_name, u.avatar_url, f.created_at AS since "
            + "FROM friends f JOIN users u ON u.id = f.friend_id "
            + "WHERE f.user_id = :userId AND f.friend_id = :friendId")
    List<RelatedUser> findOne(long userId, long friendId);

    /** Up to {@code limit} friend ids of a user (who to tell when they come online). */
    @Query("SELECT friend_id FROM friends WHERE user_id = :userId ORDER BY friend_id LIMIT :limit")
    List<Long> findFriendIds(long userId, int limit);
}
