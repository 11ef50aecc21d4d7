package com.solanamafia.ingest.pipeline;

/** The checkpoint is not where this writer last put it: the window rolls back and the writer starts over from the store. */
public class CheckpointMovedException extends IllegalStateException {
    public CheckpointMovedException(String programId, String expected, String found) {
        super("checkpoint of " + programId + " is at " + (found == null ? "no transaction" : found)
                + ", not at " + (expected == null ? "no transaction" : expected) + " where this writer left it");
    }
}
