package com.solanamafia.app.config;

import java.net.URI;

/** The RPC node the app reads (a cluster, or the chain simulator of the local default) and our program. */
public record SolanaEndpoints(URI rpcUrl, URI wsUrl, String programId, String commitment) {
}
