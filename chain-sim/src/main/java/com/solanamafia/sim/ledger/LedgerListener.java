package com.solanamafia.sim.ledger;

/** Receives ledger changes; called under the ledger lock, so implementations must not block. */
public interface LedgerListener {

    /** The transaction just became visible at this commitment (once per level). */
    default void onTransactionVisible(Commitment commitment, SimTransaction transaction) {
    }

    /** The processed tip moved to {@code slot}; {@code root} is the finalized slot. */
    default void onSlot(long slot, long parent, long root) {
    }
}
