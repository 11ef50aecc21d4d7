package com.solanamafia.app.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * @param versions extra program versions: an IDL per program id from a slot on (program upgrades)
 */
@Validated
@ConfigurationProperties("solana-mafia.ingest")
public record IngestProperties(
        boolean enabled,
        @Min(1) @Max(1000) int pageSize,
        @Min(1) @Max(5000) int windowSize,
        @Min(1) @Max(64) int fetchParallelism,
        @Min(1) @Max(100) int rpcBatchSize,
        Duration pollInterval,
        Long fromSlot,
        String fromSignature,
        List<IdlVersion> versions) {

    public IngestProperties {
        pageSize = pageSize == 0 ? 1000 : pageSize;
        // a maximum: live rounds take what is new; a catch-up pays a window's fixed costs (dedupe queries, commit)
        // 4x less often than with 500 (the benchmark's run-to-run noise hides the difference: BENCHMARKS.md "Ingest")
        windowSize = windowSize == 0 ? 2000 : windowSize;
        fetchParallelism = fetchParallelism == 0 ? 8 : fetchParallelism;
        rpcBatchSize = rpcBatchSize == 0 ? 20 : rpcBatchSize;
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        versions = versions == null ? List.of() : versions;
    }

    public record IdlVersion(String programId, long fromSlot, String idlPath) {
    }
}
