package com.solanamafia.command.chainfacts;

import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.slot.SlotType;

import java.math.BigInteger;
import java.util.Map;

/**
 * Typed, range-checked reads of a normalized field map (integers as decimal strings or Java numbers, pubkeys
 * base58, enums by variant name). Every failure is an {@link UnmappableEventException} naming the field.
 */
final class EventFields {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final String eventName;
    private final Map<String, Object> fields;

    EventFields(String eventName, Map<String, Object> fields) {
        this.eventName = eventName;
        this.fields = fields == null ? Map.of() : fields;
    }

    boolean has(String name) {
        return fields.get(name) != null;
    }

    Wallet pubkey(String name) {
        Object value = required(name);
        try {
            return Wallet.of(value.toString());
        } catch (IllegalArgumentException e) {
            throw fail(name, "not a public key: " + e.getMessage());
        }
    }

    int u8(String name) {
        return unsigned(name, 8).intValueExact();
    }

    int u16(String name) {
        return unsigned(name, 16).intValueExact();
    }

    BigInteger u64(String name) {
        return unsigned(name, 64);
    }

    Lamports lamports(String name) {
        return new Lamports(u64(name));
    }

    UnixTime i64Time(String name) {
        BigInteger value = integer(name);
        if (value.compareTo(LONG_MIN) < 0 || value.compareTo(LONG_MAX) > 0) {
            throw fail(name, "not an i64: " + value);
        }
        return UnixTime.ofSeconds(value.longValueExact());
    }

    String string(String name) {
        return required(name).toString();
    }

    SlotType slotType(String name) {
        Object value = required(name);
        try {
            return SlotType.fromIdlName(value.toString());
        } catch (IllegalArgumentException e) {
            throw fail(name, e.getMessage());
        }
    }

    private BigInteger unsigned(String name, int bits) {
        BigInteger value = integer(name);
        if (value.signum() < 0 || value.bitLength() > bits) {
            throw fail(name, "not a u" + bits + ": " + value);
        }
        return value;
    }

    private BigInteger integer(String name) {
        Object value = required(name);
        if (value instanceof BigInteger big) {
            return big;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof CharSequence text && text.toString().matches("-?\\d{1,40}")) {
            return new BigInteger(text.toString());
        }
        throw fail(name, "not an integer: " + value);
    }

    private Object required(String name) {
        Object value = fields.get(name);
        if (value == null) {
            throw fail(name, "missing");
        }
        return value;
    }

    private UnmappableEventException fail(String name, String reason) {
        return new UnmappableEventException(eventName, "field " + name + " " + reason);
    }
}
