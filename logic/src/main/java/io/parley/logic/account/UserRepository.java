package io.parley.logic.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface UserRepository extends CrudRepository<User, Long> {
    Optional<User> findByPhone(String phone);

    /**
     * Sets only the flagged fields, in one statement: two concurrent updates of different fields
     * of one user both survive.
     */
    @Query("UPDATE users SET display_name = IF(:setName, :displayName, display_name), "
            + "avatar_url = IF(:setAvatar, :avatarUrl, avatar_url), "
            + "bio = IF(:setBio, :bio, bio) WHERE id = :id")
    long updateProfile(long id, boolean setName, @Nullable String displayName,
                       boolean setAvatar, @Nullable String avatarUrl,
                       boolean setBio, @Nullable String bio);

    /**
     * One keyset page of users whose name starts with a prefix, in (display_name, id) order: a
     * range scan of {@code ix_users_display_name}. {@code pattern} is the escaped prefix + '%'.
     */
    @Query("SELECT * FROM users WHERE display_name LIKE :pattern "
            + "AND (display_name > :afterName OR (display_name = :afterName AND id > :afterId)) "
            + "ORDER BY display_name, id LIMIT :limit")
    List<User> findByNamePrefix(String pattern, String afterName, long afterId, int limit);
}
