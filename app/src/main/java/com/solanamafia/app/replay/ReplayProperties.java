package com.solanamafia.app.replay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code solana-mafia.replay.*} (README "Replay"): batch size of the replay's transactions, events read per query,
 * how close to the head it must be before it pauses the processors, how long it waits for every instance to stop
 * them, how often instances poll, how many read models are written at once (each with its own connection), and whether this process runs processors at all (the CLI does not).
 */
@ConfigurationProperties("solana-mafia.replay")
public record ReplayProperties(@DefaultValue("5000") int batchSize,
                               @DefaultValue("1000") int readBatchSize,
                               @DefaultValue("5000") long catchUpThreshold,
                               @DefaultValue("60s") Duration ackTimeout,
                               @DefaultValue("500ms") Duration pollInterval,
                               @DefaultValue("10000") int maxFailedEvents,
                               @DefaultValue("4") int parallelism,
                               @DefaultValue("true") boolean runProcessors) {
}
