package com.solanamafia.command.chainfacts;

/** A decoded chain event that cannot become a command: unknown name, missing field or a value out of range. */
public class UnmappableEventException extends RuntimeException {
    private final String eventName;

    public UnmappableEventException(String eventName, String reason) {
        super(eventName + ": " + reason);
        this.eventName = eventName;
    }

    public String eventName() {
        return eventName;
    }
}
