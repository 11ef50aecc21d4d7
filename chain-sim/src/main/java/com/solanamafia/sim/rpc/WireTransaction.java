package com.solanamafia.sim.rpc;

import com.solanamafia.api.chain.Base58;
import com.solanamafia.sim.ledger.CompiledInstruction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A transaction in wire format: shortvec signature count, 64-byte signatures, then the message
 * (legacy, or v0 when the first message byte has the high bit set). Address table lookups of v0
 * messages are skipped (their accounts are not resolved).
 */
public record WireTransaction(
        List<String> signatures,
        boolean versioned,
        int[] header,
        List<String> accountKeys,
        String recentBlockhash,
        List<CompiledInstruction> instructions,
        byte[] messageBytes) {

    /** The first signature, which is the transaction id. */
    public String signature() {
        return signatures.get(0);
    }

    /** @throws IllegalArgumentException when the bytes are not a well-formed transaction */
    public static WireTransaction parse(byte[] wire) {
        try {
            Reader r = new Reader(wire);
            int count = r.shortVec();
            if (count == 0) {
                throw new IllegalArgumentException("transaction has no signatures");
            }
            List<String> signatures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                signatures.add(Base58.encode(r.bytes(64)));
            }
            int messageStart = r.pos;
            boolean versioned = (r.peek() & 0x80) != 0;
            if (versioned) {
                int version = r.u8() & 0x7f;
                if (version != 0) {
                    throw new IllegalArgumentException("unsupported transaction version " + version);
                }
            }
            int[] header = {r.u8(), r.u8(), r.u8()};
            int keyCount = r.shortVec();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < keyCount; i++) {
                keys.add(Base58.encode(r.bytes(32)));
            }
            String blockhash = Base58.encode(r.bytes(32));
            int ixCount = r.shortVec();
            List<CompiledInstruction> instructions = new ArrayList<>();
            for (int i = 0; i < ixCount; i++) {
                int program = r.u8();
                int accountCount = r.shortVec();
                List<Integer> accounts = new ArrayList<>();
                for (int a = 0; a < accountCount; a++) {
                    accounts.add(r.u8());
                }
                int dataLength = r.shortVec();
                instructions.add(new CompiledInstruction(program, accounts, Base58.encode(r.bytes(dataLength))));
            }
            byte[] message = Arrays.copyOfRange(wire, messageStart, wire.length);
            return new WireTransaction(List.copyOf(signatures), versioned, header, List.copyOf(keys), blockhash,
                    List.copyOf(instructions), message);
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("transaction bytes end too early");
        }
    }

    /** Reads just the first signature (what sendTransaction returns) without parsing the message. */
    public static String firstSignature(byte[] wire) {
        Reader r = new Reader(wire);
        if (r.shortVec() == 0 || wire.length < r.pos + 64) {
            throw new IllegalArgumentException("transaction has no signature");
        }
        return Base58.encode(r.bytes(64));
    }

    private static final class Reader {
        private final byte[] data;
        private int pos;

        Reader(byte[] data) {
            this.data = data;
        }

        int peek() {
            return data[pos] & 0xff;
        }

        int u8() {
            return data[pos++] & 0xff;
        }

        byte[] bytes(int n) {
            if (pos + n > data.length) {
                throw new ArrayIndexOutOfBoundsException();
            }
            byte[] out = Arrays.copyOfRange(data, pos, pos + n);
            pos += n;
            return out;
        }

        int shortVec() {
            int value = 0;
            for (int shift = 0; shift < 21; shift += 7) {
                int b = u8();
                value |= (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("shortvec too long");
        }
    }
}
