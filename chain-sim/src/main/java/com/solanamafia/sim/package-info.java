/**
 * Solana JSON-RPC simulator (HTTP + WebSocket) for tests, the local demo and benchmarks.
 *
 * <p>Start with {@link com.solanamafia.sim.ChainSimulator#start(SimConfig)}; feed it with
 * {@link com.solanamafia.sim.ChainSimulator#appendTransaction(java.util.List, com.fasterxml.jackson.databind.JsonNode)},
 * {@link com.solanamafia.sim.ChainSimulator#generateGameTransactions(int)}, a ledger file or a live game; break it with
 * {@link com.solanamafia.sim.fault.FaultConfig}. The command line is {@link com.solanamafia.sim.SimCommand}.
 * chain-sim/README.md documents methods, shapes, knobs and known client quirks.
 */
package com.solanamafia.sim;
