package com.solanamafia.sim.ws;

import com.solanamafia.sim.ledger.Commitment;
import org.java_websocket.WebSocket;

/** One live subscription of one socket. {@code mention} null means every transaction ("all"). */
record Subscription(int id, Kind kind, WebSocket socket, String mention, Commitment commitment) {
    enum Kind { LOGS, SLOT }
}
