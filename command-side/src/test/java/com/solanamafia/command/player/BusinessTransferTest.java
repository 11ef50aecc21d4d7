package com.solanamafia.command.player;

import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.business.BusinessSold;
import com.solanamafia.api.business.BusinessUpgraded;
import com.solanamafia.api.business.RecordBusinessSold;
import com.solanamafia.api.business.RecordNftBusinessUpgraded;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.discrepancy.ChainDiscrepancyDetected;
import com.solanamafia.api.slot.PremiumSlotPurchased;
import com.solanamafia.api.slot.SlotType;
import com.solanamafia.api.slot.SlotUnlocked;
import com.solanamafia.api.transfer.BusinessHandedOver;
import com.solanamafia.api.transfer.BusinessTakenOver;
import com.solanamafia.api.transfer.RecordBusinessHandedOver;
import com.solanamafia.api.transfer.RecordBusinessTakenOver;
import com.solanamafia.api.transfer.TransferredBusiness;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static com.solanamafia.api.discrepancy.DiscrepancyRules.TRANSFER_OF_BUSINESS_NOT_HELD;
import static com.solanamafia.api.discrepancy.DiscrepancyRules.TRANSFER_WITHOUT_FREE_SLOT;
import static com.solanamafia.api.discrepancy.DiscrepancyRules.TRANSFERRED_BUSINESS_SOLD_OR_UPGRADED;
import static com.solanamafia.command.support.PlayerFacts.joined;
import static com.solanamafia.command.support.PlayerFacts.nftTobaccoInSlot0;
import static com.solanamafia.command.support.Samples.ALICE;
import static com.solanamafia.command.support.Samples.BOB;
import static com.solanamafia.command.support.Samples.MINT_A;
import static com.solanamafia.command.support.Samples.MINT_B;
import static com.solanamafia.command.support.Samples.at;
import static com.solanamafia.command.support.Samples.fact;
import static com.solanamafia.command.support.Samples.sol;

/**
 * BusinessTransferred (sync_business_ownership) for both players: the business leaves the old owner's slot and
 * arrives in the new owner's lowest free unlocked slot.
 */
class BusinessTransferTest {
    static final TransferredBusiness UPGRADED_TOBACCO = new TransferredBusiness(0, 1, sol(0.1), sol(0.12), 90);

