package io.parley.logic.lock;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;

import java.time.Duration;

/**
 * How the distributed lock waits and how long it lives.
 *
 * @param ttl         a lock not released or renewed within this expires (a crashed holder); a
 *                    critical section takes milliseconds, and confirms it still holds the lock
 *                    (renewing it) right before it commits
 * @param maxWait     longest a caller waits for a held lock before giving up with 9002; kept
 *                    well under the gateway's call deadline ({@code im.rpc.timeout}, 2 s)
 * @param minBackoff  first pause between attempts; pauses double up to {@code maxBackoff}, each
 *                    randomized to between half and all of it so waiters do not retry in step
 * @param maxAttempts bound on attempts, whatever the pauses add up to
 */
@ConfigurationProperties("im.logic.lock")
public record LockSettings(
        @Bindable(defaultValue = "5s") Duration ttl,
        @Bindable(defaultValue = "1s") Duration maxWait,
        @Bindable(defaultValue = "4ms") Duration minBackoff,
        @Bindable(defaultValue = "64ms") Duration maxBackoff,
        @Bindable(defaultValue = "100") @Positive int maxAttempts) {

    public LockSettings {
        if (minBackoff.isNegative() || minBackoff.isZero()
                || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("need 0 < im.logic.lock.min-backoff <= max-backoff");
        }
    }
}
