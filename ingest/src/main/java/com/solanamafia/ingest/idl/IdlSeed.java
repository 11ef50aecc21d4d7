package com.solanamafia.ingest.idl;

/**
 * One seed of a PDA: {@code const} (fixed bytes), {@code arg} (an instruction argument, by path) or
 * {@code account} (another account's address or a field of it, by path).
 */
public record IdlSeed(Kind kind, byte[] constValue, String path, String account) {

    public enum Kind { CONST, ARG, ACCOUNT }

    public IdlSeed {
        constValue = constValue == null ? null : constValue.clone();
    }

    @Override
    public byte[] constValue() {
        return constValue == null ? null : constValue.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdlSeed s && kind == s.kind && java.util.Arrays.equals(constValue, s.constValue)
                && java.util.Objects.equals(path, s.path) && java.util.Objects.equals(account, s.account);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, java.util.Arrays.hashCode(constValue), path, account);
    }

    @Override
    public String toString() {
        return kind == Kind.CONST ? "const(" + new String(constValue, java.nio.charset.StandardCharsets.ISO_8859_1) + ")"
                : kind.name().toLowerCase() + "(" + path + ")";
    }
}