    AggregateTestFixture<PlayerAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlayerAggregate.class);
    }

    static RecordBusinessHandedOver handOver(com.solanamafia.api.chain.Wallet mint) {
        return new RecordBusinessHandedOver(ALICE, BOB, fact(20), mint, at(600));
    }

    static RecordBusinessTakenOver takeOver() {
        return new RecordBusinessTakenOver(ALICE, BOB, fact(20), MINT_A, UPGRADED_TOBACCO, at(600));
    }

    static BusinessPurchased nftBusinessInSlot(int slot, int n, com.solanamafia.api.chain.Wallet mint) {
        return new BusinessPurchased(ALICE, fact(n), slot, 1, 0, sol(0.5), null, null, 90, mint, at(n));
    }

    @Test
    void theBusinessLeavesTheOldOwnersSlotAndTravelsToTheNewOwner() {
        fixture.given(joined(), nftTobaccoInSlot0(),
                        new BusinessUpgraded(ALICE, fact(3), 0, 0, 1, sol(0.02), 90, MINT_B, MINT_A, at(180), false))
                .when(handOver(MINT_A))
                .expectEvents(new BusinessHandedOver(ALICE, BOB, fact(20), MINT_A, 0, at(600)))
                .expectResultMessagePayload(new RecordBusinessTakenOver(BOB, ALICE, fact(20), MINT_A,
                        UPGRADED_TOBACCO, at(600)))
                .expectState(player -> org.assertj.core.api.Assertions.assertThat(stateOf(player).businesses).isEmpty());
    }

    @Test
    void aBusinessTheOldOwnerNeverHeldIsADiscrepancyAndTravelsUnknown() {
        fixture.given(joined(), nftTobaccoInSlot0())
                .when(handOver(MINT_B))
                .expectEvents(new ChainDiscrepancyDetected(ALICE, fact(20), TRANSFER_OF_BUSINESS_NOT_HELD,
                                "no slot holds the business of mint " + MINT_B),
                        new BusinessHandedOver(ALICE, BOB, fact(20), MINT_B, null, at(600)))
                .expectResultMessagePayload(new RecordBusinessTakenOver(BOB, ALICE, fact(20), MINT_B,
                        TransferredBusiness.UNKNOWN, at(600)));
    }

    @Test
    void theBusinessArrivesInTheLowestFreeUnlockedSlot() {
        fixture.given(joined(), nftTobaccoInSlot0(), nftBusinessInSlot(2, 3, MINT_B))
                .when(takeOver())
                .expectEvents(new BusinessTakenOver(ALICE, BOB, fact(20), MINT_A, 1, UPGRADED_TOBACCO, at(600)))
                .expectState(player -> org.assertj.core.api.Assertions.assertThat(stateOf(player).businesses.get(1))
                        .isEqualTo(new OwnedBusiness(0, 1, sol(0.1), sol(0.12), 90, MINT_A, true)));
    }

    @Test
    void lockedSlotsAreSkippedAndUnlockedOrPremiumOnesUsed() {
        List<Object> full = new ArrayList<>(List.of(joined()));
        for (int slot = 0; slot < 3; slot++) {
            full.add(nftBusinessInSlot(slot, 3 + slot, MINT_B));
        }
        fixture.given(full).andGiven(new PremiumSlotPurchased(ALICE, fact(9), SlotType.VIP, 6, sol(25), at(9)))
                .when(takeOver())
                .expectEvents(new BusinessTakenOver(ALICE, BOB, fact(20), MINT_A, 6, UPGRADED_TOBACCO, at(600)));
        fixture.given(full).andGiven(new PremiumSlotPurchased(ALICE, fact(9), SlotType.VIP, 6, sol(25), at(9)),
                        new SlotUnlocked(ALICE, fact(10), 3, sol(0.01), at(10)))
                .when(takeOver())
                .expectEvents(new BusinessTakenOver(ALICE, BOB, fact(20), MINT_A, 3, UPGRADED_TOBACCO, at(600)));
    }

    @Test
    void noFreeSlotIsADiscrepancyNotAnError() {
        List<Object> full = new ArrayList<>(List.of(joined()));
        for (int slot = 0; slot < 3; slot++) {
            full.add(nftBusinessInSlot(slot, 3 + slot, MINT_B));
        }
        fixture.given(full)
                .when(takeOver())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ChainDiscrepancyDetected(ALICE, fact(20), TRANSFER_WITHOUT_FREE_SLOT,
                                "business of mint " + MINT_A + " arrived, but every known unlocked slot holds a business"),
                        new BusinessTakenOver(ALICE, BOB, fact(20), MINT_A, null, UPGRADED_TOBACCO, at(600)));
    }

    @Test
    void aNewOwnerMayBeMetFirstThroughTheTransfer() {
        fixture.givenNoPriorActivity()
                .when(takeOver())
                .expectEvents(new BusinessTakenOver(ALICE, BOB, fact(20), MINT_A, 0, UPGRADED_TOBACCO, at(600)));
    }

    @Test
    void duplicateDeliveriesChangeNothingOnEitherSide() {
        fixture.given(joined(), new BusinessHandedOver(ALICE, BOB, fact(20), MINT_A, 0, at(600)))
                .when(handOver(MINT_A))
                .expectNoEvents()
                .expectResultMessagePayload(null);
        fixture.given(joined(), new BusinessTakenOver(ALICE, BOB, fact(20), MINT_A, 0, UPGRADED_TOBACCO, at(600)))
                .when(takeOver())
                .expectNoEvents();
    }

    @Test
    void aTransferredBusinessEarnsForItsNewOwner() {
        fixture.given(joined(), new BusinessTakenOver(ALICE, BOB, fact(20), MINT_A, 0, UPGRADED_TOBACCO, at(600)))
                .when(new com.solanamafia.api.earnings.RecordEarningsClaimed(ALICE, fact(21), Lamports.of(1_080_000), at(86_400)))
                .expectEvents(new com.solanamafia.api.earnings.EarningsClaimed(ALICE, fact(21), Lamports.of(1_080_000), at(86_400)));
    }

    @Test
    void theNewOwnerSellingOrUpgradingTheTransferredBusinessContradictsTheProgram() {
        BusinessTakenOver arrived = new BusinessTakenOver(ALICE, BOB, fact(20), MINT_A, 0,
                new TransferredBusiness(0, 1, sol(0.1), sol(0.1), 90), at(600));
        String reason = "slot 0 holds the business of mint " + MINT_A + ", moved here by sync_business_ownership, yet it was ";
        fixture.given(joined(), arrived)
                .when(new RecordBusinessSold(ALICE, fact(21), 0, 0, sol(0.1), BigInteger.ONE, 25, 0, 25, sol(0.09), at(700)))
                .expectEvents(new ChainDiscrepancyDetected(ALICE, fact(21), TRANSFERRED_BUSINESS_SOLD_OR_UPGRADED, reason + "sold"),
                        new BusinessSold(ALICE, fact(21), 0, 0, sol(0.1), BigInteger.ONE, 25, 0, 25, sol(0.09), at(700), false));
        fixture.given(joined(), arrived)
                .when(new RecordNftBusinessUpgraded(ALICE, fact(21), 0, 1, 2, sol(0.05), MINT_A, MINT_B, 100, at(700)))
                .expectEvents(new ChainDiscrepancyDetected(ALICE, fact(21), TRANSFERRED_BUSINESS_SOLD_OR_UPGRADED, reason + "upgraded"),
                        new BusinessUpgraded(ALICE, fact(21), 0, 1, 2, sol(0.05), 100, MINT_A, MINT_B, at(700), false));
    }

    @Test
    void aBusinessBoughtIntoTheSlotAfterwardsIsNotTransferred() {
        fixture.given(joined(), new BusinessTakenOver(ALICE, BOB, fact(20), MINT_A, 0, UPGRADED_TOBACCO, at(600)),
                        new BusinessHandedOver(ALICE, BOB, fact(21), MINT_A, 0, at(650)), nftBusinessInSlot(0, 22, MINT_B))
                .when(new RecordBusinessSold(ALICE, fact(23), 0, 1, sol(0.5), BigInteger.ONE, 25, 0, 25, sol(0.4), at(700)))
                .expectEvents(new BusinessSold(ALICE, fact(23), 0, 1, sol(0.5), BigInteger.ONE, 25, 0, 25, sol(0.4), at(700), false));
    }

    static PlayerState stateOf(PlayerAggregate player) {
        try {
            var field = PlayerAggregate.class.getDeclaredField("state");
            field.setAccessible(true);
            return (PlayerState) field.get(player);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
