package com.solanamafia.ingest.borsh;

import java.util.LinkedHashMap;
import java.util.Map;

/** Fields in IDL order, read into a LinkedHashMap so the normalized form keeps that order. */
final class StructCodec extends ValueCodec {
    private final String name;
    private final String[] fieldNames;
    private final ValueCodec[] fieldCodecs;
    private final int capacity;

    StructCodec(String name, String[] fieldNames, ValueCodec[] fieldCodecs) {
        this.name = name;
        this.fieldNames = fieldNames;
        this.fieldCodecs = fieldCodecs;
        this.capacity = fieldNames.length * 4 / 3 + 2;
    }

    @Override
    LinkedHashMap<String, Object> read(BorshReader r) {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>(capacity);
        int i = 0;
        try {
            for (; i < fieldNames.length; i++) {
                out.put(fieldNames[i], fieldCodecs[i].read(r));
            }
        } catch (DecodeException e) {
            throw e.within(fieldNames[i]);
        }
        return out;
    }

    @Override
    void write(BorshWriter w, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new EncodeException(name + " must be an object of fields, got " + typeOf(value));
        }
        for (int i = 0; i < fieldNames.length; i++) {
            if (!map.containsKey(fieldNames[i])) {
                throw new EncodeException("missing field " + fieldNames[i] + " of " + name);
            }
            try {
                fieldCodecs[i].write(w, map.get(fieldNames[i]));
            } catch (EncodeException e) {
                throw e.within(fieldNames[i]);
            }
        }
        if (map.size() != fieldNames.length) {
            for (Object key : map.keySet()) {
                if (!java.util.Arrays.asList(fieldNames).contains(key)) {
                    throw new EncodeException(name + " has no field " + key);
                }
            }
        }
    }

    @Override
    int minSize() {
        int n = 0;
        for (ValueCodec c : fieldCodecs) {
            n += c.minSize();
        }
        return n;
    }

    @Override
    String describe() {
        return name;
    }

    int fieldCount() {
        return fieldNames.length;
    }
}
