package com.solanamafia.query.push.session;

import org.springframework.web.socket.CloseStatus;

/** Close codes the server uses (4000-4999 are application codes; see docs/websocket-protocol.md). */
public final class CloseCodes {
    /** No client message within the idle timeout (answer pings). */
    public static final CloseStatus IDLE = new CloseStatus(4000, "idle timeout");
    /** The client did not read fast enough: its send buffer filled up or one write took too long. */
    public static final CloseStatus SLOW_CONSUMER = new CloseStatus(4008, "slow consumer");
    /** Far above the client message rate limit. */
    public static final CloseStatus FLOOD = CloseStatus.POLICY_VIOLATION.withReason("message rate limit");
    /** The instance is shutting down; reconnect (to any instance) and resume with the last seq. */
    public static final CloseStatus SHUTDOWN = CloseStatus.GOING_AWAY.withReason("server shutting down");

    private CloseCodes() {
    }
}
