package com.solanamafia.bench.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.solanamafia.ingest.idl.IdlLoader;
import com.solanamafia.ingest.idl.IdlRegistry;
import com.solanamafia.ingest.logs.TransactionLogDecoder;
import com.solanamafia.sim.ChainSimulator;
import com.solanamafia.sim.SimConfig;
import com.solanamafia.sim.ledger.SimTransaction;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a ledger file (the simulator's {@code --ledger} format) of a generated game holding at least the
 * requested number of program events: {@code LedgerWriter <file> <events> [players] [seed]}.
 */
public final class LedgerWriter {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long wantedEvents = Long.parseLong(args[1]);
        int players = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        ObjectMapper json = new ObjectMapper();
        long events = 0;
        long transactions = 0;
        try (ChainSimulator sim = ChainSimulator.start(SimConfig.builder().host("127.0.0.1").httpPort(0).wsPort(-1)
                .seed(seed).players(players).build());
             BufferedWriter out = Files.newBufferedWriter(file)) {
            TransactionLogDecoder decoder = new TransactionLogDecoder(IdlRegistry.of(sim.game().idl()));
            int written = 0;
            while (events < wantedEvents) {
                sim.generateGameTransactions(1000);
                var all = sim.ledger().all();
                for (int i = written; i < all.size(); i++) {
                    SimTransaction tx = all.get(i);
                    events += decoder.decode(tx.signature(), tx.logMessages(), !tx.succeeded()).events().size();
                    ObjectNode line = json.createObjectNode().put("slot", tx.slot()).put("blockTime", tx.blockTime())
                            .put("signature", tx.signature());
                    line.set("err", tx.err());
                    line.set("logMessages", json.valueToTree(tx.logMessages()));
                    out.write(json.writeValueAsString(line));
                    out.newLine();
                    transactions++;
                }
                written = all.size();
            }
        }
        System.out.printf("%s: %d transactions, %d program events%n", file, transactions, events);
    }

    private LedgerWriter() {
    }
}
