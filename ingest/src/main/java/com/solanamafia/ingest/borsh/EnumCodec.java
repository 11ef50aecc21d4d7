package com.solanamafia.ingest.borsh;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Borsh enum: one variant-index byte, then the variant's fields. A unit variant normalizes to its name;
 * a variant with fields to a one-entry map {@code {variantName: {field: value, ...}}} (tuple fields are
 * keyed "0", "1", ... as in the Anchor TS coder), so every variant round-trips and unit variants stay
 * the plain strings the test vectors expect.
 */
final class EnumCodec extends ValueCodec {
    private final String name;
    private final String[] variantNames;
    private final StructCodec[] variantFields;
    private final Map<String, Integer> indexByName = new HashMap<>();

    EnumCodec(String name, String[] variantNames, StructCodec[] variantFields) {
        this.name = name;
        this.variantNames = variantNames;
        this.variantFields = variantFields;
        for (int i = 0; i < variantNames.length; i++) {
            indexByName.put(variantNames[i], i);
        }
    }

    @Override
    Object read(BorshReader r) {
        int at = r.position();
        int index = r.u8();
        if (index >= variantNames.length) {
            throw new DecodeException("unknown variant index " + index + " of enum " + name + " (" + variantNames.length
                    + " variants) at offset " + at);
        }
        StructCodec fields = variantFields[index];
        if (fields == null) {
            return variantNames[index];
        }
        LinkedHashMap<String, Object> out = new LinkedHashMap<>(2);
        try {
            out.put(variantNames[index], fields.read(r));
        } catch (DecodeException e) {
            throw e.within(variantNames[index]);
        }
        return out;
    }

    @Override
    void write(BorshWriter w, Object value) {
        if (value instanceof String s) {
            int index = index(s);
            if (variantFields[index] != null) {
                throw new EncodeException("variant " + s + " of " + name + " has fields; give {\"" + s + "\": {...}}");
            }
            w.u8(index);
            return;
        }
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> e = map.entrySet().iterator().next();
            String variant = String.valueOf(e.getKey());
            int index = index(variant);
            w.u8(index);
            if (variantFields[index] == null) {
                if (e.getValue() != null && !(e.getValue() instanceof Map<?, ?> m && m.isEmpty())) {
                    throw new EncodeException("unit variant " + variant + " of " + name + " takes no fields");
                }
                return;
            }
            try {
                variantFields[index].write(w, e.getValue());
            } catch (EncodeException ex) {
                throw ex.within(variant);
            }
            return;
        }
        throw new EncodeException(name + " must be a variant name or {variant: fields}, got " + typeOf(value));
    }

    private int index(String variant) {
        Integer index = indexByName.get(variant);
        if (index == null) {
            throw new EncodeException("unknown variant " + variant + " of enum " + name);
        }
        return index;
    }

    @Override
    int minSize() {
        return 1;
    }

    @Override
    String describe() {
        return name;
    }
}
