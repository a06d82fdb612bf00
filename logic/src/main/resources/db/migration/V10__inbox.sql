-- Write diffusion (issue #12): every member of a direct conversation or of a small group gets an
-- inbox row per message, numbered by a per-user gapless inbox seq. inbox_seqs.last_seq is the
-- counter, incremented under its row lock in the transaction that inserts the message, exactly as
-- conversations.last_seq is. Large groups (read diffusion) write no inbox rows.
CREATE TABLE inbox_seqs (
    user_id  BIGINT NOT NULL,
    last_seq BIGINT NOT NULL,
    PRIMARY KEY (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- "Everything after my inbox seq N" is a range of the primary key.
CREATE TABLE inbox (
    user_id         BIGINT      NOT NULL,
    inbox_seq       BIGINT      NOT NULL,
    conversation_id VARCHAR(48) NOT NULL,
    seq             BIGINT      NOT NULL,
    message_id      BIGINT      NOT NULL,
    PRIMARY KEY (user_id, inbox_seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
