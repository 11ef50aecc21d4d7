package com.solanamafia.sim.ledger;

import com.solanamafia.api.chain.Base58;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated chain: transactions in slot order, an address index, and three commitment levels.
 * The processed tip only moves forward; confirmed = tip - confirmedLag, finalized = confirmed - finalizedLag
 * (never below the slot before the first slot). New transactions always land in the tip slot or a later one. Thread safe.
 * Faults live elsewhere: nothing here is ever corrupted, so a retrying client always reads the truth.
 */
public final class Ledger {
    public static final long FEE_PER_SIGNATURE = 5_000L;
    private static final Pattern INVOKE = Pattern.compile("^Program (\\S+) invoke \\[(\\d+)]$");
    private static final Pattern CONSUMED = Pattern.compile("^Program (\\S+) consumed (\\d+) of (\\d+) compute units$");
    private static final long PROGRAM_ACCOUNT_LAMPORTS = 1_141_440L;

    private final Object lock = new Object();
    private final List<SimTransaction> transactions = new ArrayList<>();
    private final Map<String, SimTransaction> bySignature = new HashMap<>();
    private final Map<String, List<SimTransaction>> byAddress = new HashMap<>();
    private final List<LedgerListener> listeners = new CopyOnWriteArrayList<>();
    private final long seed;
    private final long firstSlot;
    private final SimClock clock;
    private long tip;
    private int confirmedLag;
    private int finalizedLag;
    private long generatedSignatures;

    public Ledger(long seed, long firstSlot, SimClock clock, int confirmedLag, int finalizedLag) {
        this.seed = seed;
        this.firstSlot = firstSlot;
        this.tip = firstSlot;
        this.clock = clock;
        this.confirmedLag = Math.max(0, confirmedLag);
        this.finalizedLag = Math.max(0, finalizedLag);
    }

    public void addListener(LedgerListener listener) {
        listeners.add(listener);
    }

    public void removeListener(LedgerListener listener) {
        listeners.remove(listener);
    }

    public SimClock clock() {
        return clock;
    }

    public long firstSlot() {
        return firstSlot;
    }

    public long slot(Commitment commitment) {
        synchronized (lock) {
            return slotLocked(commitment);
        }
    }

    private long slotLocked(Commitment commitment) {
        // With a lag, a level starts one slot before the first slot: nothing is confirmed/finalized at genesis.
        long floor = firstSlot - 1;
        long confirmed = confirmedLag == 0 ? tip : Math.max(floor, tip - confirmedLag);
        return switch (commitment) {
            case PROCESSED -> tip;
            case CONFIRMED -> confirmed;
            case FINALIZED -> finalizedLag == 0 ? confirmed : Math.max(floor, confirmed - finalizedLag);
        };
    }

    /** The strongest commitment a transaction has reached (its {@code confirmationStatus}). */
    public Commitment statusOf(SimTransaction tx) {
        synchronized (lock) {
            if (tx.slot() <= slotLocked(Commitment.FINALIZED)) {
                return Commitment.FINALIZED;
            }
            return tx.slot() <= slotLocked(Commitment.CONFIRMED) ? Commitment.CONFIRMED : Commitment.PROCESSED;
        }
    }

    public int transactionCount() {
        synchronized (lock) {
            return transactions.size();
        }
    }

    /** Changes the lags; transactions that become visible by it are announced. */
    public void setLags(int confirmedLag, int finalizedLag) {
        synchronized (lock) {
            Map<Commitment, Long> before = levels();
            this.confirmedLag = Math.max(0, confirmedLag);
            this.finalizedLag = Math.max(0, finalizedLag);
            announceNewlyVisible(before);
        }
    }

    /** Moves the processed tip forward by {@code n} slots (each slot announced to slot subscribers). */
    public long advance(int n) {
        synchronized (lock) {
            for (int i = 0; i < n; i++) {
                moveTipLocked(tip + 1);
            }
            return tip;
        }
    }

    /** Moves the tip to {@code slot} in one step (one slot announcement); no-op when not ahead. */
    public long advanceTo(long slot) {
        synchronized (lock) {
            if (slot > tip) {
                moveTipLocked(slot);
            }
            return tip;
        }
    }

