package com.solanamafia.sim.ledger;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What a source hands to the {@link Ledger}: everything optional except the log messages. Missing parts
 * are filled in by the ledger (signature, slot = the current tip, block time from the clock, account keys
 * derived from the programs invoked in the logs, one instruction per top-level invoke, balances, fee).
 */
public final class TransactionDraft {
    String signature;
    Long slot;
    Long blockTime;
    JsonNode err;
    List<String> logMessages = List.of();
    List<String> accountKeys;
    int[] header;
    List<CompiledInstruction> instructions;
    Long computeUnits;
    boolean versioned;

    public static TransactionDraft ofLogs(List<String> logMessages) {
        TransactionDraft draft = new TransactionDraft();
        draft.logMessages = List.copyOf(logMessages);
        return draft;
    }

    public TransactionDraft signature(String signature) {
        this.signature = signature;
        return this;
    }

    public TransactionDraft slot(long slot) {
        this.slot = slot;
        return this;
    }

    public TransactionDraft blockTime(Long blockTime) {
        this.blockTime = blockTime;
        return this;
    }

    /** The {@code meta.err} JSON, e.g. {@code {"InstructionError":[0,{"Custom":6001}]}}; null for success. */
    public TransactionDraft err(JsonNode err) {
        this.err = err == null || err.isNull() ? null : err;
        return this;
    }

    /**
     * Explicit message layout. Keys must be ordered as Solana orders them (writable signers, readonly signers,
     * writable non-signers, readonly non-signers) and {@code header} describe that order.
     */
    public TransactionDraft message(List<String> accountKeys, int[] header, List<CompiledInstruction> instructions) {
        this.accountKeys = new ArrayList<>(accountKeys);
        this.header = header.clone();
        this.instructions = List.copyOf(instructions);
        return this;
    }

    public TransactionDraft computeUnits(long units) {
        this.computeUnits = units;
        return this;
    }

    /** Marks the transaction as a v0 (versioned) one; getTransaction then needs maxSupportedTransactionVersion. */
    public TransactionDraft versioned(boolean versioned) {
        this.versioned = versioned;
        return this;
    }

    public List<String> logMessages() {
        return logMessages;
    }

    public String signature() {
        return signature;
    }

    public Long slot() {
        return slot;
    }
}
