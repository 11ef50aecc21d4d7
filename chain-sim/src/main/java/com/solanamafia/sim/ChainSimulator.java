package com.solanamafia.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.solanamafia.sim.fault.FaultConfig;
import com.solanamafia.sim.fault.FaultInjector;
import com.solanamafia.sim.game.GameEngine;
import com.solanamafia.sim.ledger.Ledger;
import com.solanamafia.sim.ledger.SimClock;
import com.solanamafia.sim.ledger.SimTransaction;
import com.solanamafia.sim.ledger.TransactionDraft;
import com.solanamafia.sim.rpc.RpcHttpServer;
import com.solanamafia.sim.rpc.RpcMethods;
import com.solanamafia.sim.rpc.SimAccount;
import com.solanamafia.sim.rpc.TransactionProcessor;
import com.solanamafia.sim.source.LedgerFile;
import com.solanamafia.sim.source.PacedReleaser;
import com.solanamafia.sim.source.SlotTicker;
import com.solanamafia.sim.ws.PubSubServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A Solana JSON-RPC simulator: HTTP JSON-RPC on {@link #rpcUrl()}, PubSub WebSocket on {@link #wsUrl()}
 * (by default the HTTP port + 1), serving an in-memory {@link Ledger}. See chain-sim/README.md.
 *
 * <pre>{@code
 * try (ChainSimulator sim = ChainSimulator.start(SimConfig.builder().build())) {
 *     AppendedTransaction tx = sim.appendTransaction(List.of("Program X invoke [1]", "Program X success"), null);
 *     List<AppendedTransaction> history = sim.generateGameTransactions(500);   // backfill material
 *     RpcClient client = new RpcClient(sim.rpcUrl());
 * }
 * }</pre>
 */
public final class ChainSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChainSimulator.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int PORT_ATTEMPTS = 30;

    private final SimConfig config;
    private final Ledger ledger;
    private final FaultInjector faults;
    private final Map<String, SimAccount> accounts = new ConcurrentHashMap<>();
    private final RpcMethods methods;
    private final List<AutoCloseable> background = new ArrayList<>();
    private RpcHttpServer http;
    private PubSubServer ws;
    private GameEngine game;
    private PacedReleaser replay;
    private int generatedInSlot;

    private ChainSimulator(SimConfig config, List<TransactionDraft> ledgerDrafts) {
        this.config = config;
        long firstSlot = config.firstSlot();
        if (!ledgerDrafts.isEmpty() && ledgerDrafts.get(0).slot() != null) {
            firstSlot = ledgerDrafts.get(0).slot();
        }
        SimClock clock = new SimClock(firstSlot, config.startTime(), config.slotMillis(), config.timeCompression());
        this.ledger = new Ledger(config.seed(), firstSlot, clock, config.confirmedLag(), config.finalizedLag());
        this.faults = new FaultInjector(config.faults(), config.seed());
        this.methods = new RpcMethods(MAPPER, ledger, accounts, config.processor());
    }

    /** Binds the ports, loads the sources and starts the live parts (slot ticking, replay, game) the config asks for. */
    public static ChainSimulator start(SimConfig config) {
        List<TransactionDraft> drafts = config.ledgerFile() == null ? List.of() : LedgerFile.read(config.ledgerFile(), MAPPER);
        ChainSimulator sim = new ChainSimulator(config, drafts);
        try {
            sim.bind();
            sim.ledger.addListener(sim.ws);
            sim.startSources(drafts);
        } catch (IOException e) {
            sim.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
        return sim;
    }

    private void bind() throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            RpcHttpServer h = new RpcHttpServer(new InetSocketAddress(config.host(), config.httpPort()), MAPPER, methods, faults);
            int wsPort = config.wsPort() >= 0 ? config.wsPort() : h.port() + 1;
            PubSubServer w = new PubSubServer(new InetSocketAddress(config.host(), wsPort), MAPPER, faults);
            try {
                w.startAndAwait();
                h.start();
                this.http = h;
                this.ws = w;
                return;
            } catch (IOException e) {
                last = e;
                h.stop();
                w.shutdown();
                if (config.httpPort() != 0 || config.wsPort() > 0) {
                    break;
                }
            }
        }
        throw last;
    }

    private void startSources(List<TransactionDraft> drafts) {
        if (!drafts.isEmpty()) {
            if (config.replayRate() > 0) {
                Iterator<TransactionDraft> it = drafts.iterator();
                replay = new PacedReleaser("sim-ledger-replay", config.replayRate(), () -> {
                    if (!it.hasNext()) {
                        return false;
                    }
                    ledger.append(it.next());
                    return it.hasNext();
                });
                background.add(replay);
            } else {
                drafts.forEach(ledger::append);
            }
        }
        if (config.tickSlots()) {
            background.add(new SlotTicker(ledger, config.slotMillis()));
        }
        if (config.liveGame()) {
            GameEngine g = game();
            background.add(new PacedReleaser("sim-game", config.tps(), () -> {
                ledger.appendAtTip(g::next);
                return true;
            }));
        }
    }

    /** {@code http://host:port} of the JSON-RPC endpoint. */
    public String rpcUrl() {
        return "http://" + config.host() + ":" + http.port();
    }

    /** {@code ws://host:port} of the PubSub endpoint. */
    public String wsUrl() {
        return "ws://" + config.host() + ":" + ws.getPort();
    }

    public int httpPort() {
        return http.port();
    }

    public int wsPort() {
        return ws.getPort();
    }

    public SimConfig config() {
        return config;
    }

    public Ledger ledger() {
        return ledger;
    }

    /** Appends a successful transaction with these logs in the tip slot. */
    public AppendedTransaction appendTransaction(List<String> logMessages) {
        return appendTransaction(logMessages, null);
    }

    /**
     * Appends a transaction in the tip slot. {@code err} is the {@code meta.err} JSON (null = success), e.g.
     * {@code {"InstructionError":[0,{"Custom":6001}]}}. The account keys are a fee payer plus every program that
     * the logs invoke, so {@code getSignaturesForAddress(programId)} and {@code logsSubscribe mentions} find it.
     */
    public AppendedTransaction appendTransaction(List<String> logMessages, JsonNode err) {
        return appendTransaction(TransactionDraft.ofLogs(logMessages).err(err));
    }

    /** Appends a fully specified draft (signature, slot, block time, message...). */
    public AppendedTransaction appendTransaction(TransactionDraft draft) {
        SimTransaction tx = ledger.append(draft);
        return new AppendedTransaction(tx.signature(), tx.slot());
    }

    /** Moves the tip forward {@code n} slots; returns the new processed slot. */
    public long advanceSlots(int n) {
        return ledger.advance(n);
    }

    /** The generated game (created on first use from the config's IDL, seed and players). */
    public synchronized GameEngine game() {
        if (game == null) {
            game = config.idlPath() != null
                    ? GameEngine.load(config.idlPath(), config.seed(), config.gamePlayers())
                    : GameEngine.bundled(config.seed(), config.gamePlayers());
        }
        return game;
    }

    /**
     * Generates {@code n} game transactions synchronously into the ledger, {@link SimConfig#transactionsPerSlot()}
     * per slot (the tip advances between slots), and returns them oldest first. Same seed, same result.
     */
    public synchronized List<AppendedTransaction> generateGameTransactions(int n) {
        GameEngine g = game();
        List<AppendedTransaction> out = new ArrayList<>(n);
        int perSlot = config.transactionsPerSlot();
        for (int i = 0; i < n; i++) {
            if (generatedInSlot >= perSlot) {
                ledger.advance(1);
                generatedInSlot = 0;
            }
            SimTransaction tx = ledger.appendAtTip(g::next);
            generatedInSlot++;
            out.add(new AppendedTransaction(tx.signature(), tx.slot()));
        }
        return out;
    }

    /** Registers an account for getAccountInfo / getMultipleAccounts / getBalance. */
    public void putAccount(String address, SimAccount account) {
        accounts.put(address, account);
    }

    public void removeAccount(String address) {
        accounts.remove(address);
    }

    /** Replaces the sendTransaction hook. */
    public void setTransactionProcessor(TransactionProcessor processor) {
        methods.setProcessor(processor);
    }

    /** Changes the fault knobs at runtime (null = none). */
    public void setFaults(FaultConfig faults) {
        this.faults.set(faults);
    }

    public FaultInjector faults() {
        return faults;
    }

    /** Closes every WebSocket now, as a network drop would. */
    public void dropWebSockets() {
        ws.dropAllConnections();
    }

    public int subscriptionCount() {
        return ws.subscriptionCount();
    }

    /** Waits until a live ledger-file replay released everything; true at once when there is none. */
    public boolean awaitReplay(long timeout, TimeUnit unit) throws InterruptedException {
        return replay == null || replay.awaitDone(timeout, unit);
    }

    /** Stops everything; idempotent. */
    public void stop() {
        for (AutoCloseable c : background) {
            try {
                c.close();
            } catch (Exception e) {
                log.debug("close failed: {}", e.toString());
            }
        }
        background.clear();
        if (http != null) {
            http.stop();
        }
        if (ws != null) {
            ws.shutdown();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
