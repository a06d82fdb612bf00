-- Accounts, conversations and messages: what the 1:1 message path needs.
CREATE TABLE users (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    phone         VARCHAR(16)  NOT NULL,
    display_name  VARCHAR(64)  NOT NULL,
    password_hash CHAR(60)     NOT NULL,
    created_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uk_users_phone (phone)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- last_seq is the conversation's seq counter: incremented under the row lock in the same
-- transaction that inserts the message, so seqs are gapless and survive any restart.
CREATE TABLE conversations (
    id              VARCHAR(48)  NOT NULL,
    kind            TINYINT      NOT NULL COMMENT '1 = direct',
    last_seq        BIGINT       NOT NULL DEFAULT 0,
    last_message_at TIMESTAMP(3) NULL,
    created_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE conversation_members (
    conversation_id VARCHAR(48)  NOT NULL,
    user_id         BIGINT       NOT NULL,
    last_read_seq   BIGINT       NOT NULL DEFAULT 0,
    joined_at       TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (conversation_id, user_id),
    KEY ix_members_user (user_id, conversation_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- id is the Snowflake message id. (sender_id, client_msg_id) makes a client's retry idempotent;
-- (conversation_id, seq) orders a conversation and pages its history.
CREATE TABLE messages (
    id              BIGINT       NOT NULL,
    conversation_id VARCHAR(48)  NOT NULL,
    seq             BIGINT       NOT NULL,
    sender_id       BIGINT       NOT NULL,
    recipient_id    BIGINT       NULL,
    client_msg_id   VARCHAR(64)  NOT NULL,
    body            TEXT         NOT NULL,
    created_at      TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_messages_conversation_seq (conversation_id, seq),
    UNIQUE KEY uk_messages_sender_client (sender_id, client_msg_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
