package com.solanamafia.sim.ledger;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One transaction as the simulated ledger stores it; immutable. {@code err} is the JSON of
 * {@code meta.err} (null for success). {@code sequence} is the ledger-wide position (append order),
 * which is also slot order.
 *
 * @param accountKeys  static account keys, signers first; the address index and the "mentions" filter use them
 * @param header       numRequiredSignatures, numReadonlySignedAccounts, numReadonlyUnsignedAccounts
 */
public record SimTransaction(
        long sequence,
        String signature,
        long slot,
        long blockTime,
        JsonNode err,
        List<String> logMessages,
        List<String> accountKeys,
        int[] header,
        List<CompiledInstruction> instructions,
        String recentBlockhash,
        long fee,
        long computeUnitsConsumed,
        List<Long> preBalances,
        List<Long> postBalances,
        boolean versioned) {

    public boolean succeeded() {
        return err == null || err.isNull();
    }

    public boolean mentions(String address) {
        return accountKeys.contains(address);
    }
}
