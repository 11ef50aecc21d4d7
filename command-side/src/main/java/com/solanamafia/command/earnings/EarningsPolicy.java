package com.solanamafia.command.earnings;

import java.time.Duration;

/**
 * Timing rules of the earnings schedule.
 *
 * @param grace          chain time added to a due time before sending (block time must have passed it)
 * @param backoffBase    wall-time delay before the first retry after a failure; doubles per attempt
 * @param backoffMax     upper bound of the retry delay
 * @param notDueRetry    chain time after which a "not due yet" answer is retried when the chain did not say when
 * @param confirmTimeout wall time after a request before the saga asks whether the update landed without an event
 */
public record EarningsPolicy(Duration grace, Duration backoffBase, Duration backoffMax, Duration notDueRetry,
                             Duration confirmTimeout) {

    public static final EarningsPolicy DEFAULT = new EarningsPolicy(Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofMinutes(30), Duration.ofMinutes(10), Duration.ofMinutes(3));

    /** Delay before retry number {@code attempt} (1 = first retry): base x 2^(attempt-1), capped. */
    public Duration backoff(int attempt) {
        int shift = Math.max(0, Math.min(attempt - 1, 30));
        long millis = backoffBase.toMillis() << shift;
        if (millis <= 0 || millis > backoffMax.toMillis()) {
            return backoffMax;
        }
        return Duration.ofMillis(millis);
    }
}
