package com.solanamafia.ingest;

import com.solanamafia.api.chain.Base58;
import com.solanamafia.ingest.idl.Idl;
import com.solanamafia.ingest.idl.IdlEnumVariant;
import com.solanamafia.ingest.idl.IdlField;
import com.solanamafia.ingest.idl.IdlType;
import com.solanamafia.ingest.idl.IdlTypeDef;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random values of IDL types, in normalized form, including the edges (0, max, negative, all-zero key). */
public final class RandomValues {
    private static final String[] STRINGS = {"", "nft_burned", "manual", "Привет", "emoji 🎲💰", "a\u0000b"};
    private final Map<String, IdlTypeDef> types;
    private final Random random;

    public RandomValues(Idl idl, long seed) {
        this.types = idl.typesByName();
        this.random = new Random(seed);
    }

    public LinkedHashMap<String, Object> fields(List<IdlField> fields) {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        for (IdlField f : fields) {
            out.put(f.name(), value(f.type()));
        }
        return out;
    }

    public Object value(IdlType type) {
        if (type instanceof IdlType.Primitive p) {
            return primitive(p.kind());
        }
        if (type instanceof IdlType.Array a) {
            List<Object> l = new ArrayList<>();
            for (int i = 0; i < a.length(); i++) {
                l.add(value(a.element()));
            }
            return l;
        }
        if (type instanceof IdlType.Vec v) {
            List<Object> l = new ArrayList<>();
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                l.add(value(v.element()));
            }
            return l;
        }
        if (type instanceof IdlType.Option o) {
            return random.nextInt(3) == 0 ? null : value(o.element());
        }
        IdlTypeDef def = types.get(((IdlType.Defined) type).name());
        if (def.body() instanceof IdlTypeDef.Struct s) {
            return fields(s.fields().fields());
        }
        if (def.body() instanceof IdlTypeDef.Enum e) {
            IdlEnumVariant v = e.variants().get(random.nextInt(e.variants().size()));
            if (v.isUnit()) {
                return v.name();
            }
            LinkedHashMap<String, Object> m = new LinkedHashMap<>();
            m.put(v.name(), fields(v.fields().fields()));
            return m;
        }
        return value(((IdlTypeDef.Alias) def.body()).value());
    }

    private Object primitive(IdlType.Kind kind) {
        int edge = random.nextInt(8);
        return switch (kind) {
            case U8 -> edge == 0 ? "255" : Integer.toString(random.nextInt(256));
            case I8 -> edge == 0 ? "-128" : Integer.toString(random.nextInt(256) - 128);
            case U16 -> edge == 0 ? "65535" : Integer.toString(random.nextInt(65536));
            case I16 -> edge == 0 ? "-32768" : Integer.toString(random.nextInt(65536) - 32768);
            case U32 -> edge == 0 ? "4294967295" : Long.toString(random.nextInt() & 0xFFFFFFFFL);
            case I32 -> edge == 0 ? Integer.toString(Integer.MIN_VALUE) : Integer.toString(random.nextInt());
            case U64 -> edge == 0 ? "18446744073709551615" : edge == 1 ? "0" : Long.toUnsignedString(random.nextLong());
            case I64 -> edge == 0 ? Long.toString(Long.MIN_VALUE) : Long.toString(random.nextLong());
            case U128 -> edge == 0 ? BigInteger.TWO.pow(128).subtract(BigInteger.ONE).toString()
                    : new BigInteger(edge == 1 ? 40 : 128, random).toString();
            case I128 -> edge == 0 ? BigInteger.TWO.pow(127).negate().toString()
                    : new BigInteger(edge == 1 ? 40 : 128, random).subtract(BigInteger.TWO.pow(edge == 1 ? 39 : 127)).toString();
            case F32 -> (double) (random.nextFloat() * 1000 - 500);
            case F64 -> random.nextDouble() * 1e6 - 5e5;
            case BOOL -> random.nextBoolean();
            case STRING -> STRINGS[random.nextInt(STRINGS.length)];
            case PUBKEY -> {
                byte[] key = new byte[32];
                if (edge != 0) {
                    random.nextBytes(key);
                }
                if (edge == 1) {
                    key[0] = 0;
                    key[1] = 0;
                }
                yield Base58.encode(key);
            }
            case BYTES -> {
                byte[] b = new byte[random.nextInt(10)];
                random.nextBytes(b);
                yield Base64.getEncoder().encodeToString(b);
            }
        };
    }
}
