package io.parley.logic.group;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code group_invite_codes}. Every write of a group's codes runs under the group's lock
 * ({@link GroupChanges}), so a use and a revocation of one code never interleave.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface InviteCodeRepository extends GenericRepository<Group, Long> {
    String SELECT = "SELECT code, group_id, created_by, created_at, expires_at, max_uses, uses, "
            + "revoked_at FROM group_invite_codes ";

    @Query("INSERT INTO group_invite_codes (code, group_id, created_by, created_at, expires_at, "
            + "max_uses) VALUES (:code, :groupId, :createdBy, :createdAt, :expiresAt, :maxUses)")
    void insert(String code, long groupId, long createdBy, Instant createdAt,
                @Nullable Instant expiresAt, @Nullable Integer maxUses);

    @Query(SELECT + "WHERE code = :code")
    Optional<InviteCode> find(String code);

    /** The group's codes not revoked and not expired, newest first (used-up ones included). */
    @Query(SELECT + "WHERE group_id = :groupId AND revoked_at IS NULL AND (expires_at IS NULL "
            + "OR expires_at > :now) ORDER BY created_at DESC, code")
    List<InviteCode> listLive(long groupId, Instant now);

    @Query("UPDATE group_invite_codes SET uses = uses + 1 WHERE code = :code")
    long use(String code);

    @Query("UPDATE group_invite_codes SET revoked_at = :at WHERE code = :code AND group_id = "
            + ":groupId AND revoked_at IS NULL")
    long revoke(String code, long groupId, Instant at);
}
