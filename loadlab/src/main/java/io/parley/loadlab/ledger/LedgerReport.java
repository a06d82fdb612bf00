package io.parley.loadlab.ledger;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What the ledger saw in a run. Delivery counts are per (message, recipient) pair.
 *
 * @param sent            distinct client message ids sent
 * @param resent          repeated sends of an unacknowledged client message id
 * @param acked           sends answered with {@code ack}
 * @param refused         sends answered with {@code error}, by code
 * @param unanswered      sends with neither an ack nor an error by the end
 * @param expected        (message, recipient) pairs of acknowledged sends
 * @param delivered       pairs the recipient got, live or by catch-up
 * @param deliveredLive   pairs pushed over the socket
 * @param caughtUp        pairs found only by catch-up (history after a reconnect)
 * @param lost            acknowledged pairs never delivered, even after catch-up
 * @param duplicated      pushes of a message the recipient had confirmed over a grace before:
 *                        allowed by the protocol while the confirmation is in flight, so reported,
 *                        not failed (a stored second copy is: {@code inconsistent})
 * @param redelivered     repeated pushes of an unconfirmed message (the retry schedule at work)
 * @param outOfOrder      first pushes whose seq was not above the conversation's previous one
 * @param inconsistent    frames (ack, push, history) naming another message id or seq for a send
 *                        already stored: the same send stored twice, a failure
 * @param unexpected      pushes to a user who was not a recipient
 * @param latency         intended send time to the recipient's first live push
 * @param ackLatency      intended send time to the ack
 * @param fanOut          intended send time to the last live push of a message with 2+ recipients
 * @param steps           per step of a ladder (a single step 0 otherwise)
 * @param lostSamples     a few lost client message ids, for the logs
 * @param failures        why the run failed correctness; empty when it passed
 */
public record LedgerReport(long sent, long resent, long acked, Map<Integer, Long> refused,
                           long unanswered, long expected, long delivered, long deliveredLive,
                           long caughtUp, long lost, long duplicated, long redelivered,
                           long outOfOrder, long inconsistent, long unexpected,
                           Percentiles latency, Percentiles ackLatency, Percentiles fanOut,
                           List<StepReport> steps, List<String> lostSamples,
                           List<String> failures) {
    @JsonProperty("passed")
    public boolean passed() {
        return failures.isEmpty();
    }

    public long refusedWith(int code) {
        return refused.getOrDefault(code, 0L);
    }
}
