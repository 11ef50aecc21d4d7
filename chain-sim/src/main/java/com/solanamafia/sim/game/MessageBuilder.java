package com.solanamafia.sim.game;

import com.solanamafia.api.chain.Base58;
import com.solanamafia.sim.ledger.CompiledInstruction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects a transaction's accounts and instructions and compiles them in Solana's account order. */
final class MessageBuilder {
    /** One account of an instruction. */
    record Meta(String address, boolean signer, boolean writable) {
    }

    private record RawInstruction(String programId, List<String> accounts, byte[] data) {
    }

    private final Map<String, boolean[]> flags = new LinkedHashMap<>();
    private final List<RawInstruction> instructions = new ArrayList<>();
    private final String feePayer;

    MessageBuilder(String feePayer) {
        this.feePayer = feePayer;
        flags.put(feePayer, new boolean[] {true, true});
    }

    /** Adds an instruction; returns its index in the message. */
    int add(String programId, List<Meta> accounts, byte[] data) {
        List<String> addresses = new ArrayList<>();
        for (Meta m : accounts) {
            boolean[] f = flags.computeIfAbsent(m.address(), k -> new boolean[2]);
            f[0] |= m.signer();
            f[1] |= m.writable();
            addresses.add(m.address());
        }
        flags.computeIfAbsent(programId, k -> new boolean[2]);
        instructions.add(new RawInstruction(programId, addresses, data));
        return instructions.size() - 1;
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        keys.add(feePayer);
        for (int pass = 0; pass < 4; pass++) {
            boolean signer = pass < 2;
            boolean writable = pass % 2 == 0;
            for (Map.Entry<String, boolean[]> e : flags.entrySet()) {
                if (!e.getKey().equals(feePayer) && e.getValue()[0] == signer && e.getValue()[1] == writable) {
                    keys.add(e.getKey());
                }
            }
        }
        return keys;
    }

    int[] header() {
        int signers = 0;
        int readonlySigned = 0;
        int readonlyUnsigned = 0;
        for (boolean[] f : flags.values()) {
            if (f[0]) {
                signers++;
                if (!f[1]) {
                    readonlySigned++;
                }
            } else if (!f[1]) {
                readonlyUnsigned++;
            }
        }
        return new int[] {signers, readonlySigned, readonlyUnsigned};
    }

    List<CompiledInstruction> compile(List<String> keys) {
        List<CompiledInstruction> out = new ArrayList<>();
        for (RawInstruction ix : instructions) {
            List<Integer> indexes = new ArrayList<>();
            ix.accounts().forEach(a -> indexes.add(keys.indexOf(a)));
            out.add(new CompiledInstruction(keys.indexOf(ix.programId()), indexes, Base58.encode(ix.data())));
        }
        return out;
    }
}
