package com.solanamafia.sim;

import com.solanamafia.ingest.idl.IdlRegistry;
import com.solanamafia.ingest.logs.DecodedEvent;
import com.solanamafia.ingest.logs.TransactionDecodeResult;
import com.solanamafia.ingest.logs.TransactionLogDecoder;
import com.solanamafia.sim.game.GameEngine;
import com.solanamafia.sim.ledger.SimTransaction;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated game: deterministic per seed, decodable with the ingest decoder, and within the program's rules. */
class GeneratedGameTest {
    private static final Path FULL = SharedTestdata.anchorEvents().resolve("idl-full.json");
    private static final Path CURRENT = SharedTestdata.anchorEvents().resolve("idl-current.json");

    private static List<SimTransaction> generate(Path idl, long seed, int players, int n) {
        try (ChainSimulator sim = ChainSimulator.start(SimConfig.builder().idlPath(idl).seed(seed).players(players)
                .timeCompression(20_000).build())) {
            List<AppendedTransaction> appended = sim.generateGameTransactions(n);
            assertThat(appended).hasSize(n);
            return sim.ledger().all();
        }
    }

    @Test
    void sameSeedSameTransactionsOtherSeedOthers() {
        List<SimTransaction> a = generate(FULL, 7, 12, 400);
        List<SimTransaction> b = generate(FULL, 7, 12, 400);
        List<SimTransaction> c = generate(FULL, 8, 12, 400);
        assertThat(a).extracting(SimTransaction::signature).containsExactlyElementsOf(b.stream().map(SimTransaction::signature).toList());
        assertThat(a).extracting(SimTransaction::logMessages).containsExactlyElementsOf(b.stream().map(SimTransaction::logMessages).toList());
        assertThat(a).extracting(SimTransaction::slot).containsExactlyElementsOf(b.stream().map(SimTransaction::slot).toList());
        assertThat(a.get(0).signature()).isNotEqualTo(c.get(0).signature());
        assertThat(a.get(0).signature()).hasSizeBetween(86, 88);
        assertThat(a.stream().map(SimTransaction::slot).distinct().count()).isLessThan(a.size());
    }

    @Test
    void fullIdlGameDecodesAndObeysTheRules() {
        List<SimTransaction> txs = generate(FULL, 11, 15, 2500);
        GameEngine engine = GameEngine.load(FULL, 11, 15);
        Map<String, Integer> counts = checkRules(txs, engine, true);
        assertThat(counts.keySet()).contains("PlayerCreated", "BusinessCreatedInSlot", "BusinessNFTMinted", "BusinessUpgradedInSlot",
                "BusinessNFTBurned", "EarningsUpdated", "EarningsClaimed", "BusinessSoldFromSlot", "SlotUnlocked",
                "ReferralBonusAdded", "PremiumSlotPurchased");
    }

    @Test
    void currentIdlGameDecodesAndObeysTheRules() {
        List<SimTransaction> txs = generate(CURRENT, 5, 10, 1500);
        GameEngine engine = GameEngine.load(CURRENT, 5, 10);
        assertThat(engine.fullRules()).isFalse();
        Map<String, Integer> counts = checkRules(txs, engine, false);
        assertThat(counts.keySet()).contains("PlayerCreated", "BusinessCreatedInSlot", "BusinessUpgradedInSlot",
                "EarningsUpdated", "EarningsClaimed", "BusinessSoldFromSlot");
    }

