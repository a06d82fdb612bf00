-- Profiles, friend requests, friendships and blocks (issue #4). V3 belongs to groups.
ALTER TABLE users
    ADD COLUMN avatar_url VARCHAR(512) NULL AFTER display_name,
    ADD COLUMN bio        VARCHAR(280) NULL AFTER avatar_url,
    -- name-prefix search pages on (display_name, id): LIKE 'prefix%' is a range of this index
    ADD KEY ix_users_display_name (display_name, id);

-- pending_pair is "from:to" only while the request is pending (NULL otherwise, and NULLs never
-- collide), so at most one pending request exists per ordered pair while history is kept.
CREATE TABLE friend_requests (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    from_user    BIGINT       NOT NULL,
    to_user      BIGINT       NOT NULL,
    greeting     VARCHAR(100) NOT NULL DEFAULT '',
    status       ENUM ('pending', 'accepted', 'rejected') NOT NULL DEFAULT 'pending',
    created_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    pending_pair VARCHAR(41) AS (IF(status = 'pending', CONCAT(from_user, ':', to_user), NULL))
        PERSISTENT,
    PRIMARY KEY (id),
    UNIQUE KEY uk_requests_pending_pair (pending_pair),
    KEY ix_requests_incoming (to_user, status, id),
    KEY ix_requests_outgoing (from_user, status, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Stored both ways: A-B is the rows (A, B) and (B, A), written and deleted together in one
-- transaction. Every read is then "WHERE user_id = me", a prefix of the primary key.
CREATE TABLE friends (
    user_id    BIGINT       NOT NULL,
    friend_id  BIGINT       NOT NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (user_id, friend_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One direction only: who blocked whom. "Blocked either way" reads the primary key and the
-- reverse index.
CREATE TABLE blocks (
    user_id    BIGINT       NOT NULL,
    blocked_id BIGINT       NOT NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (user_id, blocked_id),
    KEY ix_blocks_blocked (blocked_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
