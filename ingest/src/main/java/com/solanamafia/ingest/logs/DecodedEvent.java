package com.solanamafia.ingest.logs;

import com.solanamafia.api.chain.ChainPosition;

import java.util.LinkedHashMap;

/**
 * An event our program emitted, decoded. {@code fields} holds normalized values in IDL order (see
 * {@link com.solanamafia.ingest.borsh.TypeCodec}); {@code rawBase64} is the payload as logged.
 * {@code slot} and {@code blockTime} (unix seconds) are null when the caller did not pass them.
 */
public record DecodedEvent(ChainPosition position, String programId, String name,
                           LinkedHashMap<String, Object> fields, String rawBase64, Long slot, Long blockTime) {

    public DecodedEvent(ChainPosition position, String programId, String name, LinkedHashMap<String, Object> fields,
                        String rawBase64) {
        this(position, programId, name, fields, rawBase64, null, null);
    }
}
