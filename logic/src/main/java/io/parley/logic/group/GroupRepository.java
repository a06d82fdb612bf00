package io.parley.logic.group;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** {@code groups}; "groups" is a reserved word in MySQL 8, hence the back-ticks. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface GroupRepository extends GenericRepository<Group, Long> {
    String COLUMNS = "id, name, avatar_url, notice, join_policy, owner_id, member_count, "
            + "dissolved_at, created_at";

    @Query("INSERT INTO `groups` (" + COLUMNS + ") VALUES (:id, :name, :avatarUrl, :notice, "
            + ":joinPolicy, :ownerId, :memberCount, NULL, :createdAt)")
    void insert(long id, String name, String avatarUrl, String notice, String joinPolicy,
                long ownerId, int memberCount, Instant createdAt);

    @Query("SELECT " + COLUMNS + " FROM `groups` WHERE id = :id AND dissolved_at IS NULL")
    Optional<Group> findLive(long id);

    @Query("SELECT " + COLUMNS + " FROM `groups` WHERE id IN (:ids) AND dissolved_at IS NULL "
            + "ORDER BY id")
    List<Group> findLive(Collection<Long> ids);

    @Query("UPDATE `groups` SET name = :name, avatar_url = :avatarUrl, notice = :notice, "
            + "join_policy = :joinPolicy WHERE id = :id AND dissolved_at IS NULL")
    long updateProfile(long id, String name, String avatarUrl, String notice, String joinPolicy);

    @Query("UPDATE `groups` SET member_count = member_count + :delta WHERE id = :id")
    void addToMemberCount(long id, int delta);

    @Query("UPDATE `groups` SET owner_id = :ownerId WHERE id = :id")
    void setOwner(long id, long ownerId);

    @Query("UPDATE `groups` SET dissolved_at = :at, member_count = 0 WHERE id = :id")
    void dissolve(long id, Instant at);
}
