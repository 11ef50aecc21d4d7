package com.solanamafia.sim;

/** Where a transaction landed: its signature (base58, 64 bytes) and slot. */
public record AppendedTransaction(String signature, long slot) {
}
