package com.solanamafia.command.chainfacts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.solanamafia.api.business.RecordBusinessPurchased;
import com.solanamafia.api.business.RecordBusinessUpgraded;
import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactCommand;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.earnings.RecordEarningsClaimed;
import com.solanamafia.api.player.RecordPlayerJoined;
import com.solanamafia.api.slot.RecordPremiumSlotPurchased;
import com.solanamafia.api.slot.SlotType;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.solanamafia.command.support.Samples.ALICE;
import static com.solanamafia.command.support.Samples.fact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChainFactCommandsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    record Vector(String idl, String event, String log, LinkedHashMap<String, Object> fields) {
    }

    static List<Vector> publicVectors() throws Exception {
        Path shared = Path.of(System.getProperty("shared.dir", "../../shared"));
        if (!Files.isDirectory(shared)) {
            shared = Path.of("../shared");
        }
        List<Vector> vectors = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(shared.resolve("testdata/anchor-events/public-vectors.jsonl"))) {
            if (!line.isBlank()) {
                vectors.add(JSON.readValue(line, Vector.class));
            }
        }
        return vectors;
    }

    @Test
    void everyPublicVectorBecomesACommandOfItsEvent() throws Exception {
        List<Vector> vectors = publicVectors();
        Set<String> events = new HashSet<>();
        for (Vector v : vectors) {
            ChainFactCommand command = ChainFactCommands.toCommand(v.event(), v.fields(), fact(1), v.idl());
            assertThat(command.fact()).isEqualTo(fact(1));
            events.add(v.event());
        }
        assertThat(vectors).hasSize(85);
        assertThat(events).hasSize(17);
    }

    @Test
    void theFullLayoutIsRecognisedWithoutAnIdlVersion() throws Exception {
        for (Vector v : publicVectors()) {
            Object withVersion = ChainFactCommands.toCommand(v.event(), v.fields(), fact(1), "full");
            assertThat(ChainFactCommands.toCommand(v.event(), v.fields(), fact(1), null)).isEqualTo(withVersion);
        }
    }

    @Test
    void outOfRangeValuesAreKeptExactly() throws Exception {
        Vector claimed = publicVectors().stream().filter(v -> v.event().equals("EarningsClaimed")).findFirst().orElseThrow();
        RecordEarningsClaimed command = (RecordEarningsClaimed) ChainFactCommands.toCommand(
                claimed.event(), claimed.fields(), fact(1), "full");
        assertThat(command.amount()).isEqualTo(Lamports.parse("12853537297048254894"));
        assertThat(command.claimedAt().seconds()).isEqualTo(83140520270750295L);
        assertThat(command.claimedAt().instant()).isNull();
    }

    @Test
    void playerCreatedKeepsRawTimesAndDerivesInstants() {
        RecordPlayerJoined command = (RecordPlayerJoined) ChainFactCommands.toCommand("PlayerCreated",
                Map.of("wallet", ALICE.base58(), "entry_fee", "10000000", "created_at", "1770000000",
                        "next_earnings_time", "0"), fact(1), "current");
        assertThat(command.joinedAt()).hasToString("2026-02-02T02:40:00Z");
        assertThat(command.nextEarningsAt()).isNull();
        assertThat(command.nextEarningsAtRaw().seconds()).isZero();
    }

    static Map<String, Object> currentCreatedInSlot() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("player", ALICE.base58());
        fields.put("slot_index", "6");
        fields.put("business_type", "2");
        fields.put("level", 3);
        fields.put("base_cost", "2000000000");
        fields.put("slot_cost", 1_000_000_000L);
        fields.put("total_paid", "3000000000");
        fields.put("daily_rate", "160");
        fields.put("created_at", "1770000000");
        return fields;
    }

    @Test
    void theCurrentLayoutOfBusinessCreatedInSlot() {
        Object command = ChainFactCommands.toCommand("BusinessCreatedInSlot", currentCreatedInSlot(), fact(1), null);
        assertThat(command).isInstanceOf(RecordBusinessPurchased.class);
        RecordBusinessPurchased purchase = (RecordBusinessPurchased) command;
        assertThat(purchase.level()).isEqualTo(3);
        assertThat(purchase.slotCost()).isEqualTo(Lamports.of(1_000_000_000L));
        assertThat(ChainFactCommands.toCommand("BusinessCreatedInSlot", currentCreatedInSlot(), fact(1), "current"))
                .isEqualTo(command);
    }

    @Test
    void theCurrentLayoutOfBusinessUpgradedInSlot() {
        Map<String, Object> fields = Map.of("player", ALICE.base58(), "slot_index", "0", "old_level", "0",
                "new_level", "1", "upgrade_cost", "20000000", "new_daily_rate", "200", "upgraded_at", "1770000000");
        assertThat(ChainFactCommands.toCommand("BusinessUpgradedInSlot", fields, fact(1), null))
                .isInstanceOf(RecordBusinessUpgraded.class);
    }

    @Test
    void anIdlVersionThatContradictsTheFieldsIsAMissingField() {
        assertThatThrownBy(() -> ChainFactCommands.toCommand("BusinessCreatedInSlot", currentCreatedInSlot(), fact(1), "full"))
                .isInstanceOf(UnmappableEventException.class).hasMessageContaining("field nft_mint missing");
    }

    @Test
    void slotTypesAreIdlVariantNames() {
        Object command = ChainFactCommands.toCommand("PremiumSlotPurchased", Map.of("player", ALICE.base58(),
                "slot_type", "Legendary", "slot_index", "8", "cost", "100", "purchased_at", "1"), fact(1), "full");
        assertThat(((RecordPremiumSlotPurchased) command).slotType()).isEqualTo(SlotType.LEGENDARY);
        assertThatThrownBy(() -> ChainFactCommands.toCommand("PremiumSlotPurchased", Map.of("player", ALICE.base58(),
                "slot_type", "Gold", "slot_index", "8", "cost", "100", "purchased_at", "1"), fact(1), "full"))
                .hasMessageContaining("slot_type");
    }

    @Test
    void badValuesAreRefusedWithTheFieldName() {
        Map<String, Object> fields = currentCreatedInSlot();
        fields.put("slot_index", "256");
        assertThatThrownBy(() -> ChainFactCommands.toCommand("BusinessCreatedInSlot", fields, fact(1), "current"))
                .isInstanceOf(UnmappableEventException.class).hasMessage("BusinessCreatedInSlot: field slot_index not a u8: 256");
        fields.put("slot_index", "1");
        fields.put("base_cost", "18446744073709551616");
        assertThatThrownBy(() -> ChainFactCommands.toCommand("BusinessCreatedInSlot", fields, fact(1), "current"))
                .hasMessageContaining("base_cost not a u64");
        fields.put("base_cost", "1.5");
        assertThatThrownBy(() -> ChainFactCommands.toCommand("BusinessCreatedInSlot", fields, fact(1), "current"))
                .hasMessageContaining("base_cost not an integer");
        fields.put("base_cost", "1");
        fields.put("player", "not-a-key");
        assertThatThrownBy(() -> ChainFactCommands.toCommand("BusinessCreatedInSlot", fields, fact(1), "current"))
                .hasMessageContaining("player not a public key");
        fields.put("player", ALICE.base58());
        fields.put("created_at", "9223372036854775808");
        assertThatThrownBy(() -> ChainFactCommands.toCommand("BusinessCreatedInSlot", fields, fact(1), "current"))
                .hasMessageContaining("created_at not an i64");
    }

    @Test
    void unknownEventsAndVersionsAreRefused() {
        assertThatThrownBy(() -> ChainFactCommands.toCommand("Mystery", Map.of(), fact(1), "full"))
                .isInstanceOf(UnmappableEventException.class).hasMessage("Mystery: no command for this event");
        assertThatThrownBy(() -> ChainFactCommands.toCommand("PlayerCreated", Map.of(), fact(1), "v9"))
                .hasMessageContaining("unknown idlVersion v9");
        assertThatThrownBy(() -> ChainFactCommands.toCommand("PlayerCreated", Map.of(), (ChainFact) null, "full"))
                .hasMessageContaining("no chain fact");
    }
}
