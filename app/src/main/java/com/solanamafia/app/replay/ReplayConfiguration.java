package com.solanamafia.app.replay;

import com.solanamafia.projections.replay.ReplayJobs;
import com.solanamafia.projections.replay.ReplayNodeAgent;
import com.solanamafia.projections.replay.ReplayRunner;
import com.solanamafia.query.cache.ReadCache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Blue/green replay of read models on the JDBC event store (README "Replay"). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplayProperties.class)
@Profile("!axon")
public class ReplayConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ReplayConfiguration.class);

    @Bean
    ReplayJobs replayJobs(DSLContext db) {
        return new ReplayJobs(db);
    }

    @Bean
    AxonProcessors replayAxonProcessors(EventProcessingConfiguration processing, TokenStore tokenStore,
                                        Serializer serializer, TokenSchema tokenSchema, DSLContext db,
                                        Environment environment) {
        return new AxonProcessors(processing, tokenStore, serializer, tokenSchema, db, environment);
    }

    @Bean
    JdbcReplayEventSource replayEventSource(ConnectionProvider connections, TransactionManager transactions,
                                            @Qualifier("eventSerializer") Serializer eventSerializer,
                                            Serializer serializer, EventSchema schema,
                                            org.axonframework.config.Configuration axon, DSLContext db,
                                            ReplayProperties properties) {
        ReplaySerializer replaySerializer = eventSerializer instanceof JacksonSerializer jackson
                ? ReplaySerializer.basedOn(jackson.getObjectMapper()) : null;
        JdbcEventStorageEngine engine = new ReplayEventStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactions)
                .eventSerializer(replaySerializer != null ? replaySerializer : eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(axon.upcasterChain())
                .batchSize(properties.readBatchSize()), schema);
        return new JdbcReplayEventSource(engine, schema, db,
                replaySerializer != null ? replaySerializer::forgetSharedValues : () -> { });
    }

    @Bean
    String replayNodeId(Environment environment) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    @Bean(destroyMethod = "close")
    ReplayNodeAgent replayNodeAgent(ReplayJobs jobs, AxonProcessors processors,
                                    @Qualifier("replayNodeId") String node, ReplayProperties properties) {
        return new ReplayNodeAgent(jobs, processors, node, properties.pollInterval());
    }

    @Bean
    ReplayRunner replayRunner(DSLContext db, PlatformTransactionManager transactions, JdbcReplayEventSource events,
                              ReplayJobs jobs, AxonProcessors processors, ReplayNodeAgent agent,
                              ReplayProperties properties, ReadCache cache) {
        ReplayRunner runner = new ReplayRunner(db, transactions, events, jobs, processors, agent.node(),
                new ReplayRunner.Settings(properties.batchSize(), properties.catchUpThreshold(),
                        properties.ackTimeout(), properties.maxFailedEvents(), properties.parallelism()));
        runner.onStateChange(() -> {
            agent.nudge();
            cache.invalidateAll();   // after a switch every cached answer may be stale
        });
        return runner;
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService replayExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "replay-runner");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A process that must not process events (the replay CLI: {@code run-processors=false}) still has every processor:
     * Axon builds them from the handlers the replay needs and starts them before any hook of ours could stop them.
     * They find no segment to claim, so they handle nothing, not even after a switch.
     */
    @Bean
    @ConditionalOnProperty(name = "solana-mafia.replay.run-processors", havingValue = "false")
    static BeanPostProcessor processorsClaimNoSegments() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof TokenStore store && !(bean instanceof ClaimlessTokenStore)
                        ? new ClaimlessTokenStore(store) : bean;
            }
        };
    }

    /**
     * Starts the agent after Axon has started the processors (last phase), stops it first. In a process that must
     * not process events the (idle) processors are shut down here too.
     */
    @Bean
    SmartLifecycle replayAgentLifecycle(ReplayNodeAgent agent, EventProcessingConfiguration processing,
                                        ReplayProperties properties) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                if (!properties.runProcessors()) {
                    processing.eventProcessors().values().forEach(EventProcessor::shutDown);
                    log.info("This process runs no event processors");
                }
                agent.start();
                running = true;
            }

            @Override
            public void stop() {
                agent.close();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE - 10;
            }
        };
    }
}
