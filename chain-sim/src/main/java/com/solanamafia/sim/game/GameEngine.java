package com.solanamafia.sim.game;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.solanamafia.ingest.borsh.EventCodec;
import com.solanamafia.ingest.idl.Idl;
import com.solanamafia.ingest.idl.IdlError;
import com.solanamafia.ingest.idl.IdlInstruction;
import com.solanamafia.ingest.idl.IdlInstructionAccount;
import com.solanamafia.ingest.idl.IdlLoader;
import com.solanamafia.sim.ledger.DeterministicIds;
import com.solanamafia.sim.ledger.TransactionDraft;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A deterministic game of N players that obeys the program's rules (original-backend.md section 1) and writes
 * each step as one transaction: real log line formats, events Borsh-encoded from the IDL through the ingest
 * {@link EventCodec}, instruction data from the IDL, a message with the IDL's accounts. Same seed, same IDL,
 * same block times: same transactions. Not thread safe; the simulator calls it under the ledger lock.
 *
 * <p>Rules kept: players join before acting; businesses only in unlocked empty slots with at least the minimum
 * deposit; upgrades only of an existing business below the maximum level (3; 2 through upgrade at HEAD); earnings
 * from the formulas with slot bonus and (cb08020) proration or (HEAD) one full day per update when due; claims need
 * pending earnings and a treasury that can pay; sell fees by days held minus the slot discount. About 3 % of the
 * transactions fail on purpose with a program error (and change nothing), as real traffic does.
 */
public final class GameEngine {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final double FAILURE_RATE = 0.03;
    private static final long CU_LIMIT = 200_000;

    private final Idl idl;
    private final EventCodec codec;
    private final GameRules rules;
    private final String programId;
    private final long seed;
    private final SplittableRandom random;
    private final List<PlayerState> players = new ArrayList<>();
    private final Deque<Object[]> referralQueue = new ArrayDeque<>();
    private final String admin;
    private final String teamWallet;
    private final String gameState;
    private final String gameConfig;
    private final String treasuryPda;
    private final GameStats stats = new GameStats();
    private long txCounter;
    private long mintCounter;
    private long serialCounter;
    private long treasuryBalance;
    /** When true the game leaves earnings updates (and claims, which update silently) to an external scheduler. */
    private volatile boolean externalEarningsUpdates;

    private GameEngine(Idl idl, long seed, int playerCount) {
        this.idl = idl;
        this.codec = EventCodec.of(idl);
        this.rules = idl.event("BusinessNFTMinted").isPresent() ? GameRules.FULL : GameRules.CURRENT;
        this.programId = idl.address();
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.admin = DeterministicIds.pubkey(0, programId + "/admin", 0);
        this.teamWallet = DeterministicIds.pubkey(0, programId + "/team", 0);
        this.gameState = DeterministicIds.pubkey(0, programId + "/game_state", 0);
        this.gameConfig = DeterministicIds.pubkey(0, programId + "/game_config", 0);
        this.treasuryPda = DeterministicIds.pubkey(0, programId + "/treasury", 0);
        for (int i = 0; i < playerCount; i++) {
            String wallet = DeterministicIds.pubkey(seed, "player", i);
            players.add(new PlayerState(i, wallet, DeterministicIds.pubkey(0, programId + "/player/" + wallet, 0)));
        }
    }

    /** Loads the IDL (idl-full.json gives the cb08020 rules, idl-current.json the HEAD rules). */
    public static GameEngine load(Path idlPath, long seed, int players) {
        if (players < 1) {
            throw new IllegalArgumentException("a game needs at least one player");
        }
        return new GameEngine(IdlLoader.load(idlPath), seed, players);
    }

