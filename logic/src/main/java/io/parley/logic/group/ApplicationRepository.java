package io.parley.logic.group;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * {@code group_applications}; at most one pending row per (group, user), by a unique key. Every
 * query is written out ({@link Group} is only the entity type Micronaut Data wants).
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface ApplicationRepository extends GenericRepository<Group, Long> {
    String SELECT = "SELECT a.id, a.group_id, a.user_id, u.display_name, a.message, a.status, "
            + "a.created_at FROM group_applications a JOIN users u ON u.id = a.user_id ";

    @Query("INSERT INTO group_applications (id, group_id, user_id, message, status, created_at) "
            + "VALUES (:id, :groupId, :userId, :message, 'pending', :at)")
    void insert(long id, long groupId, long userId, String message, Instant at);

    @Query(SELECT + "WHERE a.group_id = :groupId AND a.pending_user = :userId")
    Optional<Application> findPending(long groupId, long userId);

    @Query(SELECT + "WHERE a.id = :id AND a.group_id = :groupId AND a.status = 'pending'")
    Optional<Application> findPendingById(long groupId, long id);

    @Query(SELECT + "WHERE a.group_id = :groupId AND a.status = 'pending' ORDER BY a.created_at, "
            + "a.id")
    List<Application> listPending(long groupId);

    @Query("UPDATE group_applications SET status = :status, decided_at = :at, "
            + "decided_by = :decidedBy WHERE id = :id AND status = 'pending'")
    long decide(long id, String status, Instant at, long decidedBy);

    /** Users who became members some other way no longer wait for a decision. */
    @Query("UPDATE group_applications SET status = 'approved', decided_at = :at, "
            + "decided_by = :decidedBy WHERE group_id = :groupId AND pending_user IN (:userIds)")
    long settleFor(long groupId, Collection<Long> userIds, Instant at, long decidedBy);

    @Query("UPDATE group_applications SET status = 'rejected', decided_at = :at, "
            + "decided_by = :decidedBy WHERE group_id = :groupId AND status = 'pending'")
    long rejectAll(long groupId, Instant at, long decidedBy);
}
