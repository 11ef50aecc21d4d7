package com.solanamafia.api.slot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Slot types in IDL order; JSON uses the IDL variant names (Basic, Premium, VIP, Legendary). */
public enum SlotType {
    BASIC("Basic"), PREMIUM("Premium"), VIP("VIP"), LEGENDARY("Legendary");

    private final String idlName;

    SlotType(String idlName) {
        this.idlName = idlName;
    }

    @JsonValue
    public String idlName() {
        return idlName;
    }

    /** @throws IllegalArgumentException for a name that is not an IDL variant */
    @JsonCreator
    public static SlotType fromIdlName(String name) {
        for (SlotType type : values()) {
            if (type.idlName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("not a SlotType variant: " + name);
    }
}
