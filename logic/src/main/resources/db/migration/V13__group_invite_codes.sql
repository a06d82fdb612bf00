-- Group invite codes (issue #14): an owner or admin shares a random code instead of the group's
-- id; anyone logged in joins with it. A code is dead once revoked, expired or used max_uses
-- times; dead rows stay (for the owner's history) and are only ever read by code.
CREATE TABLE group_invite_codes (
    code       VARCHAR(32)  NOT NULL,
    group_id   BIGINT       NOT NULL,
    created_by BIGINT       NOT NULL,
    created_at TIMESTAMP(3) NOT NULL,
    expires_at TIMESTAMP(3) NULL,
    max_uses   INT          NULL,
    uses       INT          NOT NULL DEFAULT 0,
    revoked_at TIMESTAMP(3) NULL,
    PRIMARY KEY (code),
    KEY ix_group_invite_codes_group (group_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;
