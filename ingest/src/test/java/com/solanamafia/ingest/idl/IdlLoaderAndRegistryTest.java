package com.solanamafia.ingest.idl;

import com.solanamafia.ingest.TestData;
import com.solanamafia.ingest.borsh.DecodedPayload;
import com.solanamafia.ingest.borsh.EventCodec;
import com.solanamafia.ingest.logs.TransactionLogDecoder;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdlLoaderAndRegistryTest {
    private final Idl full = TestData.idlFull();
    private final Idl current = TestData.idlCurrent();

    @Test
    void bothIdlsLoadCompletely() {
        assertThat(full.address()).isEqualTo(TestData.FULL_PROGRAM);
        assertThat(full.metadata().name()).isEqualTo("solana_mafia");
        assertThat(full.events()).hasSize(17);
        assertThat(full.instructions()).hasSize(21);
        assertThat(full.errors()).hasSize(37);
        assertThat(current.address()).isEqualTo(TestData.CURRENT_PROGRAM);
        assertThat(current.events()).hasSize(9);
        assertThat(current.instructions()).hasSize(14);
        assertThat(current.errors()).hasSize(45);
        assertThat(current.accounts()).extracting(IdlAccount::name).contains("PlayerCompact");
        assertThat(full.event("EarningsClaimed").orElseThrow().discriminator().hex()).isEqualTo("6aaa9a69152bbd61");
        assertThat(full.error(6001).orElseThrow().name()).isEqualTo("InsufficientDeposit");
    }

    @Test
    void instructionsKeepAccountsSignersWritablesAndPdaSeeds() {
        IdlInstruction ix = full.instruction("add_referral_bonus").orElseThrow();
        assertThat(ix.discriminator().bytes()).containsExactly(197, 83, 25, 202, 17, 62, 241, 220);
        assertThat(ix.args()).extracting(IdlField::name).containsExactly("amount", "referred_player", "level");
        IdlInstructionAccount authority = ix.accounts().get(0);
        assertThat(authority.signer()).isTrue();
        assertThat(authority.writable()).isFalse();
        IdlInstructionAccount player = ix.accounts().get(1);
        assertThat(player.writable()).isTrue();
        assertThat(player.pda().seeds()).hasSize(2);
        assertThat(new String(player.pda().seeds().get(0).constValue())).isEqualTo("player");
        assertThat(player.pda().seeds().get(1).kind()).isEqualTo(IdlSeed.Kind.ACCOUNT);
        assertThat(player.pda().seeds().get(1).path()).isEqualTo("player.owner");
        assertThat(player.pda().seeds().get(1).account()).isEqualTo("Player");
        assertThat(current.instruction("update_earnings")).isPresent();
    }

    @Test
    void currentIdlLaysOutTwoEventsDifferentlyUnderTheSameDiscriminators() {
        for (String name : List.of("BusinessCreatedInSlot", "BusinessUpgradedInSlot")) {
            assertThat(current.event(name).orElseThrow().discriminator())
                    .isEqualTo(full.event(name).orElseThrow().discriminator());
            assertThat(fieldNames(current, name)).isNotEqualTo(fieldNames(full, name));
        }
        assertThat(fieldNames(current, "BusinessCreatedInSlot")).containsExactly("player", "slot_index", "business_type",
                "level", "base_cost", "slot_cost", "total_paid", "daily_rate", "created_at");
        for (IdlEvent e : current.events()) {
            assertThat(full.event(e.name()).orElseThrow().discriminator()).isEqualTo(e.discriminator());
        }
    }

    @Test
    void registryPicksTheLayoutPerProgramId() {
        IdlRegistry registry = IdlRegistry.of(full, current);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("player", TestData.FULL_PROGRAM);
        fields.put("slot_index", "1");
        fields.put("business_type", "2");
        fields.put("level", "3");
        fields.put("base_cost", "100");
        fields.put("slot_cost", "20");
        fields.put("total_paid", "120");
        fields.put("daily_rate", "200");
        fields.put("created_at", "1700000000");
        EventCodec currentCodec = registry.latest(TestData.CURRENT_PROGRAM).orElseThrow().codec();
        EventCodec fullCodec = registry.latest(TestData.FULL_PROGRAM).orElseThrow().codec();
        String line = currentCodec.encodeLogLine("BusinessCreatedInSlot", fields);
        List<String> logs = List.of("Program " + TestData.CURRENT_PROGRAM + " invoke [1]", line,
                "Program " + TestData.CURRENT_PROGRAM + " success",
                "Program " + TestData.FULL_PROGRAM + " invoke [1]", line,
                "Program " + TestData.FULL_PROGRAM + " success");

        var result = new TransactionLogDecoder(registry).decode("sig", logs, false);

        // Same bytes: right under the current IDL, too short (69 vs 84 bytes) for the full IDL's layout.
        assertThat(result.events()).singleElement().satisfies(e -> {
            assertThat(e.programId()).isEqualTo(TestData.CURRENT_PROGRAM);
            assertThat(e.fields()).isEqualTo(fields);
        });
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.position().instructionPath()).isEqualTo("1");
            assertThat(f.reason()).contains("BusinessCreatedInSlot");
        });
        assertThat(fullCodec.eventName(currentCodec.encode("BusinessCreatedInSlot", fields))).isEqualTo("BusinessCreatedInSlot");
    }

    @Test
    void registryPicksTheVersionBySlotAcrossUpgrades() {
        String program = "Prog1111111111111111111111111111111111111111";
        IdlRegistry registry = IdlRegistry.builder().add(program, 500, current).add(program, 100, full).build();

        assertThat(registry.lookup(program, 99L)).isEmpty();
        assertThat(registry.lookup(program, 100L).orElseThrow().idl()).isSameAs(full);
        assertThat(registry.lookup(program, 499L).orElseThrow().idl()).isSameAs(full);
        assertThat(registry.lookup(program, 500L).orElseThrow().idl()).isSameAs(current);
        assertThat(registry.lookup(program, (Long) null).orElseThrow().idl()).isSameAs(current);
        assertThat(registry.lookup("other", 500L)).isEmpty();
        assertThat(registry.knows(program)).isTrue();
        assertThatThrownBy(() -> IdlRegistry.builder().add(program, 1, full).add(program, 1, current))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void slotBeforeEveryVersionIsAFailureNotASilentSkip() {
        String program = TestData.FULL_PROGRAM;
        IdlRegistry registry = IdlRegistry.builder().add(program, 100, full).build();
        var logs = List.of("Program " + program + " invoke [1]", "Program data: AAAAAAAAAAA=", "Program " + program + " success");

        var result = new TransactionLogDecoder(registry).decode("sig", logs, false, 50L, null);

        assertThat(result.failures()).singleElement().satisfies(f -> assertThat(f.reason()).contains("no IDL"));
    }

    @Test
    void acceptsOldDefinedSpellingTupleFieldsEnumVariantsWithFieldsAndAliases() {
        Idl idl = IdlLoader.parse("""
                {"address":"Prog1111111111111111111111111111111111111111","metadata":{"name":"t"},
                 "instructions":[{"name":"go","discriminator":[1,2,3,4,5,6,7,8],"accounts":[
                    {"name":"group","accounts":[{"name":"inner","isMut":true,"isSigner":true}]}],
                   "args":[{"name":"shape","type":{"defined":"Shape"}}]}],
                 "events":[{"name":"Drawn","discriminator":[8,7,6,5,4,3,2,1]}],
                 "types":[
                  {"name":"Shape","type":{"kind":"enum","variants":[{"name":"Empty"},
                     {"name":"Circle","fields":[{"name":"radius","type":"u32"}]},
                     {"name":"Point","fields":["i16","i16"]}]}},
                  {"name":"Pair","type":{"kind":"struct","fields":["u8",{"option":"string"}]}},
                  {"name":"Amount","type":{"kind":"type","alias":"u128"}},
                  {"name":"Drawn","type":{"kind":"struct","fields":[
                     {"name":"shape","type":{"defined":{"name":"Shape"}}},
                     {"name":"pair","type":{"defined":"Pair"}},
                     {"name":"amount","type":{"defined":{"name":"Amount"}}},
                     {"name":"blob","type":"bytes"},
                     {"name":"key","type":"publicKey"}]}}]}
                """);
        assertThat(idl.instructions().get(0).accounts().get(0).isComposite()).isTrue();
        assertThat(idl.instructions().get(0).accounts().get(0).accounts().get(0).writable()).isTrue();
        assertThat(idl.type("Pair").orElseThrow().body()).isInstanceOfSatisfying(IdlTypeDef.Struct.class,
                s -> assertThat(s.fields().tuple()).isTrue());

        EventCodec codec = EventCodec.of(idl);
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("0", "-5");
        point.put("1", "7");
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("0", "9");
        pair.put("1", null);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("shape", Map.of("Point", point));
        fields.put("pair", pair);
        fields.put("amount", "340282366920938463463374607431768211455");
        fields.put("blob", "AQID");
        fields.put("key", "11111111111111111111111111111111");

        DecodedPayload decoded = codec.decode(codec.encode("Drawn", fields)).orElseThrow();

        assertThat(TestData.canonical(decoded.fields())).isEqualTo(TestData.canonical(fields))
                .startsWith("{\"shape\":{\"Point\":{\"0\":\"-5\",\"1\":\"7\"}}");
        assertThat(codec.decodeInstruction(codec.encodeInstruction("go", Map.of("shape", "Empty"))).orElseThrow().fields())
                .containsEntry("shape", "Empty");
    }

    @Test
    void rejectsUndefinedTypesAndMissingDiscriminators() {
        assertThatThrownBy(() -> IdlLoader.parse("""
                {"address":"x","instructions":[],"events":[],"types":[
                  {"name":"A","type":{"kind":"struct","fields":[{"name":"b","type":{"defined":{"name":"Nope"}}}]}}]}"""))
                .isInstanceOf(IdlFormatException.class).hasMessageContaining("Nope");
        assertThatThrownBy(() -> IdlLoader.parse("""
                {"address":"x","instructions":[{"name":"i","accounts":[],"args":[]}],"events":[],"types":[]}"""))
                .isInstanceOf(IdlFormatException.class).hasMessageContaining("discriminator");
        assertThatThrownBy(() -> IdlLoader.parse("not json")).isInstanceOf(IdlFormatException.class);
    }

    private static List<String> fieldNames(Idl idl, String type) {
        return ((IdlTypeDef.Struct) idl.type(type).orElseThrow().body()).fields().fields().stream()
                .map(IdlField::name).toList();
    }
}