    private void moveTipLocked(long newTip) {
        Map<Commitment, Long> before = levels();
        long parent = tip;
        tip = newTip;
        long root = slotLocked(Commitment.FINALIZED);
        for (LedgerListener listener : listeners) {
            listener.onSlot(newTip, parent, root);
        }
        announceNewlyVisible(before);
    }

    private Map<Commitment, Long> levels() {
        Map<Commitment, Long> levels = new EnumMap<>(Commitment.class);
        for (Commitment c : Commitment.values()) {
            levels.put(c, slotLocked(c));
        }
        return levels;
    }

    private void announceNewlyVisible(Map<Commitment, Long> before) {
        for (Commitment c : Commitment.values()) {
            long from = before.get(c);
            long to = slotLocked(c);
            if (to <= from) {
                continue;
            }
            for (int i = firstIndexAfterSlot(from); i < transactions.size() && transactions.get(i).slot() <= to; i++) {
                SimTransaction tx = transactions.get(i);
                for (LedgerListener listener : listeners) {
                    listener.onTransactionVisible(c, tx);
                }
            }
        }
    }

    private int firstIndexAfterSlot(long slot) {
        int lo = 0;
        int hi = transactions.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (transactions.get(mid).slot() <= slot) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Appends a transaction in the tip slot, or in the draft's slot when that is ahead (the tip moves there
     * first). A draft slot behind the tip is an error: history cannot be rewritten.
     */
    public SimTransaction append(TransactionDraft draft) {
        synchronized (lock) {
            if (draft.slot != null && draft.slot < tip) {
                throw new IllegalArgumentException("slot " + draft.slot + " is behind the tip " + tip);
            }
            if (draft.slot != null && draft.slot > tip) {
                moveTipLocked(draft.slot);
            }
            String signature = draft.signature != null ? draft.signature
                    : DeterministicIds.signature(seed, "ledger", generatedSignatures++);
            if (bySignature.containsKey(signature)) {
                throw new IllegalArgumentException("duplicate signature " + signature);
            }
            SimTransaction tx = build(draft, signature);
            transactions.add(tx);
            bySignature.put(signature, tx);
            for (String key : new LinkedHashSet<>(tx.accountKeys())) {
                byAddress.computeIfAbsent(key, k -> new ArrayList<>()).add(tx);
            }
            for (Commitment c : Commitment.values()) {
                if (tx.slot() <= slotLocked(c)) {
                    for (LedgerListener listener : listeners) {
                        listener.onTransactionVisible(c, tx);
                    }
                }
            }
            return tx;
        }
    }

    /**
     * Builds and appends a transaction in the tip slot atomically: {@code builder} receives the tip's block time
     * (so generated events carry the same timestamp as the block) and returns the draft.
     */
    public SimTransaction appendAtTip(java.util.function.LongFunction<TransactionDraft> builder) {
        synchronized (lock) {
            TransactionDraft draft = builder.apply(clock.blockTimeAt(tip));
            if (draft.blockTime == null) {
                draft.blockTime(clock.blockTimeAt(tip));
            }
            draft.slot = null;
            return append(draft);
        }
    }

    private SimTransaction build(TransactionDraft draft, String signature) {
        long slot = tip;
        long blockTime = draft.blockTime != null ? draft.blockTime : clock.blockTimeAt(slot);
        List<String> keys;
        int[] header;
        List<CompiledInstruction> instructions;
        if (draft.accountKeys != null) {
            keys = List.copyOf(draft.accountKeys);
            header = draft.header;
            instructions = draft.instructions;
        } else {
            Derived derived = derive(signature, draft.logMessages);
            keys = derived.keys;
            header = derived.header;
            instructions = derived.instructions;
        }
        long fee = FEE_PER_SIGNATURE * Math.max(1, header[0]);
        List<Long> pre = new ArrayList<>();
        List<Long> post = new ArrayList<>();
        Set<String> programs = programIds(instructions, keys);
        for (int i = 0; i < keys.size(); i++) {
            long balance = programs.contains(keys.get(i)) ? PROGRAM_ACCOUNT_LAMPORTS
                    : 1_000_000_000L + (Math.floorMod(keys.get(i).hashCode(), 1000) * 10_000_000L);
            pre.add(balance);
            post.add(i == 0 ? balance - fee : balance);
        }
        long units = draft.computeUnits != null ? draft.computeUnits : topLevelComputeUnits(draft.logMessages);
        return new SimTransaction(transactions.size(), signature, slot, blockTime, draft.err,
                List.copyOf(draft.logMessages), keys, header, instructions, DeterministicIds.blockhash(slot - 1),
                fee, units, List.copyOf(pre), List.copyOf(post), draft.versioned);
    }

