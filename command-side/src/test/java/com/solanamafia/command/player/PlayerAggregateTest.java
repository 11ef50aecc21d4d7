package com.solanamafia.command.player;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainPosition;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.discrepancy.ChainDiscrepancyDetected;
import com.solanamafia.api.player.PlayerJoined;
import com.solanamafia.api.player.RecordPlayerJoined;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class PlayerAggregateTest {
    static final Wallet WALLET = Wallet.of("33jmAYTeKuUUBy2umymj8ruj3eg1d1DiuUGktnwjkzGY");
    static final ChainFact FACT = new ChainFact(new ChainPosition("sig1", "0", 0), 100, Instant.parse("2026-01-01T00:00:00Z"));
    static final Instant JOINED = Instant.parse("2026-01-01T00:00:00Z");

    AggregateTestFixture<PlayerAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlayerAggregate.class);
    }

    @Test
    void aWalletJoins() {
        fixture.givenNoPriorActivity()
                .when(new RecordPlayerJoined(WALLET, FACT, Lamports.of(10_000_000), JOINED, null))
                .expectEvents(new PlayerJoined(WALLET, FACT, Lamports.of(10_000_000), JOINED, null));
    }

    @Test
    void joiningTwiceIsRecordedWithADiscrepancy() {
        ChainFact second = new ChainFact(new ChainPosition("sig2", "0", 0), 200, JOINED.plusSeconds(60));
        fixture.given(new PlayerJoined(WALLET, FACT, Lamports.of(1), JOINED, null))
                .when(new RecordPlayerJoined(WALLET, second, Lamports.of(2), JOINED.plusSeconds(60), null))
                .expectEvents(
                        new ChainDiscrepancyDetected(WALLET, second, "player-joined-twice",
                                "PlayerCreated for a wallet that had already joined"),
                        new PlayerJoined(WALLET, second, Lamports.of(2), JOINED.plusSeconds(60), null));
    }
}
