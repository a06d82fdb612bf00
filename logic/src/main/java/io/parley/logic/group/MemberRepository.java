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
 * {@code group_members}, read by its primary key (group, user) or its (user, group) index. Every
 * query is written out; the repository names {@link Group} only because Micronaut Data wants an
 * entity type.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface MemberRepository extends GenericRepository<Group, Long> {

    @Query("SELECT role FROM group_members WHERE group_id = :groupId AND user_id = :userId")
    Optional<String> findRole(long groupId, long userId);

    @Query("INSERT INTO group_members (group_id, user_id, role, joined_at) "
            + "VALUES (:groupId, :userId, :role, :at)")
    void insert(long groupId, long userId, String role, Instant at);

    @Query("DELETE FROM group_members WHERE group_id = :groupId AND user_id = :userId")
    long delete(long groupId, long userId);

    @Query("DELETE FROM group_members WHERE group_id = :groupId")
    long deleteAll(long groupId);

    @Query("UPDATE group_members SET role = :role WHERE group_id = :groupId AND user_id = :userId")
    long setRole(long groupId, long userId, String role);

    /** One page, names joined in the same query; {@code afterUserId} is the keyset cursor. */
    @Query("SELECT m.user_id, u.display_name, m.role, m.joined_at FROM group_members m "
            + "JOIN users u ON u.id = m.user_id WHERE m.group_id = :groupId "
            + "AND m.user_id > :afterUserId ORDER BY m.user_id LIMIT :limit")
    List<MemberView> page(long groupId, long afterUserId, int limit);

    @Query("SELECT m.user_id, u.display_name, m.role, m.joined_at FROM group_members m "
            + "JOIN users u ON u.id = m.user_id WHERE m.group_id = :groupId "
            + "AND m.user_id = :userId")
    Optional<MemberView> findView(long groupId, long userId);

    @Query("SELECT user_id, role FROM group_members WHERE group_id = :groupId")
    List<MemberRole> all(long groupId);

    @Query("SELECT group_id, role FROM group_members WHERE user_id = :userId")
    List<GroupRole> groupsOf(long userId);

    @Query("SELECT user_id FROM group_members WHERE group_id = :groupId AND user_id IN (:userIds)")
    List<Long> membersAmong(long groupId, Collection<Long> userIds);

    @Query("SELECT id FROM users WHERE id IN (:userIds)")
    List<Long> existingUsers(Collection<Long> userIds);
}
