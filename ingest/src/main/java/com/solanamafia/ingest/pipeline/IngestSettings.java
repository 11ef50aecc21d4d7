package com.solanamafia.ingest.pipeline;

import java.time.Duration;

/**
 * @param commitment       commitment of every read: finalized by default
 * @param pageSize         getSignaturesForAddress page size (the node's maximum is 1000)
 * @param windowSize       transactions fetched, then applied as one database transaction
 * @param fetchParallelism getTransaction calls in flight at once
 * @param rpcBatchSize     getTransaction requests per JSON-RPC batch (HTTP request); 1 for nodes that refuse batches
 * @param pollInterval     how often to look for new transactions when no notification arrives
 * @param fromSlot         with no checkpoint yet: ignore history before this slot (null: from the first)
 * @param fromSignature    with no checkpoint yet: start after this signature (null: from the first)
 */
public record IngestSettings(String programId, String commitment, int pageSize, int windowSize, int fetchParallelism,
                             int rpcBatchSize, Duration pollInterval, Long fromSlot, String fromSignature) {

    public static IngestSettings defaults(String programId) {
        return new IngestSettings(programId, "finalized", 1000, 500, 8, 20, Duration.ofSeconds(5), null, null);
    }

    public IngestSettings withStart(Long slot, String signature) {
        return new IngestSettings(programId, commitment, pageSize, windowSize, fetchParallelism, rpcBatchSize, pollInterval, slot, signature);
    }
}
