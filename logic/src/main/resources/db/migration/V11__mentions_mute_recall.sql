-- Mentions, mute and recall (issue #12).
-- muted: the member still counts unread but gets no live message frames unless mentioned.
ALTER TABLE conversation_members
    ADD COLUMN muted TINYINT(1) NOT NULL DEFAULT 0,
    ADD KEY ix_members_muted (conversation_id, muted);

-- One row per mentioned user per message; user_id 0 is @all. A member's mention count is the
-- rows for them or for 0 after their read cursor (sender's own aside): no row per member for @all.
CREATE TABLE message_mentions (
    conversation_id VARCHAR(48) NOT NULL,
    seq             BIGINT      NOT NULL,
    user_id         BIGINT      NOT NULL,
    sender_id       BIGINT      NOT NULL,
    PRIMARY KEY (conversation_id, user_id, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A recalled message keeps its row and seq (the tombstone); its body is emptied.
ALTER TABLE messages ADD COLUMN recalled_at TIMESTAMP(3) NULL;