    private static Set<String> programIds(List<CompiledInstruction> instructions, List<String> keys) {
        Set<String> ids = new LinkedHashSet<>();
        for (CompiledInstruction ix : instructions) {
            if (ix.programIdIndex() < keys.size()) {
                ids.add(keys.get(ix.programIdIndex()));
            }
        }
        return ids;
    }

    private record Derived(List<String> keys, int[] header, List<CompiledInstruction> instructions) {
    }

    /** Without an explicit message: fee payer derived from the signature, then every program seen in the logs. */
    private static Derived derive(String signature, List<String> logs) {
        List<String> programs = new ArrayList<>();
        List<String> topLevel = new ArrayList<>();
        for (String line : logs) {
            Matcher m = INVOKE.matcher(line);
            if (m.matches()) {
                if (!programs.contains(m.group(1))) {
                    programs.add(m.group(1));
                }
                if (m.group(2).equals("1")) {
                    topLevel.add(m.group(1));
                }
            }
        }
        List<String> keys = new ArrayList<>();
        keys.add(Base58.encode(DeterministicIds.sha256(Base58.decode(signature))));
        keys.addAll(programs);
        List<CompiledInstruction> instructions = new ArrayList<>();
        for (String program : topLevel) {
            instructions.add(new CompiledInstruction(keys.indexOf(program), List.of(0), ""));
        }
        return new Derived(List.copyOf(keys), new int[] {1, 0, programs.size()}, List.copyOf(instructions));
    }

    private static long topLevelComputeUnits(List<String> logs) {
        long total = 0;
        int depth = 0;
        for (String line : logs) {
            Matcher invoke = INVOKE.matcher(line);
            if (invoke.matches()) {
                depth = Integer.parseInt(invoke.group(2));
                continue;
            }
            Matcher consumed = CONSUMED.matcher(line);
            if (consumed.matches() && depth == 1) {
                total += Long.parseLong(consumed.group(2));
            }
            if (line.endsWith(" success") || line.contains(" failed")) {
                depth = Math.max(0, depth - 1);
            }
        }
        return total;
    }

    /** The transaction if it exists and has reached {@code commitment}. */
    public Optional<SimTransaction> find(String signature, Commitment commitment) {
        synchronized (lock) {
            SimTransaction tx = bySignature.get(signature);
            return tx != null && tx.slot() <= slotLocked(commitment) ? Optional.of(tx) : Optional.empty();
        }
    }

    /**
     * getSignaturesForAddress semantics: newest first, starting strictly before {@code before} (an unknown
     * {@code before} yields nothing), stopping strictly after {@code until} (an unknown one is ignored),
     * at most {@code limit} entries, only transactions visible at {@code commitment}.
     */
    public List<SimTransaction> signaturesFor(String address, String before, String until, int limit, Commitment commitment) {
        synchronized (lock) {
            List<SimTransaction> list = byAddress.getOrDefault(address, Collections.emptyList());
            long maxSlot = slotLocked(commitment);
            long beforeSeq = Long.MAX_VALUE;
            if (before != null) {
                SimTransaction b = bySignature.get(before);
                if (b == null) {
                    return List.of();
                }
                beforeSeq = b.sequence();
            }
            long untilSeq = -1;
            if (until != null) {
                SimTransaction u = bySignature.get(until);
                if (u != null) {
                    untilSeq = u.sequence();
                }
            }
            List<SimTransaction> out = new ArrayList<>();
            for (int i = list.size() - 1; i >= 0 && out.size() < limit; i--) {
                SimTransaction tx = list.get(i);
                if (tx.sequence() <= untilSeq) {
                    break;
                }
                if (tx.sequence() >= beforeSeq || tx.slot() > maxSlot) {
                    continue;
                }
                out.add(tx);
            }
            return out;
        }
    }

    /** All transactions in ledger order (a snapshot). */
    public List<SimTransaction> all() {
        synchronized (lock) {
            return List.copyOf(transactions);
        }
    }
}
