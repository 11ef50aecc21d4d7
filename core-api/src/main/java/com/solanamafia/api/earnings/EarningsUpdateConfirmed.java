package com.solanamafia.api.earnings;

import com.solanamafia.api.chain.Wallet;

import java.time.Instant;

/**
 * The due window is paid: the ingester recorded the player's EarningsUpdated (outcome {@code accrued}; {@code signature}
 * is the transaction that carried it, ours or anyone's), or our transaction landed without an event because the
 * player had nothing to earn (outcome {@code landed-without-event}). {@code nextDueAt} is the next window, when known.
 */
public record EarningsUpdateConfirmed(Wallet wallet, Instant dueAt, String outcome, String signature, Instant nextDueAt,
                                      Instant confirmedAt) {
}
