package com.solanamafia.command.player;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.earnings.RecordEarningsClaimed;
import com.solanamafia.api.referral.ReferralBonusCredited;
import com.solanamafia.api.slot.PremiumSlotPurchased;
import com.solanamafia.api.slot.SlotType;
import com.solanamafia.api.slot.SlotUnlocked;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static com.solanamafia.command.support.PlayerFacts.firstDay;
import static com.solanamafia.command.support.PlayerFacts.joined;
import static com.solanamafia.command.support.PlayerFacts.slot0ToLevel1;
import static com.solanamafia.command.support.PlayerFacts.tobaccoInSlot0;
import static com.solanamafia.command.support.Samples.ALICE;
import static com.solanamafia.command.support.Samples.BOB;
import static com.solanamafia.command.support.Samples.MINT_B;
import static com.solanamafia.command.support.Samples.at;
import static com.solanamafia.command.support.Samples.fact;
import static com.solanamafia.command.support.Samples.sol;
import static org.assertj.core.api.Assertions.assertThat;

/** The player's whole state survives Axon's Jackson serializer, as snapshots need. */
class PlayerSnapshotTest {
    final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()).build();

    @Test
    void aRichPlayerRoundTrips() {
        new AggregateTestFixture<>(PlayerAggregate.class)
                .given(joined(), tobaccoInSlot0(), slot0ToLevel1(), firstDay(),
                        new BusinessPurchased(ALICE, fact(5), 2, 1, 0, sol(0.5), null, null, 90, MINT_B, at(0)),
                        new SlotUnlocked(ALICE, fact(6), 3, sol(0.01), at(0)),
                        new PremiumSlotPurchased(ALICE, fact(7), SlotType.VIP, 6, sol(25), at(0)),
                        new ReferralBonusCredited(ALICE, fact(8), BOB, Lamports.of(7), 1, at(0)))
                .when(new RecordEarningsClaimed(ALICE, fact(10), sol(0.001), at(600)))
                .expectState(player -> {
                    SerializedObject<String> json = serializer.serialize(player, String.class);
                    PlayerAggregate copy = serializer.deserialize(json);
                    assertThat(serializer.serialize(copy, String.class).getData()).isEqualTo(json.getData());
                    assertThat(copy).usingRecursiveComparison().isEqualTo(player);
                    assertThat(json.getData()).contains("\"wallet\":\"" + ALICE + "\"", "\"VIP\"", "sig10:0:0",
                            "\"totalClaimed\":\"1000000\"", "\"nftMint\":\"" + MINT_B + "\"");
                });
    }
}
