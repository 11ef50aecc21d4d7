package com.solanamafia.api.query.player;

/**
 * Answers {@link FindPlayer} in the caller's thread, without the query bus: the hot read of
 * {@code GET /players/{wallet}}. Through the bus each call also paid a message, a unit of work, monitors and a
 * database transaction (BEGIN/COMMIT around one SELECT) for about a tenth of the request's CPU (BENCHMARKS.md).
 */
public interface PlayerFinder {
    PlayerAnswer find(FindPlayer query);
}
