package com.solanamafia.command.nft;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactCommand;
import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.discrepancy.ChainDiscrepancyDetected;
import com.solanamafia.api.nft.NftBurned;
import com.solanamafia.api.nft.NftIds;
import com.solanamafia.api.nft.NftMinted;
import com.solanamafia.api.nft.NftTransferred;
import com.solanamafia.api.nft.NftUpgraded;
import com.solanamafia.api.nft.RecordNftBurned;
import com.solanamafia.api.nft.RecordNftMinted;
import com.solanamafia.api.nft.RecordNftTransferred;
import com.solanamafia.api.nft.RecordNftUpgraded;
import com.solanamafia.api.transfer.RecordBusinessHandedOver;
import com.solanamafia.command.support.RecentPositions;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.List;

import static com.solanamafia.api.discrepancy.DiscrepancyRules.NFT_ALREADY_BURNED;
import static com.solanamafia.api.discrepancy.DiscrepancyRules.NFT_NEVER_MINTED;
import static com.solanamafia.api.discrepancy.DiscrepancyRules.NFT_TRANSFER_FROM_NON_OWNER;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One business NFT (cb08020 only), identified by {@code nft:<mint>} ({@link NftIds}): who holds it, its level,
 * whether it was burned. Facts are never refused; contradictions are recorded as {@link ChainDiscrepancyDetected}
 * about the wallet the fact names. The player's slots know their business's mint from the purchase and upgrade
 * events; ownership moves between players are this aggregate's job. Unlike the player, the fact is applied before
 * its discrepancies, because a discrepancy does not name the mint that identifies this aggregate.
 */
@Aggregate(cache = "aggregateCache", commandTargetResolver = "commandTargets")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class NftAggregate {

    @AggregateIdentifier
    private String id;
    private Wallet owner;
    private boolean minted;
    private boolean burned;
    private Integer level;
    private RecentPositions recent = new RecentPositions();

    protected NftAggregate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordNftMinted c) {
        record(c, List.of(), new NftMinted(c.wallet(), c.fact(), c.mint(), c.businessTypeCode(), c.serialNumber(),
                c.investedAmount(), c.dailyRateBp(), c.mintedAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordNftBurned c) {
        List<ChainDiscrepancyDetected> found = mintedAndAlive(c.wallet(), c.fact(), "burned");
        record(c, found, new NftBurned(c.wallet(), c.fact(), c.mint(), c.businessTypeCode(), c.serialNumber(),
                c.burnedAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordNftUpgraded c) {
        List<ChainDiscrepancyDetected> found = mintedAndAlive(c.wallet(), c.fact(), "upgraded");
        record(c, found, new NftUpgraded(c.wallet(), c.fact(), c.mint(), c.oldLevel(), c.newLevel(), c.newDailyRateBp()));
    }

    /** Answers with the old owner's side of the same fact (null for a duplicate). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RecordBusinessHandedOver handle(RecordNftTransferred c) {
        List<ChainDiscrepancyDetected> found = mintedAndAlive(c.fromWallet(), c.fact(), "transferred");
        if (minted && !c.fromWallet().equals(owner)) {
            found.add(new ChainDiscrepancyDetected(c.fromWallet(), c.fact(), NFT_TRANSFER_FROM_NON_OWNER,
                    "mint " + c.mint() + " is held by " + owner + ", not " + c.fromWallet()));
        }
        if (!record(c, found, new NftTransferred(c.fromWallet(), c.toWallet(), c.fact(), c.mint(), c.transferredAt()))) {
            return null;
        }
        return new RecordBusinessHandedOver(c.fromWallet(), c.toWallet(), c.fact(), c.mint(), c.transferredAt());
    }

    private List<ChainDiscrepancyDetected> mintedAndAlive(Wallet wallet, ChainFact fact, String what) {
        List<ChainDiscrepancyDetected> found = new ArrayList<>();
        if (!minted) {
            found.add(new ChainDiscrepancyDetected(wallet, fact, NFT_NEVER_MINTED, "NFT " + what + " but never seen minted"));
        } else if (burned) {
            found.add(new ChainDiscrepancyDetected(wallet, fact, NFT_ALREADY_BURNED, "NFT " + what + " after it was burned"));
        }
        return found;
    }

    /** @return false for a duplicate (its position was applied recently): nothing recorded */
    private boolean record(ChainFactCommand command, List<ChainDiscrepancyDetected> discrepancies, ChainFactEvent event) {
        if (recent.contains(command.fact())) {
            return false;
        }
        apply(event); // first: a discrepancy names no mint, so the NFT's first event must set the identifier
        discrepancies.forEach(AggregateLifecycle::apply);
        return true;
    }

    private void applied(Wallet mint, ChainFactEvent event) {
        id = NftIds.aggregateId(mint);
        recent.remember(event.fact());
    }

    @EventSourcingHandler
    void on(ChainDiscrepancyDetected e) {
        recent.remember(e.fact());
    }

    @EventSourcingHandler
    void on(NftMinted e) {
        applied(e.mint(), e);
        minted = true;
        owner = e.wallet();
        level = level == null ? 0 : level;
    }

    @EventSourcingHandler
    void on(NftBurned e) {
        applied(e.mint(), e);
        burned = true;
    }

    @EventSourcingHandler
    void on(NftUpgraded e) {
        applied(e.mint(), e);
        level = e.newLevel();
    }

    @EventSourcingHandler
    void on(NftTransferred e) {
        applied(e.mint(), e);
        owner = e.toWallet();
    }
}