    /** Replays the decoded events against the rules; returns event counts. */
    private static Map<String, Integer> checkRules(List<SimTransaction> txs, GameEngine engine, boolean full) {
        TransactionLogDecoder decoder = new TransactionLogDecoder(IdlRegistry.of(engine.programId(), engine.idl()));
        Map<String, Integer> counts = new HashMap<>();
        Set<String> players = new HashSet<>();
        Map<String, Integer> level = new HashMap<>();          // player/slot -> level of the business there
        Map<String, String> mintAt = new HashMap<>();          // mint -> player/slot
        Map<String, java.util.TreeSet<Integer>> unlocked = new HashMap<>();  // player -> unlocked slot indexes
        Map<String, Integer> slotCount = new HashMap<>();      // player -> slots in the account
        int failed = 0;
        long lastSlot = 0;
        for (SimTransaction tx : txs) {
            assertThat(tx.slot()).isGreaterThanOrEqualTo(lastSlot);
            lastSlot = tx.slot();
            assertThat(tx.accountKeys()).contains(engine.programId());
            if (!tx.succeeded()) {
                failed++;
                assertThat(tx.err().has("InstructionError")).isTrue();
                assertThat(tx.logMessages().get(tx.logMessages().size() - 1)).contains("failed: custom program error: 0x");
                continue;
            }
            TransactionDecodeResult result = decoder.decode(tx.signature(), tx.logMessages(), false, tx.slot(), tx.blockTime());
            assertThat(result.failures()).isEmpty();
            assertThat(result.unknown()).isEmpty();
            long dataLines = tx.logMessages().stream().filter(l -> l.startsWith("Program data: ")).count();
            assertThat(result.events()).hasSize((int) dataLines);
            for (DecodedEvent e : result.events()) {
                counts.merge(e.name(), 1, Integer::sum);
                Map<String, Object> f = e.fields();
                String player = (String) f.getOrDefault("player", f.get("wallet"));
                if (!e.name().equals("PlayerCreated") && !e.name().equals("BusinessTransferred") && !e.name().equals("ReferralBonusAdded")) {
                    assertThat(players).as("player joined before " + e.name()).contains(player);
                }
                switch (e.name()) {
                    case "PlayerCreated" -> {
                        assertThat(players.add(player)).as("joins once").isTrue();
                        unlocked.put(player, new java.util.TreeSet<>(full ? List.of(0, 1, 2) : List.of(0, 1, 2, 3, 4, 5, 6, 7, 8)));
                        slotCount.put(player, full ? 6 : 9);
                    }
                    case "BusinessCreatedInSlot" -> {
                        String key = player + "/" + f.get("slot_index");
                        assertThat(level).as("create in an empty slot").doesNotContainKey(key);
                        assertThat(unlocked.get(player)).as("create in an unlocked slot").contains(Integer.parseInt((String) f.get("slot_index")));
                        int lvl = full ? 0 : Integer.parseInt((String) f.get("level"));
                        assertThat(lvl).isBetween(0, 3);
                        level.put(key, lvl);
                        if (full) {
                            mintAt.put((String) f.get("nft_mint"), key);
                        }
                    }
                    case "BusinessUpgradedInSlot" -> {
                        String key = player + "/" + f.get("slot_index");
                        assertThat(level).as("no upgrade of an empty slot").containsKey(key);
                        int oldLevel = Integer.parseInt((String) f.get("old_level"));
                        int newLevel = Integer.parseInt((String) f.get("new_level"));
                        assertThat(oldLevel).isEqualTo(level.get(key));
                        assertThat(newLevel).isEqualTo(oldLevel + 1).isLessThanOrEqualTo(full ? 3 : 2);
                        level.put(key, newLevel);
                        if (full) {
                            mintAt.remove((String) f.get("old_nft_mint"));
                            mintAt.put((String) f.get("new_nft_mint"), key);
                        }
                    }
                    case "BusinessSoldFromSlot" -> {
                        String key = player + "/" + f.get("slot_index");
                        assertThat(level.remove(key)).as("sell an existing business").isNotNull();
                        mintAt.values().remove(key);
                        long invested = Long.parseLong((String) f.get("total_invested"));
                        int base = Integer.parseInt((String) f.get("base_fee_percent"));
                        int discount = Integer.parseInt((String) f.get("slot_discount"));
                        int fin = Integer.parseInt((String) f.get("final_fee_percent"));
                        assertThat(fin).isEqualTo(Math.max(0, base - discount));
                        assertThat(Long.parseLong((String) f.get("return_amount"))).isEqualTo(invested * (100 - fin) / 100);
                    }
                    case "BusinessTransferred" -> {
                        String from = mintAt.remove((String) f.get("business_mint"));
                        assertThat(from).as("transferred business exists").isNotNull();
                        assertThat(from).startsWith((String) f.get("old_owner"));
                        int lvl = level.remove(from);
                        String to = (String) f.get("new_owner");
                        int slot = unlocked.get(to).stream().filter(i -> !level.containsKey(to + "/" + i)).findFirst().orElseThrow();
                        level.put(to + "/" + slot, lvl);
                        mintAt.put((String) f.get("business_mint"), to + "/" + slot);
                    }
                    case "SlotUnlocked" -> {
                        int index = Integer.parseInt((String) f.get("slot_index"));
                        int firstLocked = 0;
                        while (unlocked.get(player).contains(firstLocked)) {
                            firstLocked++;
                        }
                        assertThat(index).isEqualTo(firstLocked).isLessThan(slotCount.get(player));
                        unlocked.get(player).add(index);
                    }
                    case "PremiumSlotPurchased" -> {
                        int index = Integer.parseInt((String) f.get("slot_index"));
                        assertThat(index).isEqualTo(slotCount.get(player)).isLessThan(20);
                        assertThat(f.get("slot_type")).isIn("Premium", "VIP", "Legendary");
                        slotCount.merge(player, 1, Integer::sum);
                        unlocked.get(player).add(index);
                    }
                    case "EarningsClaimed" -> assertThat(Long.parseLong((String) f.get("amount"))).isPositive();
                    case "EarningsUpdated" -> assertThat(Long.parseLong((String) f.get("total_pending")))
                            .isGreaterThanOrEqualTo(Long.parseLong((String) f.get("earnings_added")));
                    default -> { }
                }
            }
        }
        assertThat(failed).isPositive().isLessThan(txs.size() / 10);
        return counts;
    }
}
