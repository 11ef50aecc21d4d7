package com.solanamafia.command.player;

import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.earnings.EarningsClaimed;
import com.solanamafia.api.earnings.RecordEarningsAccrued;
import com.solanamafia.api.earnings.RecordEarningsClaimed;
import com.solanamafia.api.referral.RecordReferralBonusCredited;
import com.solanamafia.api.referral.ReferralBonusCredited;
import com.solanamafia.api.slot.PremiumSlotPurchased;
import com.solanamafia.api.slot.RecordPremiumSlotPurchased;
import com.solanamafia.api.slot.RecordSlotUnlocked;
import com.solanamafia.api.slot.SlotType;
import com.solanamafia.api.slot.SlotUnlocked;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.solanamafia.command.support.PlayerFacts.firstDay;
import static com.solanamafia.command.support.PlayerFacts.joined;
import static com.solanamafia.command.support.PlayerFacts.tobaccoInSlot0;
import static com.solanamafia.command.support.Samples.ALICE;
import static com.solanamafia.command.support.Samples.BOB;
import static com.solanamafia.command.support.Samples.at;
import static com.solanamafia.command.support.Samples.fact;
import static com.solanamafia.command.support.Samples.sol;

/** Earnings, slot and referral facts become their domain events when they agree with what we know. */
class EarningsFactsTest {
    AggregateTestFixture<PlayerAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlayerAggregate.class);
    }

    @Test
    void earningsAccrueOnTopOfKnownPending() {
        fixture.given(joined(), tobaccoInSlot0(), firstDay())
                .when(new RecordEarningsAccrued(ALICE, fact(10), sol(0.002), sol(0.004), at(3 * 86_400), 1))
                .expectEvents(new EarningsAccrued(ALICE, fact(10), sol(0.002), sol(0.004), at(3 * 86_400), 1));
    }

    @Test
    void aClaimOfThePending() {
        fixture.given(joined(), tobaccoInSlot0(), firstDay())
                .when(new RecordEarningsClaimed(ALICE, fact(10), sol(0.002), at(600)))
                .expectEvents(new EarningsClaimed(ALICE, fact(10), sol(0.002), at(600)));
    }

    @Test
    void aClaimResetsPendingForTheNextUpdate() {
        fixture.given(joined(), tobaccoInSlot0(), firstDay(), new EarningsClaimed(ALICE, fact(5), sol(0.002), at(600)))
                .when(new RecordEarningsAccrued(ALICE, fact(10), sol(0.002), sol(0.002), at(3 * 86_400), 1))
                .expectEvents(new EarningsAccrued(ALICE, fact(10), sol(0.002), sol(0.002), at(3 * 86_400), 1));
    }

    @Test
    void aReferralBonusIsCreditedToTheReferrerAndClaimable() {
        fixture.given(joined())
                .when(new RecordReferralBonusCredited(ALICE, fact(10), BOB, Lamports.of(5_000), 1, at(0)))
                .expectEvents(new ReferralBonusCredited(ALICE, fact(10), BOB, Lamports.of(5_000), 1, at(0)));
        fixture.given(joined(), new ReferralBonusCredited(ALICE, fact(5), BOB, Lamports.of(5_000), 1, at(0)))
                .when(new RecordEarningsClaimed(ALICE, fact(10), Lamports.of(5_000), at(600)))
                .expectEvents(new EarningsClaimed(ALICE, fact(10), Lamports.of(5_000), at(600)));
    }

    @Test
    void aSlotUnlock() {
        fixture.given(joined())
                .when(new RecordSlotUnlocked(ALICE, fact(10), 3, sol(0.01), at(0)))
                .expectEvents(new SlotUnlocked(ALICE, fact(10), 3, sol(0.01), at(0)));
    }

    @Test
    void aPremiumSlotPurchase() {
        fixture.given(joined())
                .when(new RecordPremiumSlotPurchased(ALICE, fact(10), SlotType.LEGENDARY, 6, sol(100), at(0)))
                .expectEvents(new PremiumSlotPurchased(ALICE, fact(10), SlotType.LEGENDARY, 6, sol(100), at(0)));
    }
}
