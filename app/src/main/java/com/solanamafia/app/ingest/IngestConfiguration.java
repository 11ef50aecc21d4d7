package com.solanamafia.app.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.solanamafia.app.config.SolanaEndpoints;
import com.solanamafia.command.chainfacts.ChainFactCommands;
import com.solanamafia.command.support.BoundedAggregateCache;
import com.solanamafia.ingest.idl.IdlRegistry;
import com.solanamafia.ingest.lease.PostgresLease;
import com.solanamafia.ingest.live.LogsListener;
import com.solanamafia.ingest.live.NotifiedTransactions;
import com.solanamafia.ingest.pipeline.CatchUp;
import com.solanamafia.ingest.pipeline.ChainEventTranslator;
import com.solanamafia.ingest.pipeline.IngestMetrics;
import com.solanamafia.ingest.pipeline.IngestProgress;
import com.solanamafia.ingest.pipeline.IngestService;
import com.solanamafia.ingest.pipeline.IngestSettings;
import com.solanamafia.ingest.pipeline.IngestStore;
import com.solanamafia.ingest.pipeline.NewAggregates;
import com.solanamafia.ingest.pipeline.TransactionApplier;
import com.solanamafia.ingest.quarantine.QuarantineReprocessor;
import com.solanamafia.ingest.quarantine.QuarantineStore;
import com.solanamafia.ingest.rpc.RetryPolicy;
import com.solanamafia.ingest.rpc.SolanaRpc;
import com.solanamafia.ingest.status.IngestAdminController;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/** Wires ingestion: RPC, decoding, the exactly-once applier, the lease and the live loop. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
public class IngestConfiguration {

    @Bean
    IdlRegistry idlRegistry(SolanaEndpoints endpoints, @Value("${solana-mafia.solana.idl-path:}") String idlPath,
                            IngestProperties properties) {
        return IdlRegistryFactory.build(endpoints.programId(), idlPath, properties);
    }

    @Bean
    IngestSettings ingestSettings(SolanaEndpoints endpoints, IdlRegistry registry, IngestProperties properties) {
        String programId = endpoints.programId() == null || endpoints.programId().isBlank()
                ? registry.programIds().iterator().next() : endpoints.programId();
        return new IngestSettings(programId, endpoints.commitment(), properties.pageSize(), properties.windowSize(),
                properties.fetchParallelism(), properties.rpcBatchSize(), properties.pollInterval(), properties.fromSlot(), properties.fromSignature());
    }

    @Bean
    ChainEventTranslator chainEventTranslator() {
        return (event, fact, idl) -> {
            try {
                return ChainFactCommands.toCommand(event.name(), event.fields(), fact, null);
            } catch (RuntimeException e) {
                throw new ChainEventTranslator.UnmappableEventException(e.getMessage(), e);
            }
        };
    }

    @Bean
    SolanaRpc solanaRpc(SolanaEndpoints endpoints, ObjectMapper json, MeterRegistry meters) {
        return new SolanaRpc(endpoints.rpcUrl(), json, RetryPolicy.DEFAULT, Duration.ofSeconds(15), meters);
    }

    @Bean
    IngestStore ingestStore(JdbcTemplate jdbc) {
        return new IngestStore(jdbc);
    }

    @Bean
    QuarantineStore quarantineStore(JdbcTemplate jdbc) {
        return new QuarantineStore(jdbc);
    }

    @Bean
    IngestMetrics ingestMetrics(MeterRegistry meters) {
        return new IngestMetrics(meters);
    }

    @Bean
    IngestProgress ingestProgress() {
        return new IngestProgress();
    }

    @Bean
    NewAggregates.Lookup newAggregates(IngestStore store, ObjectProvider<JdbcEventStorageEngine> jdbcEventStore) {
        // only the JDBC event store (not Axon Server) lives in the database the ingest store can query
        return jdbcEventStore.getIfAvailable() != null
                ? NewAggregates.Lookup.remembering(store::withoutEvents, 200_000) : NewAggregates.Lookup.NONE;   // ~30 MB at most
    }

    @Bean
    TransactionApplier transactionApplier(IngestSettings settings, IdlRegistry registry, ChainEventTranslator translator,
                                          CommandGateway commands, IngestStore store, QuarantineStore quarantine,
                                          PlatformTransactionManager transactions, IngestMetrics metrics,
                                          NewAggregates.Lookup newAggregates) {
        return new TransactionApplier(settings.programId(), registry, translator, commands, store, quarantine,
                new TransactionTemplate(transactions), metrics, newAggregates);
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService ingestFetchPool(IngestSettings settings) {
        return Executors.newFixedThreadPool(settings.fetchParallelism(), r -> {
            Thread thread = new Thread(r, "ingest-fetch");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Live notifications not applied yet: 10,000 are 50 s at 200 tx/s, ~20 MB of logs. During a longer backfill the
     * newer ones are not kept (they are fetched as usual).
     */
    @Bean
    NotifiedTransactions notifiedTransactions() {
        return new NotifiedTransactions(10_000, Duration.ofMinutes(2));
    }

    @Bean
    CatchUp catchUp(SolanaRpc rpc, IngestSettings settings, TransactionApplier applier, IngestStore store,
                    IngestProgress progress, IngestMetrics metrics, ExecutorService ingestFetchPool,
                    NotifiedTransactions notifiedTransactions) {
        return new CatchUp(rpc, settings, applier, store, progress, metrics, ingestFetchPool, notifiedTransactions);
    }

    @Bean
    QuarantineReprocessor quarantineReprocessor(IdlRegistry registry, ChainEventTranslator translator,
                                                CommandGateway commands, IngestStore store, QuarantineStore quarantine,
                                                PlatformTransactionManager transactions) {
        return new QuarantineReprocessor(registry, translator, commands, store, quarantine, new TransactionTemplate(transactions));
    }

    @Bean
    IngestAdminController.IngestStatusSource ingestStatusSource(IngestSettings settings, SolanaEndpoints endpoints) {
        String url = endpoints.rpcUrl().getScheme() + "://" + endpoints.rpcUrl().getHost()
                + (endpoints.rpcUrl().getPort() > 0 ? ":" + endpoints.rpcUrl().getPort() : "");
        return new IngestAdminController.IngestStatusSource(settings.programId(), settings.commitment(), url);
    }

    @Bean
    Semaphore ingestWake() {
        return new Semaphore(0);
    }

    @Bean
    @ConditionalOnProperty(name = "solana-mafia.ingest.enabled", havingValue = "true", matchIfMissing = true)
    IngestService ingestService(CatchUp catchUp, DataSource dataSource, SolanaEndpoints endpoints,
                                IngestSettings settings, IngestProgress progress, Semaphore ingestWake,
                                BoundedAggregateCache aggregateCache, NotifiedTransactions notifiedTransactions,
                                NewAggregates.Lookup newAggregates) {
        PostgresLease lease = new PostgresLease(unpooled(dataSource), "ingest:" + settings.programId(), instanceName());
        LogsListener listener = new LogsListener(endpoints.wsUrl(), settings.programId(), settings.commitment(),
                ingestWake::release, notifiedTransactions);
        // a new writer, or one whose round failed, trusts nothing it remembers of the store: the failure may have been
        // a window that committed in Axon (cache updated) but not in the database, or a database that lost windows
        return new IngestService(catchUp, lease, listener, progress, settings.pollInterval(), ingestWake, () -> {
            aggregateCache.removeAll();
            catchUp.forgetPosition();
            newAggregates.forget();
        });
    }

    /** The lease needs a connection of its own: a pooled one would keep the advisory lock when "closed". */
    public static DataSource unpooled(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari) {
            SimpleDriverDataSource simple = new SimpleDriverDataSource();
            simple.setDriverClass(org.postgresql.Driver.class);
            simple.setUrl(hikari.getJdbcUrl());
            simple.setUsername(hikari.getUsername());
            simple.setPassword(hikari.getPassword());
            return simple;
        }
        return dataSource;
    }

    static String instanceName() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
