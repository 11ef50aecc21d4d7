package com.solanamafia.sim.rpc;

import com.solanamafia.sim.ledger.Ledger;
import com.solanamafia.sim.ledger.TransactionDraft;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code sendTransaction} does with a submitted transaction once its wire bytes parsed. Returning a
 * draft records it in the ledger (so getTransaction / getSignatureStatuses / logsSubscribe see it);
 * returning empty only acknowledges it; throwing {@link RpcError} rejects it as the RPC would
 * (e.g. preflight failure, code -32002). Plug a game-aware processor here to verify signatures and emit events.
 */
@FunctionalInterface
public interface TransactionProcessor {

    Optional<TransactionDraft> process(WireTransaction transaction, Ledger ledger);

    /** Accepts and forgets. */
    TransactionProcessor ACKNOWLEDGE_ONLY = (tx, ledger) -> Optional.empty();

    /**
     * The default: records the transaction as successful, with the message as sent and a generic
     * {@code invoke [1]} / {@code consumed} / {@code success} log triple per instruction. No signature check.
     */
    TransactionProcessor RECORD_AS_SUCCESS = (tx, ledger) -> {
        List<String> logs = new ArrayList<>();
        for (var ix : tx.instructions()) {
            String program = ix.programIdIndex() < tx.accountKeys().size() ? tx.accountKeys().get(ix.programIdIndex()) : "unknown";
            logs.add("Program " + program + " invoke [1]");
            logs.add("Program " + program + " consumed 1500 of 200000 compute units");
            logs.add("Program " + program + " success");
        }
        return Optional.of(TransactionDraft.ofLogs(logs)
                .signature(tx.signature())
                .message(tx.accountKeys(), tx.header(), tx.instructions())
                .versioned(tx.versioned()));
    };
}
