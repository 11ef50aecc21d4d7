package com.solanamafia.sim.rpc;

/** A JSON-RPC error with the codes and messages real Solana validators use. */
public final class RpcError extends RuntimeException {
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    public static final int UNSUPPORTED_TRANSACTION_VERSION = -32015;

    private final int code;

    public RpcError(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static RpcError invalidParams(String detail) {
        return new RpcError(INVALID_PARAMS, detail);
    }

    public static RpcError methodNotFound() {
        return new RpcError(METHOD_NOT_FOUND, "Method not found");
    }
}
