package com.solanamafia.query.api;

/** The response header that tells a client which event-store position the data reflects. */
public final class ReadModelPosition {
    public static final String HEADER = "X-Read-Model-Position";

    private ReadModelPosition() {
    }
}
