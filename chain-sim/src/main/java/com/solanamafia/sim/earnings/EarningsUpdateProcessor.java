package com.solanamafia.sim.earnings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.solanamafia.api.chain.Base58;
import com.solanamafia.ingest.borsh.DecodedPayload;
import com.solanamafia.ingest.idl.IdlError;
import com.solanamafia.ingest.idl.IdlInstruction;
import com.solanamafia.ingest.idl.IdlInstructionAccount;
import com.solanamafia.sim.game.GameEngine;
import com.solanamafia.sim.game.GameEngine.ExternalUpdate;
import com.solanamafia.sim.ledger.Commitment;
import com.solanamafia.sim.ledger.CompiledInstruction;
import com.solanamafia.sim.ledger.DeterministicIds;
import com.solanamafia.sim.ledger.Ledger;
import com.solanamafia.sim.ledger.TransactionDraft;
import com.solanamafia.sim.rpc.RpcError;
import com.solanamafia.sim.rpc.TransactionProcessor;
import com.solanamafia.sim.rpc.WireTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A validator for the program's earnings-update instructions, plugged into {@code sendTransaction}.
 * <ul>
 * <li>RPC level (the call fails, nothing is recorded): malformed or unsigned transactions and bad ed25519 signatures
 * ({@code -32003 Transaction signature verification failure}); a recent blockhash older than 150 slots
 * ({@code -32002 Transaction simulation failed: Blockhash not found}).</li>
 * <li>Program level (the transaction lands in a later slot, failed, with {@code meta.err InstructionError}):
 * unknown instruction (101 InstructionFallbackNotFound), missing accounts (3005), missing signer (3010), read-only
 * player (2000), wrong game_state PDA (2006 ConstraintSeeds), unknown player PDA (3012 AccountNotInitialized), wrong
 * authority (the IDL's UnauthorizedAdmin), not due (EarningsNotDue 6014 at HEAD, TooEarlyToUpdate 6013 in idl-full).
 * A transaction is atomic: one failing instruction fails them all.</li>
 * <li>Valid: lands in a later slot, the players' state advances by the game rules and each update logs
 * EarningsUpdated (idl-full: only when something was added, like the program).</li>
 * </ul>
 * Accepted signatures are remembered, so a re-broadcast of the same transaction lands once.
 */
public final class EarningsUpdateProcessor implements TransactionProcessor, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EarningsUpdateProcessor.class);
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String COMPUTE_BUDGET = "ComputeBudget111111111111111111111111111111";
    public static final int BLOCKHASH_VALID_SLOTS = 150;

    private final GameEngine game;
    private final String programId;
    private final String authority;
    private final long landDelayMillis;
    private final String gameStatePda;
    private final Map<String, String> walletByPda = new ConcurrentHashMap<>();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService lander;
    private final AtomicLong landed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    /**
     * @param authority       the game authority allowed to sign update_single_player_earnings (idl-full); the backend's
     *                        operator key in tests
     * @param landDelayMillis how long after sendTransaction the transaction lands (at least one slot later)
     */
    public EarningsUpdateProcessor(GameEngine game, String authority, long landDelayMillis) {
        this.game = game;
        this.programId = game.programId();
        this.authority = authority;
        this.landDelayMillis = Math.max(0, landDelayMillis);
        this.gameStatePda = ProgramAddress.find(programId, "game_state".getBytes(StandardCharsets.UTF_8));
        this.lander = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-earnings-lander");
            t.setDaemon(true);
            return t;
        });
        for (String wallet : game.playerWallets()) {
            walletByPda.put(playerPda(programId, wallet), wallet);
        }
    }

    /** The real Player PDA {@code ["player", owner]}. */
    public static String playerPda(String programId, String wallet) {
        return ProgramAddress.find(programId, "player".getBytes(StandardCharsets.UTF_8), Base58.decode(wallet));
    }

    public long landedCount() {
        return landed.get();
    }

    public long failedCount() {
        return failed.get();
    }

    public long rejectedCount() {
        return rejected.get();
    }

    @Override
    public Optional<TransactionDraft> process(WireTransaction tx, Ledger ledger) {
        verifySignatures(tx);
        verifyBlockhash(tx, ledger);
        if (!accepted.add(tx.signature())) {
            return Optional.empty();
        }
        long sentSlot = ledger.slot(Commitment.PROCESSED);
        lander.schedule(() -> land(tx, ledger, sentSlot), landDelayMillis, TimeUnit.MILLISECONDS);
        return Optional.empty();
    }

    private void verifySignatures(WireTransaction tx) {
        int required = tx.header()[0];
        if (tx.signatures().size() != required || required == 0 || tx.accountKeys().size() < required) {
            rejected.incrementAndGet();
            throw new RpcError(-32602, "invalid transaction: Transaction failed to sanitize accounts offsets correctly");
        }
        for (int i = 0; i < required; i++) {
            if (!verify(tx.accountKeys().get(i), tx.messageBytes(), Base58.decode(tx.signatures().get(i)))) {
                rejected.incrementAndGet();
                throw new RpcError(-32003, "Transaction signature verification failure");
            }
        }
    }

    private void verifyBlockhash(WireTransaction tx, Ledger ledger) {
        long tip = ledger.slot(Commitment.PROCESSED);
        for (long s = tip; s >= Math.max(0, tip - BLOCKHASH_VALID_SLOTS); s--) {
            if (DeterministicIds.blockhash(s).equals(tx.recentBlockhash())) {
                return;
            }
        }
        rejected.incrementAndGet();
        throw new RpcError(-32002, "Transaction simulation failed: Blockhash not found");
    }

    static boolean verify(String publicKey, byte[] message, byte[] signature) {
        try {
            byte[] raw = Base58.decode(publicKey);
            byte[] encoded = new byte[X509_PREFIX.length + raw.length];
            System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
            System.arraycopy(raw, 0, encoded, X509_PREFIX.length, raw.length);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (Exception e) {
            return false;
        }
    }

    private void land(WireTransaction tx, Ledger ledger, long sentSlot) {
        try {
            if (ledger.slot(Commitment.PROCESSED) <= sentSlot) {
                ledger.advanceTo(sentSlot + 1);
            }
            ledger.appendAtTip(now -> execute(tx, now));
        } catch (RuntimeException e) {
            log.warn("landing {} failed: {}", tx.signature(), e.toString());
        }
    }

    /** Runs under the ledger lock (appendAtTip), so the game state cannot change underneath. */
    private TransactionDraft execute(WireTransaction tx, long now) {
        List<String> logs = new ArrayList<>();
        List<Runnable> effects = new ArrayList<>();
        List<String[]> updates = new ArrayList<>();
        for (int i = 0; i < tx.instructions().size(); i++) {
            CompiledInstruction ix = tx.instructions().get(i);
            String program = tx.accountKeys().get(ix.programIdIndex());
            if (COMPUTE_BUDGET.equals(program)) {
                logs.add("Program " + program + " invoke [1]");
                logs.add("Program " + program + " success");
                continue;
            }
            logs.add("Program " + program + " invoke [1]");
            if (!programId.equals(program)) {
                return failed(tx, logs, i, JSON.textNode("IncorrectProgramId"), "Program " + program + " failed: incorrect program id for instruction");
            }
            Failure failure = check(tx, ix, now, logs, updates);
            if (failure != null) {
                logs.add("Program log: " + failure.message);
                logs.add("Program " + programId + " consumed 3500 of 200000 compute units");
                logs.add("Program " + programId + " failed: custom program error: 0x" + Integer.toHexString(failure.code));
                return failed(tx, logs, i, JSON.objectNode().put("Custom", failure.code), null);
            }
            logs.add("__UPDATE__" + (updates.size() - 1));
            logs.add("Program " + programId + " consumed 5200 of 200000 compute units");
            logs.add("Program " + programId + " success");
        }
        // every instruction passed: apply, then write the events into the logs
        List<String> out = new ArrayList<>(logs.size());
        for (String line : logs) {
            if (!line.startsWith("__UPDATE__")) {
                out.add(line);
                continue;
            }
            String wallet = updates.get(Integer.parseInt(line.substring(10)))[0];
            ExternalUpdate u = game.applyEarningsUpdate(wallet, now);
            boolean emit = u.status() == ExternalUpdate.Status.UPDATED ? (!game.fullRules() || u.added() > 0)
                    : u.status() == ExternalUpdate.Status.NO_BUSINESSES && !game.fullRules();
            if (emit) {
                out.add("Program log: 💰 Earnings updated for player: " + wallet + ", added: " + u.added() + " lamports");
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("player", wallet);
                fields.put("earnings_added", Long.toString(u.added()));
                fields.put("total_pending", Long.toString(u.totalPending()));
                fields.put("next_earnings_time", Long.toString(u.nextEarningsTime()));
                fields.put("businesses_count", Integer.toString(u.businesses()));
                out.add(game.codec().encodeLogLine("EarningsUpdated", fields));
            }
        }
        effects.forEach(Runnable::run);
        landed.incrementAndGet();
        return TransactionDraft.ofLogs(out).signature(tx.signature())
                .message(tx.accountKeys(), tx.header(), tx.instructions()).versioned(tx.versioned());
    }

    private record Failure(int code, String message) {
    }

    private Failure check(WireTransaction tx, CompiledInstruction ix, long now, List<String> logs, List<String[]> updates) {
        byte[] data = Base58.decode(ix.dataBase58());
        Optional<DecodedPayload> decoded;
        try {
            decoded = data.length < 8 ? Optional.empty() : game.codec().decodeInstruction(data);
        } catch (RuntimeException e) {
            decoded = Optional.empty();
        }
        if (decoded.isEmpty()) {
            return anchor(101, "InstructionFallbackNotFound", "Fallback functions are not supported");
        }
        String name = decoded.get().name();
        IdlInstruction idlIx = game.idl().instruction(name).orElseThrow();
        logs.add("Program log: Instruction: " + pascal(name));
        if (!name.equals("update_earnings") && !name.equals("update_single_player_earnings")) {
            return anchor(101, "InstructionFallbackNotFound", "the simulator only executes earnings updates, not " + name);
        }
        List<IdlInstructionAccount> expected = idlIx.accounts();
        if (ix.accounts().size() < expected.size()) {
            return anchor(3005, "AccountNotEnoughKeys", "Not enough account keys given to the instruction");
        }
        Map<String, String> given = new LinkedHashMap<>();
        int signers = tx.header()[0];
        int readonlySigned = tx.header()[1];
        int readonlyUnsigned = tx.header()[2];
        int keyCount = tx.accountKeys().size();
        for (int a = 0; a < expected.size(); a++) {
            IdlInstructionAccount spec = expected.get(a);
            int keyIndex = ix.accounts().get(a);
            String key = tx.accountKeys().get(keyIndex);
            boolean isSigner = keyIndex < signers;
            boolean isWritable = isSigner ? keyIndex < signers - readonlySigned : keyIndex < keyCount - readonlyUnsigned;
            if (spec.signer() && !isSigner) {
                return anchorAccount(3010, "AccountNotSigner", "The given account did not sign", spec.name());
            }
            if (spec.writable() && !isWritable) {
                return anchorAccount(2000, "ConstraintMut", "A mut constraint was violated", spec.name());
            }
            if (spec.address() != null && !spec.address().equals(key)) {
                return anchorAccount(2012, "ConstraintAddress", "An address constraint was violated", spec.name());
            }
            given.put(spec.name(), key);
        }
        if (given.containsKey("game_state") && !gameStatePda.equals(given.get("game_state"))) {
            return anchorAccount(2006, "ConstraintSeeds", "A seeds constraint was violated", "game_state");
        }
        String wallet = walletByPda.get(given.get("player"));
        if (wallet == null || game.nextEarningsTime(wallet).isEmpty()) {
            return anchorAccount(3012, "AccountNotInitialized", "The program expected this account to be already initialized", "player");
        }
        if (name.equals("update_single_player_earnings") && authority != null && !authority.equals(given.get("authority"))) {
            return program("UnauthorizedAdmin");
        }
        if (name.equals("update_earnings") && given.containsKey("authority") && !wallet.equals(given.get("authority"))) {
            return anchorAccount(2006, "ConstraintSeeds", "A seeds constraint was violated", "player");
        }
        for (String[] u : updates) {
            if (u[0].equals(wallet)) {
                return program(notDueError());   // the earlier instruction already moved the due time
            }
        }
        ExternalUpdate check = game.checkEarningsUpdate(wallet, now);
        if (check.status() == ExternalUpdate.Status.NOT_DUE) {
            return program(notDueError());
        }
        updates.add(new String[] {wallet});
        return null;
    }

    private String notDueError() {
        return game.idl().errors().stream().anyMatch(e -> e.name().equals("EarningsNotDue")) ? "EarningsNotDue" : "TooEarlyToUpdate";
    }

    private Failure program(String errorName) {
        IdlError e = game.idl().errors().stream().filter(x -> x.name().equals(errorName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("IDL has no error " + errorName));
        return new Failure(e.code(), "AnchorError thrown in programs/solana-mafia/src/instructions/earnings.rs. Error Code: "
                + e.name() + ". Error Number: " + e.code() + ". Error Message: " + e.msg() + ".");
    }

    private static Failure anchor(int code, String name, String message) {
        return new Failure(code, "AnchorError occurred. Error Code: " + name + ". Error Number: " + code + ". Error Message: " + message + ".");
    }

    private static Failure anchorAccount(int code, String name, String message, String account) {
        return new Failure(code, "AnchorError caused by account: " + account + ". Error Code: " + name + ". Error Number: "
                + code + ". Error Message: " + message + ".");
    }

    private TransactionDraft failed(WireTransaction tx, List<String> logs, int index, JsonNode detail, String lastLine) {
        if (lastLine != null) {
            logs.add(lastLine);
        }
        ObjectNode err = JSON.objectNode();
        err.putArray("InstructionError").add(index).add(detail);
        failed.incrementAndGet();
        return TransactionDraft.ofLogs(logs).signature(tx.signature()).err(err)
                .message(tx.accountKeys(), tx.header(), tx.instructions()).versioned(tx.versioned());
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

    @Override
    public void close() {
        lander.shutdownNow();
    }
}
