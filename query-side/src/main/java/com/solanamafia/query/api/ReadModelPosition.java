package com.solanamafia.query.api;

import org.springframework.http.ResponseEntity;

/** The response header that tells a client which event-store position the data reflects. */
public final class ReadModelPosition {
    public static final String HEADER = "X-Read-Model-Position";

    private ReadModelPosition() {
    }

    /** A 200 with the header. */
    public static <T> ResponseEntity<T> ok(T body, long position) {
        return ResponseEntity.ok().header(HEADER, Long.toString(position)).body(body);
    }
}
