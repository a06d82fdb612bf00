-- History from the join point (issue #12): a group member sees the messages after joined_seq,
-- the conversation's last seq when they joined (0: from the start, for direct conversations,
-- members from before this migration, and joins while im.logic.group.history-from-join is off).
ALTER TABLE conversation_members ADD COLUMN joined_seq BIGINT NOT NULL DEFAULT 0;
