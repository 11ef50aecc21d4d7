package com.solanamafia.ingest.borsh;

/**
 * Bytes that do not match the layout they are read with. The message names the field path where the
 * problem was found, e.g. {@code EarningsClaimed.amount: need 8 bytes for u64 at offset 40, only 3 left}.
 */
public class DecodeException extends RuntimeException {
    private final String reason;
    private final String path;

    public DecodeException(String reason) {
        this(reason, null);
    }

    private DecodeException(String reason, String path) {
        // No stack trace: bad data is an expected input, and floods of it must stay cheap.
        super(path == null ? reason : path + ": " + reason, null, false, false);
        this.reason = reason;
        this.path = path;
    }

    /** The same problem, one level further out: {@code segment} is prepended to the path. */
    public DecodeException within(String segment) {
        return new DecodeException(reason, path == null ? segment : segment + (path.startsWith("[") ? "" : ".") + path);
    }

    public String reason() {
        return reason;
    }

    /** Dotted field path, or null when the problem is not inside a field. */
    public String path() {
        return path;
    }
}
