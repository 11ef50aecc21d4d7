package com.solanamafia.sim;

import com.solanamafia.sim.fault.FaultConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Command line of the simulator ({@code java -jar solana-mafia.jar sim ...}). {@link #run} blocks until the
 * process is killed; it returns 2 at once on bad arguments.
 *
 * <pre>
 * sim [--port 8899] [--host 127.0.0.1] [--ledger FILE [--replay-rate R]] [--players N --tps R] [--idl PATH]
 *     [--seed S] [--faults k=v,...] [--slot-ms 400] [--time-compression X] [--start-time UNIX]
 *     [--confirmed-lag N] [--finalized-lag N]
 * </pre>
 * --ledger alone serves the file at once as finalized history; with --replay-rate it is released live at R tx/s;
 * --players/--tps runs a generated game live (time compressed 3600x unless --time-compression is given).
 * Live modes default to confirmed lag 1 and finalized lag 32 slots. The WebSocket listens on port + 1.
 */
public final class SimCommand {
    private static final Logger log = LoggerFactory.getLogger(SimCommand.class);

    private SimCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String[] args) {
        SimConfig config;
        try {
            config = parse(args);
        } catch (HelpRequested e) {
            usage(System.out);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("sim: " + e.getMessage());
            usage(System.err);
            return 2;
        }
        ChainSimulator sim;
        try {
            sim = ChainSimulator.start(config);
        } catch (RuntimeException e) {
            System.err.println("sim: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.stop();
            stopped.countDown();
        }, "sim-shutdown"));
        String summary = "chain-sim up: rpc " + sim.rpcUrl() + " ws " + sim.wsUrl()
                + " transactions=" + sim.ledger().transactionCount()
                + (config.liveGame() ? " game program=" + sim.game().programId() + " players=" + config.gamePlayers() + " tps=" + config.tps() : "")
                + (config.ledgerFile() != null ? " ledger=" + config.ledgerFile() + (config.replayRate() > 0 ? " replay " + config.replayRate() + " tx/s" : " (history)") : "")
                + (config.faults().any() ? " faults=" + config.faults() : "");
        log.info(summary);
        System.out.println(summary);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sim.stop();
        }
        return 0;
    }

    private static final class HelpRequested extends RuntimeException {
    }

    static SimConfig parse(String[] args) {
        SimConfig.Builder b = SimConfig.builder().httpPort(8899).tickSlots(true);
        boolean live = false;
        boolean game = false;
        Double compression = null;
        Integer confirmedLag = null;
        Integer finalizedLag = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("sim")) {
                continue;
            }
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new HelpRequested();
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            String v = args[++i];
            try {
                switch (flag) {
                    case "--port" -> b.httpPort(Integer.parseInt(v));
                    case "--ws-port" -> b.wsPort(Integer.parseInt(v));
                    case "--host" -> b.host(v);
                    case "--ledger" -> {
                        Path p = Path.of(v);
                        if (!Files.isReadable(p)) {
                            throw new IllegalArgumentException("ledger file not readable: " + v);
                        }
                        b.ledgerFile(p);
                    }
                    case "--replay-rate" -> {
                        b.replayRate(Double.parseDouble(v));
                        live = true;
                    }
                    case "--players" -> {
                        b.players(Integer.parseInt(v));
                        game = true;
                    }
                    case "--tps" -> {
                        b.tps(Double.parseDouble(v));
                        game = true;
                    }
                    case "--idl" -> b.idlPath(Path.of(v));
                    case "--seed" -> b.seed(Long.parseLong(v));
                    case "--faults" -> b.faults(FaultConfig.parse(v));
                    case "--slot-ms" -> b.slotMillis(Long.parseLong(v));
                    case "--time-compression" -> compression = Double.parseDouble(v);
                    case "--start-time" -> b.startTime(Long.parseLong(v));
                    case "--confirmed-lag" -> confirmedLag = Integer.parseInt(v);
                    case "--finalized-lag" -> finalizedLag = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad number for " + flag + ": " + v);
            }
        }
        live |= game;
        b.liveGame(game);
        b.timeCompression(compression != null ? compression : game ? 3600 : 1);
        b.confirmedLag(confirmedLag != null ? confirmedLag : live ? 1 : 0);
        b.finalizedLag(finalizedLag != null ? finalizedLag : live ? 32 : 0);
        return b.build();
    }

    static void usage(PrintStream out) {
        out.println("usage: sim [--port 8899] [--host 127.0.0.1] [--ledger FILE [--replay-rate TX_PER_S]]");
        out.println("           [--players N --tps TX_PER_S] [--idl PATH] [--seed S] [--slot-ms 400]");
        out.println("           [--time-compression X] [--start-time UNIX] [--confirmed-lag N] [--finalized-lag N]");
        out.println("           [--faults rate429=0.1,retryAfter=1,http5xx=0.05,latencyMs=50,malformed=0.02,");
        out.println("                     wsDropEverySec=30,duplicateNotify=0.1,lateNotifyMs=500]");
        out.println("HTTP JSON-RPC on --port, WebSocket PubSub on port+1.");
    }
}
