/**
 * The delivery ledger kept in the simulation JVM: what each simulated user sent and had acknowledged,
 * what each received (live or by catch-up) and confirmed, by client message id, message id and seq.
 * It turns that into counts (sent, acked, delivered, lost, duplicated, out of order) and latency
 * percentiles from the intended send time, which no slow server can move.
 */
package io.parley.loadlab.ledger;
