package com.solanamafia.query.api;

/** A 404; {@code readModelPosition} (when known) is the position of the read model that did not have it. */
public class NotFoundException extends RuntimeException {
    private final Long readModelPosition;

    public NotFoundException(String message) {
        this(message, null);
    }

    public NotFoundException(String message, Long readModelPosition) {
        super(message);
        this.readModelPosition = readModelPosition;
    }

    public Long readModelPosition() {
        return readModelPosition;
    }
}
