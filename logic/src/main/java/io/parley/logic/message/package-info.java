/**
 * The message path inside logic: consume a send from Kafka, persist it (id, seq, de-duplication)
 * and hand it to delivery. Nothing is pushed before the row is committed.
 */
package io.parley.logic.message;
