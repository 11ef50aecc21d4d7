package com.solanamafia.ingest.idl;

public record IdlMetadata(String name, String version, String spec, String description) {
}
