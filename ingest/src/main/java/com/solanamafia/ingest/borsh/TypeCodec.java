package com.solanamafia.ingest.borsh;

import com.solanamafia.ingest.borsh.ContainerCodecs.ArrayCodec;
import com.solanamafia.ingest.borsh.ContainerCodecs.ForwardCodec;
import com.solanamafia.ingest.borsh.ContainerCodecs.OptionCodec;
import com.solanamafia.ingest.borsh.ContainerCodecs.VecCodec;
import com.solanamafia.ingest.idl.Idl;
import com.solanamafia.ingest.idl.IdlField;
import com.solanamafia.ingest.idl.IdlFields;
import com.solanamafia.ingest.idl.IdlType;
import com.solanamafia.ingest.idl.IdlTypeDef;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The types of one IDL compiled into codecs, once, so decoding does no lookups or reflection per value.
 *
 * <p>Normalized form (what decoding returns and encoding accepts):
 * <ul>
 *   <li>integers of every width: decimal String, '-' for negatives (u64/u128 read as unsigned);
 *       encoding also accepts Integer/Long/BigInteger, range-checked;</li>
 *   <li>bool: Boolean; string: String; pubkey: base58 String (encoding also accepts a Wallet or 32 bytes);</li>
 *   <li>bytes: base64 String; f32/f64: Double;</li>
 *   <li>array / vec: List; option: null or the value;</li>
 *   <li>struct: LinkedHashMap in IDL field order (tuple structs keyed "0", "1", ...);</li>
 *   <li>enum: the variant name for a unit variant, {@code {variantName: fields}} for a variant with fields.</li>
 * </ul>
 * Decoding is strict: every read is bounds-checked, bool bytes and option tags must be 0 or 1, enum indexes
 * must name a variant, strings must be valid UTF-8, and {@link #decode} rejects trailing bytes.
 */
public final class TypeCodec {
    private final Map<String, IdlTypeDef> defs;
    private final Map<String, ValueCodec> compiled = new HashMap<>();
    private final Map<IdlType.Kind, ValueCodec> primitives = new EnumMap<>(IdlType.Kind.class);

    private TypeCodec(Idl idl) {
        this.defs = idl.typesByName();
        for (IdlType.Kind k : IdlType.Kind.values()) {
            primitives.put(k, new PrimitiveCodec(k));
        }
        for (String name : defs.keySet()) {
            defined(name);
        }
    }

    public static TypeCodec of(Idl idl) {
        return new TypeCodec(idl);
    }

    /** Decodes a whole buffer as {@code type}; trailing bytes are an error. */
    public Object decode(IdlType type, byte[] data) {
        BorshReader r = new BorshReader(data);
        Object value = codec(type).read(r);
        r.expectEnd();
        return value;
    }

    public byte[] encode(IdlType type, Object normalized) {
        BorshWriter w = new BorshWriter();
        codec(type).write(w, normalized);
        return w.toByteArray();
    }

    public Object decodeDefined(String typeName, byte[] data) {
        return decode(new IdlType.Defined(typeName), data);
    }

    public byte[] encodeDefined(String typeName, Object normalized) {
        return encode(new IdlType.Defined(typeName), normalized);
    }

    ValueCodec codec(IdlType type) {
        if (type instanceof IdlType.Primitive p) {
            return primitives.get(p.kind());
        }
        if (type instanceof IdlType.Defined d) {
            return defined(d.name());
        }
        if (type instanceof IdlType.Vec v) {
            return new VecCodec(codec(v.element()));
        }
        if (type instanceof IdlType.Option o) {
            return new OptionCodec(codec(o.element()));
        }
        if (type instanceof IdlType.Array a) {
            return new ArrayCodec(codec(a.element()), a.length());
        }
        throw new IllegalArgumentException("unsupported type " + type);
    }

    ValueCodec defined(String name) {
        ValueCodec done = compiled.get(name);
        if (done != null) {
            return done;
        }
        IdlTypeDef def = defs.get(name);
        if (def == null) {
            throw new IllegalArgumentException("type " + name + " is not defined in the IDL");
        }
        ForwardCodec forward = new ForwardCodec(name);
        compiled.put(name, forward);
        ValueCodec real;
        if (def.body() instanceof IdlTypeDef.Struct s) {
            real = struct(name, s.fields());
        } else if (def.body() instanceof IdlTypeDef.Enum e) {
            String[] names = new String[e.variants().size()];
            StructCodec[] fields = new StructCodec[names.length];
            for (int i = 0; i < names.length; i++) {
                var v = e.variants().get(i);
                names[i] = v.name();
                fields[i] = v.isUnit() ? null : struct(name + "::" + v.name(), v.fields());
            }
            real = new EnumCodec(name, names, fields);
        } else {
            real = codec(((IdlTypeDef.Alias) def.body()).value());
        }
        forward.resolve(real);
        compiled.put(name, real);
        return real;
    }

    StructCodec struct(String name, IdlFields fields) {
        return struct(name, fields.fields());
    }

    StructCodec struct(String name, List<IdlField> fields) {
        String[] names = new String[fields.size()];
        ValueCodec[] codecs = new ValueCodec[fields.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = fields.get(i).name();
            codecs[i] = codec(fields.get(i).type());
        }
        return new StructCodec(name, names, codecs);
    }

    StructCodec structOf(String typeName) {
        ValueCodec c = defined(typeName);
        if (c instanceof StructCodec s) {
            return s;
        }
        throw new IllegalArgumentException(typeName + " is not a struct");
    }
}
