package com.solanamafia.command.player;

import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.business.BusinessSold;
import com.solanamafia.api.business.RecordBusinessPurchased;
import com.solanamafia.api.business.RecordBusinessSold;
import com.solanamafia.api.business.RecordBusinessUpgraded;
import com.solanamafia.api.business.RecordNftBusinessUpgraded;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.discrepancy.ChainDiscrepancyDetected;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static com.solanamafia.api.discrepancy.DiscrepancyRules.*;
import static com.solanamafia.command.support.Emitted.emits;
import static com.solanamafia.command.support.PlayerFacts.firstDay;
import static com.solanamafia.command.support.PlayerFacts.joined;
import static com.solanamafia.command.support.PlayerFacts.slot0ToLevel1;
import static com.solanamafia.command.support.PlayerFacts.tobaccoInSlot0;
import static com.solanamafia.command.support.Samples.ALICE;
import static com.solanamafia.command.support.Samples.MINT_A;
import static com.solanamafia.command.support.Samples.MINT_B;
import static com.solanamafia.command.support.Samples.at;
import static com.solanamafia.command.support.Samples.fact;
import static com.solanamafia.command.support.Samples.sol;

/** Business facts that contradict what we know, or hit a known program bug, are recorded with a discrepancy. */
class BusinessDiscrepancyTest {
    AggregateTestFixture<PlayerAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlayerAggregate.class);
    }

    static RecordBusinessPurchased headPurchase(int slot, int type, int level, Lamports deposit) {
        return new RecordBusinessPurchased(ALICE, fact(10), slot, type, level, deposit, Lamports.ZERO, deposit, 200, at(0));
    }

    static RecordBusinessUpgraded headUpgrade(int slot, int oldLevel, int newLevel) {
        return new RecordBusinessUpgraded(ALICE, fact(10), slot, oldLevel, newLevel, sol(0.02), 200, at(0));
    }

    static BusinessPurchased givenPurchase(int level, Lamports deposit) {
        return new BusinessPurchased(ALICE, fact(2), 0, 0, level, deposit, Lamports.ZERO, deposit, 200, null, at(0));
    }

    @Test
    void purchaseIntoAnOccupiedSlot() {
        fixture.given(joined(), tobaccoInSlot0()).when(headPurchase(0, 0, 0, sol(0.1)))
                .expectEventsMatching(emits(PURCHASE_INTO_OCCUPIED_SLOT, "BusinessPurchased"));
    }

    @Test
    void purchaseOfAnUnknownBusinessType() {
        fixture.given(joined()).when(headPurchase(1, 111, 0, sol(0.1)))
                .expectEventsMatching(emits(UNKNOWN_BUSINESS_TYPE, "BusinessPurchased"));
    }

    @Test
    void purchaseAboveTheMaximumLevel() {
        fixture.given(joined()).when(headPurchase(1, 0, 4, sol(1000)))
                .expectEventsMatching(emits(LEVEL_ABOVE_MAX, "BusinessPurchased"));
    }

    @Test
    void bugLevelBoughtWithoutPayingTheUpgrades() {
        fixture.given(joined()).when(headPurchase(1, 0, 3, sol(0.1)))
                .expectEvents(new ChainDiscrepancyDetected(ALICE, fact(10), BUG_LEVEL_BOUGHT_WITHOUT_UPGRADE_COST,
                                "level 3 business worth 270000000 bought for a deposit of 100000000"),
                        new BusinessPurchased(ALICE, fact(10), 1, 0, 3, sol(0.1), Lamports.ZERO, sol(0.1), 200, null, at(0)));
    }

    @Test
    void aLevelPaidInFullIsNoBug() {
        fixture.given(joined()).when(headPurchase(1, 0, 3, sol(0.27)))
                .expectEventsMatching(emits("BusinessPurchased"));
    }

    @Test
    void upgradeOfAnEmptySlot() {
        fixture.given(joined()).when(headUpgrade(5, 0, 1))
                .expectEventsMatching(emits(UPGRADE_OF_EMPTY_SLOT, "BusinessUpgraded"));
    }

    @Test
    void anUnknownSlotIsNotEmptyWhenWeJoinedTheStoryLate() {
        fixture.given(firstDay()).when(headUpgrade(5, 0, 1))
                .expectEventsMatching(emits("BusinessUpgraded"));
    }

    @Test
    void upgradeSkippingALevel() {
        fixture.given(joined(), tobaccoInSlot0()).when(headUpgrade(0, 0, 2))
                .expectEventsMatching(emits(UPGRADE_LEVEL_NOT_NEXT, "BusinessUpgraded"));
    }

    @Test
    void upgradeFromAnotherLevelThanKnown() {
        fixture.given(joined(), tobaccoInSlot0(), slot0ToLevel1()).when(headUpgrade(0, 0, 1))
                .expectEventsMatching(emits(UPGRADE_OLD_LEVEL_MISMATCH, "BusinessUpgraded"));
    }

    @Test
    void upgradeAboveTheMaximumLevel() {
        fixture.given(joined(), givenPurchase(3, sol(0.27)))
                .when(new RecordNftBusinessUpgraded(ALICE, fact(10), 0, 3, 4, sol(0.1), MINT_A, MINT_B, 200, at(0)))
                .expectEventsMatching(emits(LEVEL_ABOVE_MAX, "BusinessUpgraded"));
    }

    @Test
    void bugHeadUpgradeReachingLevel3() {
        fixture.given(joined(), givenPurchase(2, sol(0.17))).when(headUpgrade(0, 2, 3))
                .expectEventsMatching(emits(BUG_HEAD_UPGRADE_TO_LEVEL_3, "BusinessUpgraded"));
    }

    @Test
    void cb08020UpgradesCanReachLevel3() {
        fixture.given(joined(), givenPurchase(2, sol(0.17)))
                .when(new RecordNftBusinessUpgraded(ALICE, fact(10), 0, 2, 3, sol(0.1), MINT_A, MINT_B, 200, at(0)))
                .expectEventsMatching(emits("BusinessUpgraded"));
    }

    @Test
    void saleOfAnEmptySlot() {
        fixture.given(joined())
                .when(new RecordBusinessSold(ALICE, fact(10), 4, 0, sol(0.1), BigInteger.ONE, 25, 0, 25, sol(0.075), at(0)))
                .expectEventsMatching(emits(SALE_OF_EMPTY_SLOT, "BusinessSold"));
    }

    @Test
    void bugSaleRefundingUpgradeCosts() {
        fixture.given(joined(), tobaccoInSlot0(), slot0ToLevel1())
                .when(new RecordBusinessSold(ALICE, fact(10), 0, 0, sol(0.12), BigInteger.ONE, 25, 0, 25, sol(0.09), at(0)))
                .expectEvents(new ChainDiscrepancyDetected(ALICE, fact(10), BUG_SELL_REFUNDS_UPGRADE_COSTS,
                                "refund includes 15000000 of upgrade value 20000000 that never went into the pool"),
                        new BusinessSold(ALICE, fact(10), 0, 0, sol(0.12), BigInteger.ONE, 25, 0, 25, sol(0.09), at(0), false));
    }
}
