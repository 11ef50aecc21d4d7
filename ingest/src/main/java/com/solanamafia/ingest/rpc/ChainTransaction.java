package com.solanamafia.ingest.rpc;

import java.util.List;

/** What ingestion needs of a confirmed transaction: where it is, whether it failed, and its logs. */
public record ChainTransaction(String signature, long slot, Long blockTime, boolean failed, List<String> logMessages) {
    public ChainTransaction {
        logMessages = logMessages == null ? List.of() : List.copyOf(logMessages);
    }
}
