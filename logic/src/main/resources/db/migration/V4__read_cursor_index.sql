-- Group read receipts count the members whose read cursor reached a seq: a range on this index,
-- not a row per member per message.
CREATE INDEX ix_members_read ON conversation_members (conversation_id, last_read_seq);
