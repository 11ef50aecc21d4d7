package com.solanamafia.ingest.rpc;

import java.time.Duration;

/** An RPC call that failed; {@code retryable} says whether trying again may succeed. */
public class RpcException extends RuntimeException {
    private final boolean retryable;
    private final transient Duration retryAfter;

    public RpcException(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public RpcException(String message, boolean retryable) {
        this(message, retryable, null, null);
    }

    public boolean retryable() {
        return retryable;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
