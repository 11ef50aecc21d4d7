package com.solanamafia.sim.ledger;

import java.util.Locale;

/** Solana commitment levels, from the freshest to the safest. */
public enum Commitment {
    PROCESSED, CONFIRMED, FINALIZED;

    /** Parses "processed" / "confirmed" / "finalized" (and the deprecated aliases); null means finalized, as real RPC. */
    public static Commitment parse(String text) {
        if (text == null) {
            return FINALIZED;
        }
        switch (text.toLowerCase(Locale.ROOT)) {
            case "processed": case "recent": case "single": return PROCESSED;
            case "confirmed": case "singlegossip": return CONFIRMED;
            case "finalized": case "max": case "root": return FINALIZED;
            default: throw new IllegalArgumentException("unknown commitment: " + text);
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
