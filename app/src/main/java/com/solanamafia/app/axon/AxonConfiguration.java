package com.solanamafia.app.axon;

import com.solanamafia.api.chain.CommandTargets;
import com.solanamafia.command.support.BoundedAggregateCache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
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
