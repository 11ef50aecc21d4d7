package com.solanamafia.api.chain;

/**
 * Where an event was emitted: the transaction, the instruction path (outer instruction index, then the
 * index of each inner invocation, e.g. "2" or "2.0.1") and the event's ordinal within that instruction.
 * This triple is the idempotency key of everything we record from the chain.
 */
public record ChainPosition(String signature, String instructionPath, int ordinal) {
    private static final java.util.regex.Pattern PATH = java.util.regex.Pattern.compile("\\d+(\\.\\d+)*");

    public ChainPosition {
        if (signature == null || signature.isBlank()) {
            throw new IllegalArgumentException("signature is required");
        }
        if (instructionPath == null || !PATH.matcher(instructionPath).matches()) {
            throw new IllegalArgumentException("instruction path must look like 0 or 0.1.2, got " + instructionPath);
        }
        if (ordinal < 0) {
            throw new IllegalArgumentException("ordinal cannot be negative");
        }
    }

    /** A stable text key, e.g. {@code 5h3...:2.0:1}. */
    public String key() {
        return signature + ":" + instructionPath + ":" + ordinal;
    }

    @Override
    public String toString() {
        return key();
    }
}
