package com.solanamafia.app.earnings;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.solanamafia.app.config.SolanaEndpoints;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import com.solanamafia.command.earnings.ChainClock;
import com.solanamafia.command.earnings.DbSchedulerDeadlineMover;
import com.solanamafia.command.earnings.DeadlineMover;
import com.solanamafia.command.earnings.EarningsPolicy;
import com.solanamafia.command.earnings.store.JdbcEarningsStore;
import com.solanamafia.command.earnings.submission.EarningsInstructions;
import com.solanamafia.command.earnings.submission.EarningsSubmitter;
import com.solanamafia.command.earnings.submission.OperatorKey;
import com.solanamafia.command.earnings.submission.RateLimiter;
import com.solanamafia.ingest.idl.Idl;
import com.solanamafia.ingest.idl.IdlRegistry;
import com.solanamafia.ingest.pipeline.IngestSettings;
import com.solanamafia.ingest.rpc.SolanaRpc;
import com.solanamafia.sim.ChainSimulator;
import com.solanamafia.sim.earnings.EarningsUpdateProcessor;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Earnings automation: the schedule saga's resources (store, chain clock, policy; its deadlines go to Axon's
 * DbSchedulerDeadlineManager, auto-configured because db-scheduler is on the classpath, table
 * earnings.scheduled_tasks) and the submitter, run as one cluster-wide db-scheduler recurring task.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EarningsProperties.class)
public class EarningsConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EarningsConfiguration.class);

    @Bean
    JdbcEarningsStore earningsStore(JdbcTemplate jdbc, EventGateway events) {
        return new JdbcEarningsStore(jdbc, events, Clock.systemUTC());
    }

    /** Moves the saga's due deadline in place in db-scheduler's table (one UPDATE per re-schedule). */
    @Bean
    DeadlineMover deadlineMover(JdbcTemplate jdbc, DbSchedulerProperties scheduler) {
        return new DbSchedulerDeadlineMover(jdbc, scheduler.getTableName());
    }

    @Bean
    EarningsPolicy earningsPolicy(EarningsProperties p) {
        EarningsPolicy d = EarningsPolicy.DEFAULT;
        return new EarningsPolicy(p.grace() != null ? p.grace() : d.grace(), p.backoffBase() != null ? p.backoffBase() : d.backoffBase(),
                p.backoffMax() != null ? p.backoffMax() : d.backoffMax(), p.notDueRetry() != null ? p.notDueRetry() : d.notDueRetry(),
                p.confirmTimeout() != null ? p.confirmTimeout() : d.confirmTimeout());
    }

    /** Real time, or (simulator with time compression) anchored at the chain's current block time. */
    @Bean
    ChainClock chainClock(EarningsProperties p, SolanaRpc rpc) {
        if (p.compression() == 1) {
            return ChainClock.system();
        }
        long slot = rpc.getSlot("processed");
        long blockTime = rpc.call("getBlockTime", java.util.List.of(slot)).asLong();
        Clock wall = Clock.systemUTC();
        log.info("Earnings: chain time compressed x{} (block time {} at slot {})", p.compression(), blockTime, slot);
        return ChainClock.compressed(Instant.ofEpochSecond(blockTime), wall.instant(), p.compression(), wall::instant);
    }

    @Bean
    OperatorKey operatorKey(EarningsProperties p, ObjectProvider<ChainSimulator> simulator) {
        if (p.operatorKeypairFile() != null && !p.operatorKeypairFile().isBlank()) {
            return OperatorKey.fromFile(Path.of(p.operatorKeypairFile()));
        }
        if (p.operatorKeypair() != null && !p.operatorKeypair().isBlank()) {
            return OperatorKey.fromSecret(p.operatorKeypair());
        }
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        OperatorKey dev = OperatorKey.ofBytes(seed);
        if (simulator.getIfAvailable() == null) {
            log.warn("Earnings: no operator keypair configured (solana-mafia.earnings.operator-keypair-file); transactions "
                    + "will be signed by a throw-away key {} that the program will refuse", dev.publicKey());
        }
        return dev;
    }

    @Bean
    EarningsSubmitter earningsSubmitter(EarningsProperties p, SolanaRpc rpc, JdbcEarningsStore store, PlatformTransactionManager tx,
                                        OperatorKey operator, IdlRegistry registry, IngestSettings ingest,
                                        ObjectProvider<ChainSimulator> simulator) {
        String programId = ingest.programId();
        Idl idl = registry.latest(programId).orElseThrow(() -> new IllegalStateException("no IDL for " + programId)).idl();
        EarningsInstructions instructions = new EarningsInstructions(idl, programId, operator.publicKey(), p.instruction());
        int notDue = idl.errors().stream().filter(e -> e.name().equals("EarningsNotDue") || e.name().equals("TooEarlyToUpdate"))
                .mapToInt(e -> e.code()).findFirst().orElse(6014);
        ChainSimulator sim = simulator.getIfAvailable();
        if (sim != null) {
            // the in-process simulator validates our transactions like the program would, with our key as authority
            sim.setTransactionProcessor(new EarningsUpdateProcessor(sim.game(), operator.publicKey(), sim.config().slotMillis()));
        }
        log.info("Earnings: {} by {} for program {}, batches of {}, {} RPC calls/s", instructions.instructionName(),
                operator.publicKey(), programId, p.batch(), p.rps());
        return new EarningsSubmitter(rpc, store, new TransactionTemplate(tx), operator, instructions, new RateLimiter(p.rps()),
                new EarningsSubmitter.Settings(p.batch(), p.perTick(), p.skipPreflight() == null || p.skipPreflight(), "confirmed",
                        p.blockhashMaxAge() != null ? p.blockhashMaxAge() : Duration.ofSeconds(20), notDue),
                Clock.systemUTC());
    }

    /** The submitter as a db-scheduler recurring task: whichever instance picks it runs it; never two at once. */
    @Bean
    RecurringTask<Void> earningsSubmitterTask(EarningsProperties p, EarningsSubmitter submitter) {
        return Tasks.recurring("earnings-submitter", FixedDelay.of(p.tickEvery()))
                .defaultPriority(com.github.kagkarlsson.scheduler.task.Priority.HIGH)
                .execute((instance, context) -> {
                    if (p.isEnabled()) {
                        submitter.tick();
                    }
                });
    }
}
