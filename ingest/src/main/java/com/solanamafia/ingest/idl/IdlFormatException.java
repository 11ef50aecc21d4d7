package com.solanamafia.ingest.idl;

/** The IDL file is not valid JSON or not an Anchor IDL this loader understands. */
public class IdlFormatException extends RuntimeException {
    public IdlFormatException(String message) {
        super(message);
    }

    public IdlFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
