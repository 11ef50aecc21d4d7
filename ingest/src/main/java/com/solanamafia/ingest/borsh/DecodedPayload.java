package com.solanamafia.ingest.borsh;

import java.util.LinkedHashMap;

/** A decoded event, instruction or account: its IDL name and normalized fields in IDL order. */
public record DecodedPayload(String name, LinkedHashMap<String, Object> fields) {
}
