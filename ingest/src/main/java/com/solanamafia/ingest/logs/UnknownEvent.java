package com.solanamafia.ingest.logs;

import com.solanamafia.api.chain.ChainPosition;

/**
 * A {@code Program data:} line of our program whose first 8 bytes are no event discriminator of the IDL
 * in force (e.g. an event added by a newer program version). Not an error: kept so it can be replayed
 * once the IDL is known.
 */
public record UnknownEvent(ChainPosition position, String programId, String discriminatorHex, String rawBase64) {
}