    /** The IDL bundled with the ingest module (program version cb08020), so the simulator runs from the jar alone. */
    public static GameEngine bundled(long seed, int players) {
        if (players < 1) {
            throw new IllegalArgumentException("a game needs at least one player");
        }
        try (java.io.InputStream in = GameEngine.class.getClassLoader().getResourceAsStream("idl/idl-full.json")) {
            if (in == null) {
                throw new IllegalStateException("idl/idl-full.json is not on the classpath");
            }
            return new GameEngine(IdlLoader.load(in), seed, players);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String programId() {
        return programId;
    }

    public Idl idl() {
        return idl;
    }

    public EventCodec codec() {
        return codec;
    }

    /** True for the cb08020 program (idl-full.json), false for HEAD (idl-current.json). */
    public boolean fullRules() {
        return rules.full;
    }

    public GameStats stats() {
        return stats;
    }

    /** The players' wallets, in join order candidates (index order). */
    public List<String> playerWallets() {
        return players.stream().map(p -> p.wallet).toList();
    }

    public String adminWallet() {
        return admin;
    }

    /** The next transaction of the game, happening at block time {@code now}. */
    public TransactionDraft next(long now) {
        String signature = DeterministicIds.signature(seed, "game/" + programId, txCounter++);
        Tx tx = chooseAndRun(now);
        stats.record(tx.action, tx.err != null);
        return TransactionDraft.ofLogs(tx.log.lines)
                .signature(signature)
                .err(tx.err)
                .message(tx.msg.keys(), tx.msg.header(), tx.msg.compile(tx.msg.keys()));
    }

    // ---------------------------------------------------------------- choice

    private Tx chooseAndRun(long now) {
        List<PlayerState> joined = players.stream().filter(p -> p.created).toList();
        List<PlayerState> waiting = players.stream().filter(p -> !p.created).toList();
        if (!joined.isEmpty() && random.nextDouble() < FAILURE_RATE) {
            return failing(pick(joined), now);
        }
        if (rules.full && !referralQueue.isEmpty() && random.nextDouble() < 0.6) {
            return referralBonus(referralQueue.poll(), now);
        }
        List<PlayerState> canCreate = joined.stream().filter(p -> p.freeSlot() >= 0).toList();
        List<PlayerState> canUpgrade = joined.stream().filter(p -> !upgradable(p).isEmpty()).toList();
        List<PlayerState> due = joined.stream().filter(p -> now >= p.nextEarningsTime && p.activeBusinesses() > 0).toList();
        List<PlayerState> canClaim = joined.stream().filter(p -> claimable(p, now) > 0 && claimable(p, now) <= treasuryBalance).toList();
        List<PlayerState> canSell = joined.stream().filter(p -> !sellable(p, now).isEmpty()).toList();
        List<PlayerState> canUnlock = rules.full ? joined.stream().filter(p -> p.lockedSlot() >= 0).toList() : List.of();
        List<PlayerState> canBuySlot = rules.full ? joined.stream().filter(p -> p.slots.size() < GameRules.FULL_MAX_SLOTS).toList() : List.of();
        List<PlayerState> nftOwners = rules.full ? joined.stream().filter(p -> !tradableSlots(p).isEmpty()).toList() : List.of();

        double[] weights = {
            waiting.isEmpty() ? 0 : (joined.size() < 2 ? 50 : 1 + 4.0 * waiting.size() / players.size()),
            canCreate.isEmpty() ? 0 : 5,
            canUpgrade.isEmpty() ? 0 : 2.5,
            due.isEmpty() || externalEarningsUpdates ? 0 : 3,
            canClaim.isEmpty() || externalEarningsUpdates ? 0 : 2.5,
            canSell.isEmpty() ? 0 : 0.7,
            canUnlock.isEmpty() ? 0 : 0.8,
            canBuySlot.isEmpty() ? 0 : 0.25,
            nftOwners.isEmpty() || canCreate.size() < 2 ? 0 : 0.25,
            nftOwners.isEmpty() ? 0 : 0.1,
            rules.full || canCreate.isEmpty() ? 0 : 0.4,
        };
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        if (total == 0) {
            return view(joined.isEmpty() ? players.get(0) : pick(joined), now);
        }
        double roll = random.nextDouble() * total;
        int choice = 0;
        while (roll >= weights[choice]) {
            roll -= weights[choice];
            choice++;
        }
        return switch (choice) {
            case 0 -> join(waiting.get(0), joined, now);
            case 1 -> createBusiness(pick(canCreate), now, -1);
            case 2 -> upgrade(pick(canUpgrade), now);
            case 3 -> updateEarnings(pick(due), now);
            case 4 -> claim(pick(canClaim), now);
            case 5 -> sell(pick(canSell), now);
            case 6 -> unlockSlot(pick(canUnlock), now);
            case 7 -> buyPremiumSlot(pick(canBuySlot), now);
            case 8 -> transferNft(pick(nftOwners), canCreate, now);
            case 9 -> burnNft(pick(nftOwners), now);
            default -> createBusiness(pick(canCreate), now, 1 + random.nextInt(3));
        };
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private List<Integer> upgradable(PlayerState p) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < p.slots.size(); i++) {
            BusinessState b = p.slots.get(i).business;
            if (b != null && b.tradable() && b.level < rules.maxUpgradeLevel()) {
                out.add(i);
            }
        }
        return out;
    }

    private List<Integer> tradableSlots(PlayerState p) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < p.slots.size(); i++) {
            BusinessState b = p.slots.get(i).business;
            if (b != null && b.tradable()) {
                out.add(i);
            }
        }
        return out;
    }

    private List<Integer> sellable(PlayerState p, long now) {
        List<Integer> out = new ArrayList<>();
        for (int i : tradableSlots(p)) {
            if (sellReturn(p, i, now) <= treasuryBalance) {
                out.add(i);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- external earnings updates

    /** Outcome of an earnings update sent by someone outside the game (the backend's scheduler). */
    public record ExternalUpdate(Status status, long added, long totalPending, long nextEarningsTime, int businesses) {
        public enum Status { UNKNOWN_PLAYER, NOT_DUE, NO_BUSINESSES, UPDATED }
    }

    /**
     * Leaves earnings updates to an external scheduler: the game stops sending its own update transactions and its
     * claims (which would update silently and move the due time without an event).
     */
    public void setExternalEarningsUpdates(boolean external) {
        this.externalEarningsUpdates = external;
    }

    /** Wallets of the players that joined so far. Call under the ledger lock (inside a ledger append) for consistency. */
    public List<String> joinedWallets() {
        return players.stream().filter(p -> p.created).map(p -> p.wallet).toList();
    }

    /** The player's on-chain next_earnings_time, or empty when the wallet has not joined. */
    public java.util.OptionalLong nextEarningsTime(String wallet) {
        PlayerState p = byWallet(wallet);
        return p == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(p.nextEarningsTime);
    }

    /** What an update at {@code now} would do, without changing anything. */
    public ExternalUpdate checkEarningsUpdate(String wallet, long now) {
        PlayerState p = byWallet(wallet);
        if (p == null) {
            return new ExternalUpdate(ExternalUpdate.Status.UNKNOWN_PLAYER, 0, 0, 0, 0);
        }
        if (now < p.nextEarningsTime) {
            return new ExternalUpdate(ExternalUpdate.Status.NOT_DUE, 0, p.pending, p.nextEarningsTime, p.activeBusinesses());
        }
        if (p.activeBusinesses() == 0) {
            return new ExternalUpdate(ExternalUpdate.Status.NO_BUSINESSES, 0, p.pending, p.nextEarningsTime, 0);
        }
        return new ExternalUpdate(ExternalUpdate.Status.UPDATED, accrual(p, now), p.pending, now + GameRules.DAY, p.activeBusinesses());
    }

    /** Applies an external update (the program's auto-update rules) and returns what happened. */
    public ExternalUpdate applyEarningsUpdate(String wallet, long now) {
        ExternalUpdate check = checkEarningsUpdate(wallet, now);
        if (check.status() != ExternalUpdate.Status.UPDATED) {
            return check;
        }
        PlayerState p = byWallet(wallet);
        int businesses = p.activeBusinesses();
        long added = applyAutoUpdate(p, now);
        stats.record("external_update_earnings", false);
        return new ExternalUpdate(ExternalUpdate.Status.UPDATED, added, p.pending, p.nextEarningsTime, businesses);
    }

    private PlayerState byWallet(String wallet) {
        if (playersByWallet == null) {
            Map<String, PlayerState> m = new java.util.HashMap<>();
            players.forEach(p -> m.put(p.wallet, p));
            playersByWallet = m;
        }
        PlayerState p = playersByWallet.get(wallet);
        return p != null && p.created ? p : null;
    }

    private volatile Map<String, PlayerState> playersByWallet;

    // ---------------------------------------------------------------- earnings maths

    /** What the auto-update would add now (0 when not due). */
    private long accrual(PlayerState p, long now) {
        if (now < p.nextEarningsTime) {
            return 0;
        }
        long added = 0;
        for (PlayerState.Slot s : p.slots) {
            BusinessState b = s.business;
            if (b == null || !b.active) {
                continue;
            }
            long daily = GameRules.dailyEarnings(b.totalInvested, b.rate);
            long e = rules.full ? daily * Math.max(0, now - b.lastClaim) / GameRules.DAY : daily;
            added += rules.withSlotBonus(e, s.type);
        }
        return added;
    }

    private long applyAutoUpdate(PlayerState p, long now) {
        if (now < p.nextEarningsTime || p.activeBusinesses() == 0) {
            return -1;
        }
        long added = accrual(p, now);
        for (PlayerState.Slot s : p.slots) {
            if (s.business != null && s.business.active && rules.full) {
                s.business.lastClaim = now;
            }
        }
        p.pending += added;
        p.nextEarningsTime = now + GameRules.DAY;
        return added;
    }

    private long claimable(PlayerState p, long now) {
        long base = p.pending + (rules.full ? p.pendingReferral : 0);
        return base + (p.activeBusinesses() > 0 ? accrual(p, now) : 0);
    }

    private long sellReturn(PlayerState p, int slot, long now) {
        PlayerState.Slot s = p.slots.get(slot);
        long days = Math.max(0, now - s.business.createdAt) / GameRules.DAY;
        int fee = Math.max(0, rules.baseSellFee(days) - GameRules.SELL_DISCOUNT[s.type]);
        return s.business.totalInvested * (100 - fee) / 100;
    }

    // ---------------------------------------------------------------- transaction plumbing

    private final class Tx {
        final MessageBuilder msg;
        final ProgramLog log = new ProgramLog();
        String action;
        JsonNode err;
        int programIndex;

        Tx(String feePayer, String action) {
            this.msg = new MessageBuilder(feePayer);
            this.action = action;
        }
    }

    private Tx begin(String feePayer, String action, boolean computeBudget) {
        Tx tx = new Tx(feePayer, action);
        if (computeBudget) {
            byte[] limit = {2, (byte) 0x80, (byte) 0x1a, 0x06, 0};
            byte[] price = {3, (byte) 0xa0, (byte) 0x86, 1, 0, 0, 0, 0, 0};
            tx.msg.add(ProgramLog.COMPUTE_BUDGET, List.of(), limit);
            tx.msg.add(ProgramLog.COMPUTE_BUDGET, List.of(), price);
            tx.log.computeBudgetInstructions();
        }
        return tx;
    }

    /** Adds the program instruction (IDL accounts resolved, IDL-encoded data) and logs its invoke and name. */
    private void instruction(Tx tx, String name, Map<String, ?> args, Map<String, String> accounts) {
        IdlInstruction ix = idl.instruction(name).orElseThrow(() -> new IllegalStateException("IDL has no instruction " + name));
        List<MessageBuilder.Meta> metas = new ArrayList<>();
        for (IdlInstructionAccount a : ix.accounts()) {
            metas.add(new MessageBuilder.Meta(resolve(a, accounts), a.signer(), a.writable()));
        }
        tx.programIndex = tx.msg.add(programId, metas, codec.encodeInstruction(name, args));
        tx.log.invoke(programId, 1);
        tx.log.log("Instruction: " + pascal(name));
    }

    private String resolve(IdlInstructionAccount a, Map<String, String> accounts) {
        String given = accounts.get(a.name());
        if (given != null) {
            return given;
        }
        if (a.address() != null) {
            return a.address();
        }
        return switch (a.name()) {
            case "authority" -> admin;
            case "game_state" -> gameState;
            case "game_config" -> gameConfig;
            case "treasury_pda" -> treasuryPda;
            case "treasury_wallet" -> teamWallet;
            default -> DeterministicIds.pubkey(seed, "account/" + a.name(), txCounter);
        };
    }

    private void finish(Tx tx, long units) {
        tx.log.consumed(programId, units, CU_LIMIT);
        tx.log.success(programId);
    }

    private void fail(Tx tx, String errorName, String file, long units) {
        IdlError e = idl.errors().stream().filter(x -> x.name().equals(errorName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("IDL has no error " + errorName));
        tx.log.log("AnchorError thrown in programs/solana-mafia/src/instructions/" + file + ". Error Code: " + e.name()
                + ". Error Number: " + e.code() + ". Error Message: " + e.msg() + ".");
        tx.log.consumed(programId, units, CU_LIMIT);
        tx.log.raw("Program " + programId + " failed: custom program error: 0x" + Integer.toHexString(e.code()));
        ObjectNode custom = JSON.objectNode().put("Custom", e.code());
        ObjectNode err = JSON.objectNode();
        err.putArray("InstructionError").add(tx.programIndex).add(custom);
        tx.err = err;
        tx.action = tx.action + "!" + e.name();
    }

    private void event(Tx tx, String name, Object... keyValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object v = keyValues[i + 1];
            fields.put((String) keyValues[i], v instanceof Number ? v.toString() : v);
        }
        tx.log.raw(codec.encodeLogLine(name, fields));
        stats.event(name);
    }

    private long units(long base) {
        return base + random.nextInt(4_000);
    }

    private static String pascal(String snake) {
        StringBuilder sb = new StringBuilder();
        for (String part : snake.split("_")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }

    private static Map<String, String> accounts(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof Number ? v.toString() : v);
        }
        return m;
    }

    private String newMint() {
        return DeterministicIds.pubkey(seed, "mint", mintCounter++);
    }

    private Map<String, String> nftAccounts(String prefix, String mint, String owner) {
        return accounts(prefix + "nft_mint", mint,
                prefix + "nft_token_account", DeterministicIds.pubkey(0, "ata/" + owner + "/" + mint, 0),
                prefix + "business_nft", DeterministicIds.pubkey(0, programId + "/business_nft/" + mint, 0),
                prefix + "nft_metadata", DeterministicIds.pubkey(0, "metadata/" + mint, 0));
    }

    // ---------------------------------------------------------------- actions

    private Tx join(PlayerState p, List<PlayerState> joined, long now) {
        Tx tx = begin(p.wallet, "create_player", false);
        String referrer = null;
        if (rules.full && !joined.isEmpty() && random.nextDouble() < 0.6) {
            referrer = pick(joined).wallet;
        }
        instruction(tx, "create_player", rules.full ? args("referrer", referrer) : args(), accounts("owner", p.wallet, "player", p.pda));
        long fee = rules.full ? GameRules.FULL_ENTRY_FEE : GameRules.currentEntryFee(joined.size());
        tx.log.systemCpi(2);
        tx.log.systemCpi(2);
        tx.log.log("👤 Player created! Entry fee: " + fee + " lamports");
        p.created = true;
        p.referrer = referrer;
        p.nextEarningsTime = rules.full ? 0 : now + GameRules.DAY;
        if (rules.full) {
            for (int i = 0; i < 6; i++) {
                p.slots.add(new PlayerState.Slot(0, i < 3));
            }
        } else {
            for (int type : GameRules.CURRENT_SLOT_TYPES) {
                p.slots.add(new PlayerState.Slot(type, true));
            }
        }
        event(tx, "PlayerCreated", "wallet", p.wallet, "entry_fee", fee, "created_at", now, "next_earnings_time", p.nextEarningsTime);
        finish(tx, units(8_000));
        return tx;
    }

    private long chooseDeposit(int type) {
        long[] multipliers = {100, 100, 100, 150, 200, 300, 500};
        long min = rules.minDeposit(type);
        return min * multipliers[random.nextInt(multipliers.length)] / 100 + random.nextInt(100) * 1_000_000L;
    }

    private int chooseType() {
        int[] weights = rules.full ? new int[] {5, 4, 2, 5, 4, 2} : new int[] {6, 5, 3, 2, 1, 1};
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        int type = 0;
        while (roll >= weights[type]) {
            roll -= weights[type];
            type++;
        }
        return type;
    }

    /** create_business, or at HEAD with {@code targetLevel} &gt; 0 create_business_with_level. */
    private Tx createBusiness(PlayerState p, long now, int targetLevel) {
        List<Integer> free = p.freeSlots();
        int slot = free.get(0);
        if (!rules.full && free.size() > 1 && random.nextDouble() < 0.3) {
            slot = pick(free);
        }
        int type = chooseType();
        long deposit = chooseDeposit(type);
        PlayerState.Slot s = p.slots.get(slot);
        int rate = rules.dailyRate(type);
        if (rules.full) {
            String mint = newMint();
            Tx tx = begin(p.wallet, "create_business", true);
            Map<String, String> acc = nftAccounts("", mint, p.wallet);
            acc.put("owner", p.wallet);
            acc.put("player", p.pda);
            instruction(tx, "create_business", args("business_type", type, "deposit_amount", deposit, "slot_index", slot), acc);
            tx.log.systemCpi(2);
            tx.log.systemCpi(2);
            tx.log.mintNftCpis(txCounter);
            serialCounter++;
            long serial = serialCounter;
            event(tx, "BusinessNFTMinted", "player", p.wallet, "business_type", type, "mint", mint, "serial_number", serial,
                    "invested_amount", deposit, "daily_rate", rate, "created_at", now);
            tx.log.log("🏪🖼️ Business created in slot " + slot + "! Type: " + type + ", Investment: " + deposit
                    + " lamports, Serial: " + serial);
            event(tx, "BusinessCreatedInSlot", "player", p.wallet, "slot_index", slot, "business_type", type,
                    "base_cost", deposit, "daily_rate", rate, "nft_mint", mint, "created_at", now);
            finish(tx, units(52_000));
            BusinessState b = new BusinessState(type, deposit, deposit, rate, 0, now);
            b.mint = mint;
            b.serial = serial;
            s.business = b;
            p.totalInvested += deposit;
            treasuryBalance += deposit * (100 - rules.teamFeePercent) / 100;
            queueReferralBonuses(p, deposit);
            return tx;
        }
        long slotCost = s.paid ? 0 : GameRules.currentSlotCost(slot, deposit);
        String name = targetLevel > 0 ? "create_business_with_level" : "create_business";
        Tx tx = begin(p.wallet, name, false);
        Map<String, Object> a = args("business_type", type, "deposit_amount", deposit, "slot_index", slot);
        if (targetLevel > 0) {
            a.put("target_level", Integer.toString(targetLevel));
        }
        instruction(tx, name, a, accounts("owner", p.wallet, "player", p.pda));
        tx.log.systemCpi(2);
        tx.log.systemCpi(2);
        if (slotCost > 0) {
            tx.log.systemCpi(2);
        }
        long value = deposit;
        if (targetLevel > 0) {
            long base = rules.minDeposit(type);
            value = base;
            for (int lvl = 1; lvl <= targetLevel; lvl++) {
                value += rules.upgradeCost(type, base, lvl);
            }
            tx.log.log("Expected total cost for level " + targetLevel + ": " + value + " lamports");
        }
        tx.log.log("Business created in slot " + slot + "! Type: " + type + ", Level: " + Math.max(0, targetLevel)
                + ", Investment: " + deposit + " lamports, Slot cost: " + slotCost);
        event(tx, "BusinessCreatedInSlot", "player", p.wallet, "slot_index", slot, "business_type", type,
                "level", Math.max(0, targetLevel), "base_cost", deposit, "slot_cost", slotCost, "total_paid", deposit + slotCost,
                "daily_rate", rate, "created_at", now);
        finish(tx, units(14_000));
        s.business = new BusinessState(type, targetLevel > 0 ? rules.minDeposit(type) : deposit, value, rate, Math.max(0, targetLevel), now);
        s.paid = true;
        p.totalInvested += value;
        treasuryBalance += deposit * (100 - rules.teamFeePercent) / 100;
        return tx;
    }

    private void queueReferralBonuses(PlayerState p, long deposit) {
        String referred = p.wallet;
        String referrer = p.referrer;
        for (int level = 1; level <= 3 && referrer != null; level++) {
            long amount = deposit * GameRules.REFERRAL_PERCENT[level - 1] / 100;
            referralQueue.add(new Object[] {referrer, referred, amount, level});
            String current = referrer;
            referrer = players.stream().filter(x -> x.wallet.equals(current)).findFirst().map(x -> x.referrer).orElse(null);
        }
    }

    private Tx referralBonus(Object[] bonus, long now) {
        String referrer = (String) bonus[0];
        PlayerState r = players.stream().filter(x -> x.wallet.equals(referrer)).findFirst().orElseThrow();
        Tx tx = begin(admin, "add_referral_bonus", false);
        instruction(tx, "add_referral_bonus", args("amount", bonus[2], "referred_player", bonus[1], "level", bonus[3]),
                accounts("authority", admin, "player", r.pda));
        tx.log.log("Referral bonus added: " + bonus[2] + " lamports (level " + bonus[3] + ")");
        event(tx, "ReferralBonusAdded", "referrer", referrer, "referred_player", bonus[1], "amount", bonus[2],
                "level", bonus[3], "timestamp", now);
        finish(tx, units(5_000));
        r.pendingReferral += (Long) bonus[2];
        return tx;
    }

    private Tx upgrade(PlayerState p, long now) {
        int slot = pick(upgradable(p));
        BusinessState b = p.slots.get(slot).business;
        int newLevel = b.level + 1;
        long cost = rules.upgradeCost(b.type, b.baseInvested, newLevel);
        int newRate = rules.rateAtLevel(b.type, newLevel);
        if (rules.full) {
            String newMint = newMint();
            Tx tx = begin(p.wallet, "upgrade_business", true);
            Map<String, String> acc = nftAccounts("new_", newMint, p.wallet);
            acc.put("old_nft_mint", b.mint);
            acc.put("old_nft_token_account", DeterministicIds.pubkey(0, "ata/" + p.wallet + "/" + b.mint, 0));
            acc.put("old_business_nft", DeterministicIds.pubkey(0, programId + "/business_nft/" + b.mint, 0));
            acc.put("player_owner", p.wallet);
            acc.put("player", p.pda);
            instruction(tx, "upgrade_business", args("slot_index", slot), acc);
            tx.log.tokenCpi(2, "Burn", 4_700 + random.nextInt(400), 390_000);
            event(tx, "BusinessNFTBurned", "player", p.wallet, "mint", b.mint, "business_type", b.type,
                    "serial_number", b.serial, "burned_at", now);
            tx.log.mintNftCpis(txCounter);
            tx.log.systemCpi(2);
            serialCounter++;
            long mintedSerial = serialCounter;
            serialCounter++;
            b.totalInvested += cost;
            event(tx, "BusinessNFTMinted", "player", p.wallet, "business_type", b.type, "mint", newMint,
                    "serial_number", mintedSerial, "invested_amount", b.totalInvested, "daily_rate", newRate, "created_at", now);
            tx.log.log("⬆️ Business upgraded to level " + newLevel + "! Cost: " + cost + " lamports");
            event(tx, "BusinessUpgradedInSlot", "player", p.wallet, "slot_index", slot, "old_level", b.level,
                    "new_level", newLevel, "upgrade_cost", cost, "old_nft_mint", b.mint, "new_nft_mint", newMint,
                    "new_daily_rate", newRate, "upgraded_at", now);
            finish(tx, units(61_000));
            b.mint = newMint;
            b.serial = serialCounter;
            b.level = newLevel;
            b.rate = newRate;
            p.totalInvested += cost;
            return tx;
        }
        Tx tx = begin(p.wallet, "upgrade_business", false);
        instruction(tx, "upgrade_business", args("slot_index", slot), accounts("player_owner", p.wallet, "player", p.pda));
        tx.log.systemCpi(2);
        tx.log.log("Business upgraded to level " + newLevel + "! Cost: " + cost + " lamports");
        event(tx, "BusinessUpgradedInSlot", "player", p.wallet, "slot_index", slot, "old_level", b.level,
                "new_level", newLevel, "upgrade_cost", cost, "new_daily_rate", newRate, "upgraded_at", now);
        finish(tx, units(9_000));
        b.totalInvested += cost;
        b.level = newLevel;
        b.rate = newRate;
        p.totalInvested += cost;
        return tx;
    }

    private Tx sell(PlayerState p, long now) {
        int slot = pick(sellable(p, now));
        PlayerState.Slot s = p.slots.get(slot);
        BusinessState b = s.business;
        long days = Math.max(0, now - b.createdAt) / GameRules.DAY;
        int base = rules.baseSellFee(days);
        int discount = GameRules.SELL_DISCOUNT[s.type];
        int fin = Math.max(0, base - discount);
        long back = b.totalInvested * (100 - fin) / 100;
        Tx tx = begin(p.wallet, "sell_business", false);
        Map<String, String> acc = accounts("player_owner", p.wallet, "player", p.pda);
        if (rules.full) {
            acc.putAll(nftAccounts("", b.mint, p.wallet));
        }
        instruction(tx, "sell_business", args("slot_index", slot), acc);
        if (rules.full) {
            tx.log.tokenCpi(2, "Burn", 4_700 + random.nextInt(400), 190_000);
            event(tx, "BusinessNFTBurned", "player", p.wallet, "mint", b.mint, "business_type", b.type,
                    "serial_number", b.serial, "burned_at", now);
        }
        tx.log.log("Business sold from slot " + slot + "! Held " + days + " days, fee " + fin + "%, returned " + back + " lamports");
        event(tx, "BusinessSoldFromSlot", "player", p.wallet, "slot_index", slot, "business_type", b.type,
                "total_invested", b.totalInvested, "days_held", days, "base_fee_percent", base, "slot_discount", discount,
                "final_fee_percent", fin, "return_amount", back, "sold_at", now);
        finish(tx, units(rules.full ? 24_000 : 9_000));
        s.business = null;
        treasuryBalance -= back;
        p.totalInvested = Math.max(0, p.totalInvested - b.totalInvested);
        return tx;
    }

    private Tx updateEarnings(PlayerState p, long now) {
        int businesses = p.activeBusinesses();
        if (rules.full) {
            Tx tx = begin(admin, "update_single_player_earnings", false);
            instruction(tx, "update_single_player_earnings", args(), accounts("authority", admin, "player", p.pda));
            long added = applyAutoUpdate(p, now);
            if (added > 0) {
                tx.log.log("💰 Earnings updated for player: " + p.wallet + ", added: " + added + " lamports");
                event(tx, "EarningsUpdated", "player", p.wallet, "earnings_added", added, "total_pending", p.pending,
                        "next_earnings_time", p.nextEarningsTime, "businesses_count", businesses);
            }
            finish(tx, units(6_000));
            return tx;
        }
        Tx tx = begin(admin, "update_earnings", false);
        instruction(tx, "update_earnings", args(), accounts("player", p.pda));
        long added = applyAutoUpdate(p, now);
        tx.log.log("💰 Earnings updated for player: " + p.wallet + ", added: " + added + " lamports");
        event(tx, "EarningsUpdated", "player", p.wallet, "earnings_added", added, "total_pending", p.pending,
                "next_earnings_time", p.nextEarningsTime, "businesses_count", businesses);
        finish(tx, units(5_000));
        return tx;
    }

    private Tx claim(PlayerState p, long now) {
        Tx tx = begin(p.wallet, "claim_earnings", false);
        instruction(tx, "claim_earnings", args(), accounts("player_owner", p.wallet, "player", p.pda));
        applyAutoUpdate(p, now);
        long amount = p.pending + (rules.full ? p.pendingReferral : 0);
        long net = rules.full ? amount : Math.max(0, amount - GameRules.CLAIM_FEE);
        tx.log.log("💰 Claimed " + net + " lamports");
        event(tx, "EarningsClaimed", "player", p.wallet, "amount", amount, "claimed_at", now);
        finish(tx, units(6_000));
        treasuryBalance -= amount;
        p.totalEarned += amount;
        p.pending = 0;
        p.pendingReferral = 0;
        return tx;
    }

    private Tx unlockSlot(PlayerState p, long now) {
        int slot = p.lockedSlot();
        Tx tx = begin(p.wallet, "unlock_business_slot", false);
        instruction(tx, "unlock_business_slot", args(), accounts("player_owner", p.wallet, "player", p.pda));
        tx.log.systemCpi(2);
        tx.log.log("🔓 Slot " + slot + " unlocked for " + GameRules.UNLOCK_COST + " lamports");
        event(tx, "SlotUnlocked", "player", p.wallet, "slot_index", slot, "unlock_cost", GameRules.UNLOCK_COST, "unlocked_at", now);
        finish(tx, units(5_000));
        p.slots.get(slot).unlocked = true;
        return tx;
    }

    private Tx buyPremiumSlot(PlayerState p, long now) {
        double roll = random.nextDouble();
        int type = roll < 0.7 ? 1 : roll < 0.93 ? 2 : 3;
        int slot = p.slots.size();
        long cost = GameRules.PREMIUM_SLOT_COST[type];
        Tx tx = begin(p.wallet, "buy_premium_slot", false);
        instruction(tx, "buy_premium_slot", args("slot_type", GameRules.SLOT_TYPES[type]), accounts("player_owner", p.wallet, "player", p.pda));
        tx.log.systemCpi(2);
        tx.log.log("💎 " + GameRules.SLOT_TYPES[type] + " slot purchased: index " + slot + ", cost " + cost + " lamports");
        event(tx, "PremiumSlotPurchased", "player", p.wallet, "slot_type", GameRules.SLOT_TYPES[type], "slot_index", slot,
                "cost", cost, "purchased_at", now);
        finish(tx, units(5_000));
        p.slots.add(new PlayerState.Slot(type, true));
        return tx;
    }

    /** The holder sends the NFT to another player, who then syncs ownership (business moves to their first free slot). */
    private Tx transferNft(PlayerState from, List<PlayerState> withFreeSlot, long now) {
        List<PlayerState> targets = withFreeSlot.stream().filter(x -> x != from).toList();
        if (targets.isEmpty()) {
            return view(from, now);
        }
        PlayerState to = pick(targets);
        int fromSlot = pick(tradableSlots(from));
        BusinessState b = from.slots.get(fromSlot).business;
        Tx tx = begin(to.wallet, "sync_business_ownership", false);
        String fromAta = DeterministicIds.pubkey(0, "ata/" + from.wallet + "/" + b.mint, 0);
        String toAta = DeterministicIds.pubkey(0, "ata/" + to.wallet + "/" + b.mint, 0);
        tx.msg.add(ProgramLog.TOKEN, List.of(new MessageBuilder.Meta(fromAta, false, true), new MessageBuilder.Meta(b.mint, false, false),
                new MessageBuilder.Meta(toAta, false, true), new MessageBuilder.Meta(from.wallet, true, false)), new byte[] {12, 1, 0, 0, 0, 0, 0, 0, 0, 0});
        tx.log.invoke(ProgramLog.TOKEN, 1);
        tx.log.log("Instruction: TransferChecked");
        tx.log.consumed(ProgramLog.TOKEN, 6_200, 200_000);
        tx.log.success(ProgramLog.TOKEN);
        instruction(tx, "sync_business_ownership", args(), accounts("old_player", from.pda, "new_player", to.pda, "new_owner", to.wallet,
                "business_nft", DeterministicIds.pubkey(0, programId + "/business_nft/" + b.mint, 0), "nft_token_account", toAta));
        int toSlot = to.freeSlot();
        tx.log.log("🔄 Business transferred from " + from.wallet + " to " + to.wallet);
        event(tx, "BusinessTransferred", "old_owner", from.wallet, "new_owner", to.wallet, "business_mint", b.mint, "transferred_at", now);
        finish(tx, units(12_000));
        from.slots.get(fromSlot).business = null;
        to.slots.get(toSlot).business = b;
        b.frozen = true;
        from.totalInvested = Math.max(0, from.totalInvested - b.totalInvested);
        return tx;
    }

    /** The holder burns the NFT with the token program; anyone then deactivates the business. */
    private Tx burnNft(PlayerState p, long now) {
        int slot = pick(tradableSlots(p));
        BusinessState b = p.slots.get(slot).business;
        Tx tx = begin(p.wallet, "deactivate_burned_business", false);
        String ata = DeterministicIds.pubkey(0, "ata/" + p.wallet + "/" + b.mint, 0);
        tx.msg.add(ProgramLog.TOKEN, List.of(new MessageBuilder.Meta(ata, false, true), new MessageBuilder.Meta(b.mint, false, true),
                new MessageBuilder.Meta(p.wallet, true, false)), new byte[] {8, 1, 0, 0, 0, 0, 0, 0, 0});
        tx.log.invoke(ProgramLog.TOKEN, 1);
        tx.log.log("Instruction: Burn");
        tx.log.consumed(ProgramLog.TOKEN, 4_800, 200_000);
        tx.log.success(ProgramLog.TOKEN);
        instruction(tx, "deactivate_burned_business", args(), accounts("player", p.pda,
                "business_nft", DeterministicIds.pubkey(0, programId + "/business_nft/" + b.mint, 0), "nft_mint", b.mint));
        tx.log.log("🔥 NFT burned, business deactivated");
        event(tx, "BusinessNFTBurned", "player", p.wallet, "mint", b.mint, "business_type", b.type, "serial_number", b.serial, "burned_at", now);
        finish(tx, units(7_000));
        b.active = false;
        b.frozen = true;
        return tx;
    }

    /** A read-only view instruction: logs only, no event. */
    private Tx view(PlayerState p, long now) {
        Tx tx = begin(p.wallet, "check_earnings_due", false);
        instruction(tx, "check_earnings_due", args(), accounts("player", p.pda));
        tx.log.log("EARNINGS_CHECK: player=" + p.wallet + " due=" + (p.created && now >= p.nextEarningsTime) + " next=" + p.nextEarningsTime);
        finish(tx, units(2_000));
        return tx;
    }

    /** A transaction the program rejects; the state does not change. */
    private Tx failing(PlayerState p, long now) {
        List<Integer> maxed = new ArrayList<>();
        for (int i = 0; i < p.slots.size(); i++) {
            BusinessState b = p.slots.get(i).business;
            if (b != null && b.tradable() && b.level >= rules.maxUpgradeLevel()) {
                maxed.add(i);
            }
        }
        if (!maxed.isEmpty() && random.nextBoolean()) {
            Tx tx = begin(p.wallet, "upgrade_business", false);
            Map<String, String> acc = accounts("player_owner", p.wallet, "player", p.pda);
            instruction(tx, "upgrade_business", args("slot_index", maxed.get(0)), acc);
            fail(tx, rules.full ? "BusinessMaxLevel" : "MaxLevelReached", "business.rs:187", units(4_000));
            return tx;
        }
        if (claimable(p, now) == 0 && random.nextBoolean()) {
            Tx tx = begin(p.wallet, "claim_earnings", false);
            instruction(tx, "claim_earnings", args(), accounts("player_owner", p.wallet, "player", p.pda));
            fail(tx, "NoEarningsToClaim", "earnings.rs:61", units(3_500));
            return tx;
        }
        if (!rules.full && now < p.nextEarningsTime && random.nextBoolean()) {
            Tx tx = begin(admin, "update_earnings", false);
            instruction(tx, "update_earnings", args(), accounts("player", p.pda));
            fail(tx, "EarningsNotDue", "earnings.rs:24", units(3_000));
            return tx;
        }
        int slot = Math.max(0, p.freeSlot());
        int type = chooseType();
        long deposit = rules.minDeposit(type) / 2;
        Tx tx = begin(p.wallet, "create_business", rules.full);
        if (rules.full) {
            String mint = newMint();
            Map<String, String> acc = nftAccounts("", mint, p.wallet);
            acc.put("owner", p.wallet);
            acc.put("player", p.pda);
            instruction(tx, "create_business", args("business_type", type, "deposit_amount", deposit, "slot_index", slot), acc);
            tx.log.systemCpi(2);
            tx.log.systemCpi(2);
            tx.log.mintNftCpis(txCounter);
            event(tx, "BusinessNFTMinted", "player", p.wallet, "business_type", type, "mint", mint, "serial_number", serialCounter + 1,
                    "invested_amount", deposit, "daily_rate", rules.dailyRate(type), "created_at", now);
        } else {
            instruction(tx, "create_business", args("business_type", type, "deposit_amount", deposit, "slot_index", slot),
                    accounts("owner", p.wallet, "player", p.pda));
        }
        fail(tx, "InsufficientDeposit", "business.rs:94", units(rules.full ? 50_000 : 4_000));
        return tx;
    }
}
