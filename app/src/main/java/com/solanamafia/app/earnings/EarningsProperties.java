package com.solanamafia.app.earnings;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code solana-mafia.earnings.*}. The operator keypair comes from {@code operator-keypair-file} (Solana CLI JSON) or
 * {@code operator-keypair} (the same JSON or base58, e.g. from the SOLANA_MAFIA_OPERATOR_KEYPAIR secret). Without
 * either, the in-process simulator gets a throw-away dev key; against a real node nothing is sent.
 */
@ConfigurationProperties("solana-mafia.earnings")
public record EarningsProperties(
        Boolean enabled,
        String operatorKeypairFile,
        String operatorKeypair,
        String instruction,
        Integer batchSize,
        Integer maxPerTick,
        Double rpcPerSecond,
        Duration tick,
        Duration grace,
        Duration backoffBase,
        Duration backoffMax,
        Duration notDueRetry,
        Duration confirmTimeout,
        Duration blockhashMaxAge,
        Double timeCompression,
        Boolean skipPreflight) {

    public boolean isEnabled() {
        return enabled == null || enabled;
    }

    public int batch() {
        return batchSize == null ? 5 : Math.max(1, Math.min(batchSize, 20));
    }

    public int perTick() {
        return maxPerTick == null ? 200 : maxPerTick;
    }

    public double rps() {
        return rpcPerSecond == null ? 10 : rpcPerSecond;
    }

    public Duration tickEvery() {
        return tick == null ? Duration.ofMillis(500) : tick;
    }

    public double compression() {
        return timeCompression == null ? 1 : timeCompression;
    }
}
