package com.solanamafia.command.player;

import com.solanamafia.api.business.BusinessDeactivated;
import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.business.BusinessSold;
import com.solanamafia.api.business.BusinessUpgraded;
import com.solanamafia.api.business.LegacyBusinessCreated;
import com.solanamafia.api.business.RecordBusinessDeactivated;
import com.solanamafia.api.business.RecordBusinessPurchased;
import com.solanamafia.api.business.RecordBusinessSold;
import com.solanamafia.api.business.RecordBusinessUpgraded;
import com.solanamafia.api.business.RecordLegacyBusinessCreated;
import com.solanamafia.api.business.RecordLegacyBusinessSold;
import com.solanamafia.api.business.RecordLegacyBusinessUpgraded;
import com.solanamafia.api.business.RecordNftBusinessPurchased;
import com.solanamafia.api.business.RecordNftBusinessUpgraded;
import com.solanamafia.api.chain.Lamports;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static com.solanamafia.command.support.PlayerFacts.joined;
import static com.solanamafia.command.support.PlayerFacts.nftTobaccoInSlot0;
import static com.solanamafia.command.support.PlayerFacts.tobaccoInSlot0;
import static com.solanamafia.command.support.Samples.ALICE;
import static com.solanamafia.command.support.Samples.MINT_A;
import static com.solanamafia.command.support.Samples.MINT_B;
import static com.solanamafia.command.support.Samples.at;
import static com.solanamafia.command.support.Samples.fact;
import static com.solanamafia.command.support.Samples.sol;

/** Every business fact becomes its domain event when it agrees with what we know. */
class BusinessFactsTest {
    AggregateTestFixture<PlayerAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlayerAggregate.class);
    }

    @Test
    void aCb08020PurchaseStartsAPlayerAndKeepsItsMint() {
        fixture.givenNoPriorActivity()
                .when(new RecordNftBusinessPurchased(ALICE, fact(10), 0, 0, sol(0.1), 80, MINT_A, at(0)))
                .expectEvents(new BusinessPurchased(ALICE, fact(10), 0, 0, 0, sol(0.1), null, null, 80, MINT_A, at(0)));
    }

    @Test
    void aHeadPurchaseKeepsSlotCostAndTotalPaid() {
        fixture.given(joined())
                .when(new RecordBusinessPurchased(ALICE, fact(10), 3, 1, 0, sol(0.5), sol(0.05), sol(0.55), 180, at(0)))
                .expectEvents(new BusinessPurchased(ALICE, fact(10), 3, 1, 0, sol(0.5), sol(0.05), sol(0.55), 180, null, at(0)));
    }

    @Test
    void theLegacyBusinessCreatedIsRecordedAsItIs() {
        fixture.given(joined())
                .when(new RecordLegacyBusinessCreated(ALICE, fact(10), 2, sol(2), 100, sol(0.2), at(0)))
                .expectEvents(new LegacyBusinessCreated(ALICE, fact(10), 2, sol(2), 100, sol(0.2), at(0)));
    }

    @Test
    void aCb08020UpgradeSwapsTheMint() {
        fixture.given(joined(), nftTobaccoInSlot0())
                .when(new RecordNftBusinessUpgraded(ALICE, fact(10), 0, 0, 1, sol(0.02), MINT_A, MINT_B, 90, at(0)))
                .expectEvents(new BusinessUpgraded(ALICE, fact(10), 0, 0, 1, sol(0.02), 90, MINT_A, MINT_B, at(0), false));
    }

    @Test
    void aHeadUpgrade() {
        fixture.given(joined(), tobaccoInSlot0())
                .when(new RecordBusinessUpgraded(ALICE, fact(10), 0, 0, 1, sol(0.02), 200, at(0)))
                .expectEvents(new BusinessUpgraded(ALICE, fact(10), 0, 0, 1, sol(0.02), 200, null, null, at(0), false));
    }

    @Test
    void theLegacyUpgradeNamesABusinessIndexNotASlot() {
        fixture.given(joined())
                .when(new RecordLegacyBusinessUpgraded(ALICE, fact(10), 7, 2, sol(0.05), 115))
                .expectEvents(new BusinessUpgraded(ALICE, fact(10), 7, null, 2, sol(0.05), 115, null, null, null, true));
    }

    @Test
    void aSaleFromASlot() {
        fixture.given(joined(), tobaccoInSlot0())
                .when(new RecordBusinessSold(ALICE, fact(10), 0, 0, sol(0.1), BigInteger.TWO, 25, 0, 25, sol(0.075), at(0)))
                .expectEvents(new BusinessSold(ALICE, fact(10), 0, 0, sol(0.1), BigInteger.TWO, 25, 0, 25, sol(0.075), at(0), false));
    }

    @Test
    void theLegacySale() {
        fixture.given(joined())
                .when(new RecordLegacyBusinessSold(ALICE, fact(10), 1, BigInteger.TEN, 20, sol(0.08)))
                .expectEvents(new BusinessSold(ALICE, fact(10), 1, null, null, BigInteger.TEN, null, null, 20, sol(0.08), null, true));
    }

    @Test
    void aDeactivation() {
        fixture.given(joined(), nftTobaccoInSlot0())
                .when(new RecordBusinessDeactivated(ALICE, fact(10), MINT_A, "nft_burned", at(0)))
                .expectEvents(new BusinessDeactivated(ALICE, fact(10), MINT_A, "nft_burned", at(0)));
    }

    @Test
    void aSlotFreedBySaleCanBeBoughtAgain() {
        fixture.given(joined(), tobaccoInSlot0(),
                        new BusinessSold(ALICE, fact(3), 0, 0, sol(0.1), BigInteger.ONE, 25, 0, 25, sol(0.075), at(0), false))
                .when(new RecordBusinessPurchased(ALICE, fact(10), 0, 0, 0, sol(0.1), Lamports.ZERO, sol(0.1), 200, at(0)))
                .expectEvents(new BusinessPurchased(ALICE, fact(10), 0, 0, 0, sol(0.1), Lamports.ZERO, sol(0.1), 200, null, at(0)));
    }
}
