package com.solanamafia.app.axon;

import com.solanamafia.api.chain.CommandTargets;
import com.solanamafia.command.support.BoundedAggregateCache;
import com.solanamafia.projections.replay.ReplayableProjections;
import com.solanamafia.projections.support.LiveBatches;
import com.solanamafia.projections.support.ProjectionPositions;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Processing defaults: no handler failure is ever swallowed; processors are pooled and batched. */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    @Bean
    ConfigurerModule errorsPropagate() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()));
    }

    /**
     * Every event processor (read models, push, the earnings saga) with a light monitor: Axon's Micrometer monitors
     * (disabled in application.yml) built or looked up their meters for every event and processor, 11 % of the read
     * models' CPU under live load.
     */
    @Bean
    ConfigurerModule lightProcessorMonitors(MeterRegistry meters) {
        return configurer -> configurer.configureMessageMonitor(EventProcessor.class,
                (configuration, componentType, processor) -> LightMessageMonitor.forProcessor(meters, processor));
    }

    /**
     * The read models' live batches applied through their buffered models: rows read and written once per batch and
     * table instead of a statement or two per event (README "Read models"). Off: every event through the beans' SQL.
     */
    @Bean
    @ConditionalOnProperty(name = "solana-mafia.processors.buffered-batches", havingValue = "true",
            matchIfMissing = true)
    LiveBatches liveBatches(DSLContext db, ProjectionPositions positions, MeterRegistry meters) {
        LiveBatches batches = ReplayableProjections.liveBatches(db, positions);
        for (Class<?> readModel : batches.readModels()) {
            ProcessingGroup group = readModel.getAnnotation(ProcessingGroup.class);
            String name = group == null ? readModel.getSimpleName() : group.value();
            FunctionCounter.builder("projections.batches.buffered", batches, b -> b.bufferedBatches(readModel))
                    .description("live batches applied through the read model's buffered model")
                    .tag("processor", name).register(meters);
            FunctionCounter.builder("projections.batches.write.failed", batches, b -> b.failedWrites(readModel))
                    .description("buffered batches whose write failed (retried event by event with savepoints)")
                    .tag("processor", name).register(meters);
        }
        return batches;
    }

    /** As Axon's auto-configuration builds it (the local segment under Axon Server too), with a light monitor. */
    @Bean
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(TransactionManager transactionManager, org.axonframework.config.Configuration configuration,
                                DuplicateCommandHandlerResolver duplicateCommandHandlerResolver, MeterRegistry meters) {
        SimpleCommandBus bus = SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(configuration.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(new LightMessageMonitor(meters, "commandBus"))
                .build();
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(configuration.correlationDataProviders()));
        return bus;
    }

    /** Aggregates the ingester touched recently, so a window does not reload them from the event store. */
    @Bean
    BoundedAggregateCache aggregateCache(@Value("${solana-mafia.aggregate-cache-size:100000}") int size) {
        return new BoundedAggregateCache(size);
    }

    /** Named by the aggregates' {@code @Aggregate(commandTargetResolver)}. */
    @Bean
    CommandTargets commandTargets() {
        return CommandTargets.INSTANCE;
    }

    @Bean
    SnapshotTriggerDefinition playerSnapshotTrigger(Snapshotter snapshotter,
                                                    @Value("${solana-mafia.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
