package com.solanamafia.sim;

import com.solanamafia.sim.fault.FaultConfig;
import com.solanamafia.sim.rpc.TransactionProcessor;

import java.nio.file.Path;

/**
 * Everything a {@link ChainSimulator} run needs. Build with {@link #builder()}; the defaults suit tests:
 * ephemeral ports on loopback, no live slot ticking, no lag between commitment levels (everything appended is
 * immediately finalized), no faults, no source.
 *
 * @param httpPort        0 = any free port
 * @param wsPort          -1 = httpPort + 1 (as validators do); 0 = any free port
 * @param firstSlot       the slot the chain starts at (ledger files bring their own slots)
 * @param startTime       block time (unix seconds) of {@code firstSlot}
 * @param slotMillis      slot duration of the simulated clock and of live slot ticking
 * @param timeCompression simulated seconds per real second (block time advances this much faster than slots)
 * @param confirmedLag    confirmed slot = processed - confirmedLag
 * @param finalizedLag    finalized slot = confirmed - finalizedLag (real mainnet: about 32)
 * @param tickSlots       when true a background thread advances the tip every {@code slotMillis}
 * @param ledgerFile      JSON-lines ledger to serve, or null
 * @param replayRate      0 = serve the ledger file at once as history; &gt; 0 = release it live at this many tx/s
 * @param players         players of the generated game (0 = {@link #DEFAULT_PLAYERS} when a game is used)
 * @param liveGame        when true the generated game runs live at {@code tps} from start
 * @param tps             generated game rate (transactions per second)
 * @param idlPath         IDL of the generated game (null = the idl-full.json bundled with ingest)
 */
public record SimConfig(
        String host,
        int httpPort,
        int wsPort,
        long seed,
        long firstSlot,
        long startTime,
        long slotMillis,
        double timeCompression,
        int confirmedLag,
        int finalizedLag,
        boolean tickSlots,
        FaultConfig faults,
        TransactionProcessor processor,
        Path ledgerFile,
        double replayRate,
        int players,
        boolean liveGame,
        double tps,
        Path idlPath) {

    public static final long DEFAULT_FIRST_SLOT = 350_000_000L;
    public static final long DEFAULT_START_TIME = 1_750_000_000L;
    public static final int DEFAULT_PLAYERS = 10;

    /** Players of the generated game. */
    public int gamePlayers() {
        return players > 0 ? players : DEFAULT_PLAYERS;
    }

    /** Generated transactions per slot: tps x slot duration, at least 1. */
    public int transactionsPerSlot() {
        return (int) Math.max(1, Math.round(tps * slotMillis / 1000.0));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.httpPort = httpPort;
        b.wsPort = wsPort;
        b.seed = seed;
        b.firstSlot = firstSlot;
        b.startTime = startTime;
        b.slotMillis = slotMillis;
        b.timeCompression = timeCompression;
        b.confirmedLag = confirmedLag;
        b.finalizedLag = finalizedLag;
        b.tickSlots = tickSlots;
        b.faults = faults;
        b.processor = processor;
        b.ledgerFile = ledgerFile;
        b.replayRate = replayRate;
        b.players = players;
        b.liveGame = liveGame;
        b.tps = tps;
        b.idlPath = idlPath;
        return b;
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int httpPort = 0;
        private int wsPort = -1;
        private long seed = 42;
        private long firstSlot = DEFAULT_FIRST_SLOT;
        private long startTime = DEFAULT_START_TIME;
        private long slotMillis = 400;
        private double timeCompression = 1.0;
        private int confirmedLag = 0;
        private int finalizedLag = 0;
        private boolean tickSlots = false;
        private FaultConfig faults = FaultConfig.NONE;
        private TransactionProcessor processor = TransactionProcessor.RECORD_AS_SUCCESS;
        private Path ledgerFile;
        private double replayRate = 0;
        private int players = 0;
        private boolean liveGame = false;
        private double tps = 10;
        private Path idlPath;

        public Builder host(String host) { this.host = host; return this; }
        public Builder httpPort(int port) { this.httpPort = port; return this; }
        public Builder wsPort(int port) { this.wsPort = port; return this; }
        public Builder seed(long seed) { this.seed = seed; return this; }
        public Builder firstSlot(long slot) { this.firstSlot = slot; return this; }
        public Builder startTime(long unixSeconds) { this.startTime = unixSeconds; return this; }
        public Builder slotMillis(long millis) { this.slotMillis = millis; return this; }
        public Builder timeCompression(double factor) { this.timeCompression = factor; return this; }
        public Builder confirmedLag(int slots) { this.confirmedLag = slots; return this; }
        public Builder finalizedLag(int slots) { this.finalizedLag = slots; return this; }
        public Builder tickSlots(boolean tick) { this.tickSlots = tick; return this; }
        public Builder faults(FaultConfig faults) { this.faults = faults; return this; }
        public Builder processor(TransactionProcessor processor) { this.processor = processor; return this; }
        public Builder ledgerFile(Path file) { this.ledgerFile = file; return this; }
        public Builder replayRate(double txPerSecond) { this.replayRate = txPerSecond; return this; }
        public Builder players(int players) { this.players = players; return this; }
        public Builder liveGame(boolean live) { this.liveGame = live; return this; }
        public Builder tps(double tps) { this.tps = tps; return this; }
        public Builder idlPath(Path idl) { this.idlPath = idl; return this; }

        public SimConfig build() {
            if (slotMillis <= 0 || timeCompression <= 0 || tps <= 0 || replayRate < 0 || players < 0) {
                throw new IllegalArgumentException("slotMillis, timeCompression and tps must be > 0; replayRate, players >= 0");
            }
            return new SimConfig(host, httpPort, wsPort, seed, firstSlot, startTime, slotMillis, timeCompression,
                    confirmedLag, finalizedLag, tickSlots, faults == null ? FaultConfig.NONE : faults,
                    processor == null ? TransactionProcessor.RECORD_AS_SUCCESS : processor, ledgerFile, replayRate,
                    players, liveGame, tps, idlPath);
        }
    }
}
