package com.solanamafia.ingest.rpc;

/** One entry of getSignaturesForAddress. */
public record SignatureInfo(String signature, long slot, boolean failed, Long blockTime) {
}
