package io.parley.logic.friend;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface BlockRepository extends GenericRepository<Block, Long> {

    @Query("INSERT IGNORE INTO blocks (user_id, blocked_id, created_at) "
            + "VALUES (:userId, :blockedId, :at)")
    void insert(long userId, long blockedId, Instant at);

    @Query("DELETE FROM blocks WHERE user_id = :userId AND blocked_id = :blockedId")
    long delete(long userId, long blockedId);

    /** Whoever blocked whom: the answer a blocked user gets must not say which. */
    @Query("SELECT COUNT(*) FROM blocks "
            + "WHERE (user_id = :a AND blocked_id = :b) OR (user_id = :b AND blocked_id = :a)")
    long countEitherWay(long a, long b);

    @Query("SELECT u.id AS user_id, u.display_name, u.avatar_url, b.created_at AS since "
            + "FROM blocks b JOIN users u ON u.id = b.blocked_id "
            + "WHERE b.user_id = :userId AND b.blocked_id > :afterId "
            + "ORDER BY b.blocked_id LIMIT :limit")
    List<RelatedUser> findPage(long userId, long afterId, int limit);
}
