package com.solanamafia.ingest.borsh;

/** A value that does not fit the IDL type it should be encoded as. The message names the field path. */
public class EncodeException extends IllegalArgumentException {
    private final String reason;
    private final String path;

    public EncodeException(String reason) {
        this(reason, null);
    }

    private EncodeException(String reason, String path) {
        super(path == null ? reason : path + ": " + reason);
        this.reason = reason;
        this.path = path;
    }

    public EncodeException within(String segment) {
        return new EncodeException(reason, path == null ? segment : segment + (path.startsWith("[") ? "" : ".") + path);
    }

    public String reason() {
        return reason;
    }

    public String path() {
        return path;
    }
}
