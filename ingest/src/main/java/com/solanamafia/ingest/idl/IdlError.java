package com.solanamafia.ingest.idl;

public record IdlError(int code, String name, String msg) {
}
