package com.solanamafia.command.player;

import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.earnings.RecordEarningsAccrued;
import com.solanamafia.api.earnings.RecordEarningsClaimed;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.solanamafia.api.discrepancy.DiscrepancyRules.CLAIM_EXCEEDS_PENDING;
import static com.solanamafia.api.discrepancy.DiscrepancyRules.CLAIM_WITH_NOTHING_PENDING;
import static com.solanamafia.api.discrepancy.DiscrepancyRules.PENDING_EARNINGS_MISMATCH;
import static com.solanamafia.command.support.Emitted.emits;
import static com.solanamafia.command.support.PlayerFacts.firstDay;
import static com.solanamafia.command.support.PlayerFacts.joined;
import static com.solanamafia.command.support.PlayerFacts.nftTobaccoInSlot0;
import static com.solanamafia.command.support.PlayerFacts.slot0ToLevel1;
import static com.solanamafia.command.support.PlayerFacts.tobaccoInSlot0;
import static com.solanamafia.command.support.Samples.ALICE;
import static com.solanamafia.command.support.Samples.at;
import static com.solanamafia.command.support.Samples.fact;
import static com.solanamafia.command.support.Samples.sol;

/**
 * Earnings facts that contradict the pending balance we know. Tobacco shop in slot 0 earns 0.002 SOL a day; a claim
 * may include one unrecorded auto-update per elapsed day (with at most a 5 % slot bonus).
 */
class EarningsDiscrepancyTest {
    AggregateTestFixture<PlayerAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlayerAggregate.class);
    }

    static RecordEarningsAccrued accrued(double added, double total) {
        return new RecordEarningsAccrued(ALICE, fact(10), sol(added), sol(total), at(3 * 86_400), 1);
    }

    static RecordEarningsClaimed claimed(double amount, long atOffset) {
        return new RecordEarningsClaimed(ALICE, fact(10), sol(amount), at(atOffset));
    }

    @Test
    void pendingBelowKnownPlusAdded() {
        fixture.given(joined(), tobaccoInSlot0(), firstDay()).when(accrued(0.002, 0.003))
                .expectEventsMatching(emits(PENDING_EARNINGS_MISMATCH, "EarningsAccrued"));
    }

    @Test
    void pendingAboveKnownPlusAddedOnHead() {
        fixture.given(joined(), tobaccoInSlot0(), firstDay()).when(accrued(0.002, 0.005))
                .expectEventsMatching(emits(PENDING_EARNINGS_MISMATCH, "EarningsAccrued"));
    }

    @Test
    void cb08020AccruesSilentlySoAHigherTotalIsExplained() {
        fixture.given(joined(), nftTobaccoInSlot0(),
                        new EarningsAccrued(ALICE, fact(4), sol(0.001), sol(0.001), UnixTime.UNSET, 1))
                .when(accrued(0.001, 0.003))
                .expectEventsMatching(emits("EarningsAccrued"));
    }

    @Test
    void pendingIsNotJudgedWhenWeMissedThePlayersStart() {
        fixture.given(slot0ToLevel1()).when(accrued(0.002, 0.009))
                .expectEventsMatching(emits("EarningsAccrued"));
    }

    @Test
    void claimAboveKnownPendingWithoutBusinesses() {
        fixture.given(joined(), firstDay()).when(claimed(0.003, 86_400))
                .expectEventsMatching(emits(CLAIM_EXCEEDS_PENDING, "EarningsClaimed"));
    }

    @Test
    void claimMayIncludeOneUnrecordedDayPerElapsedDay() {
        fixture.given(joined(), tobaccoInSlot0(), firstDay()).when(claimed(0.0041, 86_400))
                .expectEventsMatching(emits("EarningsClaimed"));
        fixture.given(joined(), tobaccoInSlot0(), firstDay()).when(claimed(0.0042, 86_400))
                .expectEventsMatching(emits(CLAIM_EXCEEDS_PENDING, "EarningsClaimed"));
    }

    @Test
    void claimWithNothingPending() {
        fixture.given(joined()).when(claimed(0.001, 600))
                .expectEventsMatching(emits(CLAIM_WITH_NOTHING_PENDING, "EarningsClaimed"));
    }

    @Test
    void claimIsNotJudgedWhenPendingIsUnknown() {
        fixture.given(slot0ToLevel1()).when(new RecordEarningsClaimed(ALICE, fact(10), Lamports.of(1), at(600)))
                .expectEventsMatching(emits("EarningsClaimed"));
    }
}
