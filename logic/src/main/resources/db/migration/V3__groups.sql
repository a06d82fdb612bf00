-- Groups, their members and join applications. A group's conversation is the conversations row
-- g_<id> (kind 2); conversation_members follows group_members in the same transactions.

ALTER TABLE conversations MODIFY kind TINYINT NOT NULL COMMENT '1 = direct, 2 = group';

-- id is a Snowflake id. member_count is kept equal to the group's group_members rows by every
-- membership change, all of which run under the group's Redis lock. A dissolved group keeps its
-- row (dissolved_at set) but loses its members.
CREATE TABLE `groups` (
    id           BIGINT       NOT NULL,
    name         VARCHAR(64)  NOT NULL,
    avatar_url   VARCHAR(512) NOT NULL DEFAULT '',
    notice       VARCHAR(1000) NOT NULL DEFAULT '',
    join_policy  ENUM ('open', 'approval', 'invite') NOT NULL,
    owner_id     BIGINT       NOT NULL,
    member_count INT          NOT NULL,
    dissolved_at TIMESTAMP(3) NULL,
    created_at   TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The primary key pages a group's members by user id; ix_group_members_user lists a user's groups.
CREATE TABLE group_members (
    group_id  BIGINT       NOT NULL,
    user_id   BIGINT       NOT NULL,
    role      ENUM ('owner', 'admin', 'member') NOT NULL,
    joined_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (group_id, user_id),
    KEY ix_group_members_user (user_id, group_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- At most one pending application per (group, user): pending_user is the user id while pending
-- and NULL afterwards, and NULLs never collide in a unique key (MariaDB has no partial indexes).
CREATE TABLE group_applications (
    id           BIGINT        NOT NULL,
    group_id     BIGINT        NOT NULL,
    user_id      BIGINT        NOT NULL,
    message      VARCHAR(200)  NOT NULL DEFAULT '',
    status       ENUM ('pending', 'approved', 'rejected') NOT NULL,
    pending_user BIGINT AS (IF(status = 'pending', user_id, NULL)) PERSISTENT,
    created_at   TIMESTAMP(3)  NOT NULL,
    decided_at   TIMESTAMP(3)  NULL,
    decided_by   BIGINT        NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_group_applications_pending (group_id, pending_user),
    KEY ix_group_applications_group_status (group_id, status, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
