package com.solanamafia.ingest.logs;

import com.solanamafia.api.chain.ChainPosition;

/**
 * A log line that should have been one of our events but could not be decoded (bad base64, wrong length,
 * bad enum index, ...) or could not be attributed safely. {@code position} is null when the line could
 * not be placed in the invoke tree.
 */
public record DecodeFailure(ChainPosition position, String rawLine, String reason) {
}
