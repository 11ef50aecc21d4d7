package com.solanamafia.command.earnings;

import com.solanamafia.api.chain.Wallet;

import java.time.Instant;

/**
 * What the schedule saga asks of the submission side. Implementations are durable (a table in schema
 * {@code earnings}) and idempotent per due window {@code (wallet, dueAt)}, because a saga handler may run again
 * after a crash before its token was stored.
 */
public interface EarningsRequests {

    enum Outcome { NONE, PENDING, SUBMITTED, LANDED, FAILED, CONFIRMED }

    /** Records where the player's schedule stands (for the admin API's "due now" and listings). */
    void scheduled(Wallet wallet, Instant dueAt, Instant fireAt, String phase, int businesses);

    /**
     * Asks for an update of this window. Creates the request (publishing EarningsUpdateRequested) unless one is
     * already open for the window; a FAILED one is reopened with the new attempt number.
     */
    void request(Wallet wallet, Instant dueAt, int attempt, String trigger);

    /** Marks the window paid and publishes EarningsUpdateConfirmed (only when we had requested it). */
    void confirm(Wallet wallet, Instant dueAt, String outcome, String signature, Instant nextDueAt);

    /** Where our request for this window stands. */
    Outcome outcome(Wallet wallet, Instant dueAt);
}
