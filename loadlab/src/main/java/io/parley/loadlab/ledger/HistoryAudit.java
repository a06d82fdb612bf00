package io.parley.loadlab.ledger;

import java.util.List;

/**
 * Every send of a run against the rows the conversations' history holds for it, read once after
 * the load: the server's side of the ledger. An ack means stored, and a retried client message id
 * is stored once (the unique key sender + clientMsgId), so {@code storedTwice} and
 * {@code ackedNotStored} must be 0.
 *
 * @param sends             distinct client message ids sent
 * @param storedOnce        sends with exactly one row
 * @param storedTwice       sends with more than one row
 * @param ackedNotStored    acknowledged sends without a row
 * @param unansweredStored  sends without an answer that are stored nonetheless (the ack was lost)
 * @param unansweredMissing sends without an answer and without a row (never got through)
 * @param samples           a few of the failing ones
 */
public record HistoryAudit(long sends, long storedOnce, long storedTwice, long ackedNotStored,
                           long unansweredStored, long unansweredMissing, List<String> samples) {
}
