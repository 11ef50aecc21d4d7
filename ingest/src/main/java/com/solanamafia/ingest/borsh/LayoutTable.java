package com.solanamafia.ingest.borsh;

import com.solanamafia.ingest.idl.Discriminator;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Discriminator-prefixed layouts (events, instructions or accounts) with an open-addressing table keyed
 * by the discriminator read as a long, so finding a payload's layout costs one multiply and a compare.
 */
final class LayoutTable {

    record Layout(String name, Discriminator discriminator, StructCodec codec) {
    }

    private final long[] keys;
    private final Layout[] slots;
    private final int mask;
    private final Map<String, Layout> byName = new HashMap<>();
    private final String kind;

    LayoutTable(String kind, List<Layout> layouts) {
        this.kind = kind;
        int size = Integer.highestOneBit(Math.max(layouts.size(), 1) * 4 - 1) << 1;
        keys = new long[size];
        slots = new Layout[size];
        mask = size - 1;
        for (Layout l : layouts) {
            int i = slot(l.discriminator().key());
            while (slots[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = l.discriminator().key();
            slots[i] = l;
            byName.put(l.name(), l);
        }
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }

    Layout find(long key) {
        int i = slot(key);
        Layout l;
        while ((l = slots[i]) != null) {
            if (keys[i] == key) {
                return l;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    Layout named(String name) {
        Layout l = byName.get(name);
        if (l == null) {
            throw new EncodeException("the IDL has no " + kind + " named " + name);
        }
        return l;
    }

    java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(byName.keySet());
    }

    /** Empty when the discriminator is not one of these layouts; DecodeException when the bytes are malformed. */
    Optional<DecodedPayload> decode(byte[] data, boolean allowTrailing) {
        if (data.length < Discriminator.LENGTH) {
            throw new DecodeException(kind + " data of " + data.length + " bytes is shorter than the 8-byte discriminator");
        }
        Layout layout = find(Discriminator.keyOf(data, 0));
        if (layout == null) {
            return Optional.empty();
        }
        BorshReader r = new BorshReader(data, Discriminator.LENGTH, data.length - Discriminator.LENGTH);
        LinkedHashMap<String, Object> fields;
        try {
            fields = layout.codec().read(r);
            if (!allowTrailing) {
                r.expectEnd();
            }
        } catch (DecodeException e) {
            throw e.within(layout.name());
        }
        return Optional.of(new DecodedPayload(layout.name(), fields));
    }

    byte[] encode(String name, Map<String, ?> fields) {
        Layout layout = named(name);
        BorshWriter w = new BorshWriter(128);
        w.raw(layout.discriminator().bytes());
        try {
            layout.codec().write(w, fields);
        } catch (EncodeException e) {
            throw e.within(name);
        }
        return w.toByteArray();
    }
}
