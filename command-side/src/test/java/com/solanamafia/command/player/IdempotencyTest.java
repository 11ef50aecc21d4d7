package com.solanamafia.command.player;

import com.solanamafia.api.business.RecordBusinessPurchased;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.earnings.RecordEarningsClaimed;
import com.solanamafia.api.player.RecordPlayerJoined;
import com.solanamafia.command.support.RecentPositions;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.solanamafia.command.support.PlayerFacts.joined;
import static com.solanamafia.command.support.PlayerFacts.tobaccoInSlot0;
import static com.solanamafia.command.support.Samples.ALICE;
import static com.solanamafia.command.support.Samples.T0;
import static com.solanamafia.command.support.Samples.at;
import static com.solanamafia.command.support.Samples.fact;
import static com.solanamafia.command.support.Samples.sol;
import static org.assertj.core.api.Assertions.assertThat;

/** A fact whose chain position the player already applied is ignored: no event, no discrepancy. */
class IdempotencyTest {
    AggregateTestFixture<PlayerAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlayerAggregate.class);
    }

    @Test
    void aRedeliveredJoinIsNotAJoinTwice() {
        fixture.given(joined())
                .when(new RecordPlayerJoined(ALICE, fact(1), Lamports.of(12_345_679), Instant.ofEpochSecond(T0), null))
                .expectNoEvents();
    }

    @Test
    void aRedeliveredPurchaseIsNotAPurchaseIntoAnOccupiedSlot() {
        fixture.given(joined(), tobaccoInSlot0())
                .when(new RecordBusinessPurchased(ALICE, fact(2), 0, 0, 0, sol(0.1), Lamports.ZERO, sol(0.1), 200, at(120)))
                .expectNoEvents();
    }

    @Test
    void positionsOlderThanTheWindowAreForgotten() {
        List<Object> history = new ArrayList<>(List.of(joined()));
        for (int n = 100; n < 100 + RecentPositions.CAPACITY; n++) {
            history.add(new EarningsAccrued(ALICE, fact(n), Lamports.ZERO, Lamports.ZERO, UnixTime.UNSET, 0));
        }
        fixture.given(history)
                .when(new RecordPlayerJoined(ALICE, fact(1), Lamports.of(1), null, null))
                .expectEventsMatching(com.solanamafia.command.support.Emitted.emits("player-joined-twice", "PlayerJoined"));
        fixture.given(history)
                .when(new RecordEarningsClaimed(ALICE, fact(100 + RecentPositions.CAPACITY - 1), Lamports.ZERO, at(0)))
                .expectNoEvents();
    }

    @Test
    void theWindowIsBounded() {
        RecentPositions recent = new RecentPositions();
        for (int n = 0; n < 1000; n++) {
            recent.remember(fact(n));
        }
        assertThat(recent.contains(fact(999))).isTrue();
        assertThat(recent.contains(fact(999 - RecentPositions.CAPACITY))).isFalse();
    }
}
