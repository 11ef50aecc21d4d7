package com.solanamafia.command.player;

import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.discrepancy.ChainDiscrepancyDetected;
import com.solanamafia.api.player.PlayerJoined;
import com.solanamafia.api.player.RecordPlayerJoined;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A player, identified by wallet. Chain facts are never refused: a fact that contradicts what we know is
 * recorded together with a {@link ChainDiscrepancyDetected}.
 */
@Aggregate(snapshotTriggerDefinition = "playerSnapshotTrigger")
public class PlayerAggregate {

    @AggregateIdentifier
    private Wallet wallet;
    private boolean joined;

    protected PlayerAggregate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordPlayerJoined command) {
        if (joined) {
            apply(new ChainDiscrepancyDetected(command.wallet(), command.fact(), "player-joined-twice",
                    "PlayerCreated for a wallet that had already joined"));
        }
        apply(new PlayerJoined(command.wallet(), command.fact(), command.entryFee(), command.joinedAt(),
                command.nextEarningsAt()));
    }

    @EventSourcingHandler
    void on(PlayerJoined event) {
        wallet = event.wallet();
        joined = true;
    }

    @EventSourcingHandler
    void on(ChainDiscrepancyDetected event) {
        wallet = event.wallet();
    }
}
