package com.solanamafia.command.earnings.submission;

import com.solanamafia.api.chain.Base58;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A legacy Solana message and its wire transaction. Keys are ordered as the runtime requires: fee payer first, then
 * writable signers, read-only signers, writable non-signers, read-only non-signers (program ids last among those).
 */
public final class LegacyMessage {

    public record AccountMeta(String pubkey, boolean signer, boolean writable) {
    }

    public record Instruction(String programId, List<AccountMeta> accounts, byte[] data) {
    }

    private final byte[] message;
    private final int requiredSignatures;

    private LegacyMessage(byte[] message, int requiredSignatures) {
        this.message = message;
        this.requiredSignatures = requiredSignatures;
    }

    public static LegacyMessage compile(String feePayer, String recentBlockhash, List<Instruction> instructions) {
        Map<String, boolean[]> flags = new LinkedHashMap<>();   // pubkey -> {signer, writable}
        flags.put(feePayer, new boolean[] {true, true});
        for (Instruction ix : instructions) {
            for (AccountMeta m : ix.accounts()) {
                boolean[] f = flags.computeIfAbsent(m.pubkey(), k -> new boolean[2]);
                f[0] |= m.signer();
                f[1] |= m.writable();
            }
            flags.computeIfAbsent(ix.programId(), k -> new boolean[2]);
        }
        List<String> keys = new ArrayList<>();
        keys.add(feePayer);
        addWhere(flags, keys, feePayer, true, true);
        addWhere(flags, keys, feePayer, true, false);
        addWhere(flags, keys, feePayer, false, true);
        addWhere(flags, keys, feePayer, false, false);
        int signers = 0;
        int readonlySigners = 0;
        int readonlyUnsigned = 0;
        for (String k : keys) {
            boolean[] f = flags.get(k);
            if (f[0]) {
                signers++;
                if (!f[1]) {
                    readonlySigners++;
                }
            } else if (!f[1]) {
                readonlyUnsigned++;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(signers);
        out.write(readonlySigners);
        out.write(readonlyUnsigned);
        shortVec(out, keys.size());
        keys.forEach(k -> out.writeBytes(Base58.decode(k)));
        out.writeBytes(Base58.decode(recentBlockhash));
        shortVec(out, instructions.size());
        for (Instruction ix : instructions) {
            out.write(keys.indexOf(ix.programId()));
            shortVec(out, ix.accounts().size());
            ix.accounts().forEach(m -> out.write(keys.indexOf(m.pubkey())));
            shortVec(out, ix.data().length);
            out.writeBytes(ix.data());
        }
        return new LegacyMessage(out.toByteArray(), signers);
    }

    private static void addWhere(Map<String, boolean[]> flags, List<String> keys, String feePayer, boolean signer, boolean writable) {
        flags.forEach((k, f) -> {
            if (!k.equals(feePayer) && f[0] == signer && f[1] == writable) {
                keys.add(k);
            }
        });
    }

    static void shortVec(ByteArrayOutputStream out, int value) {
        int v = value;
        while (true) {
            int b = v & 0x7f;
            v >>>= 7;
            if (v == 0) {
                out.write(b);
                return;
            }
            out.write(b | 0x80);
        }
    }

    public byte[] bytes() {
        return message.clone();
    }

    public int requiredSignatures() {
        return requiredSignatures;
    }

    /** Signs with the only signer (the operator) and returns the wire transaction; the signature is its id. */
    public SignedTransaction sign(OperatorKey operator) {
        if (requiredSignatures != 1) {
            throw new IllegalStateException("the operator can only sign messages with one required signature, got " + requiredSignatures);
        }
        byte[] signature = operator.sign(message);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        shortVec(out, 1);
        out.writeBytes(signature);
        out.writeBytes(message);
        return new SignedTransaction(Base58.encode(signature), out.toByteArray());
    }

    public record SignedTransaction(String signature, byte[] wire) {
    }
}
