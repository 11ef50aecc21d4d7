package com.solanamafia.ingest.idl;

/** A Borsh type as an Anchor IDL spells it: a primitive name, or array / vec / option / defined. */
public sealed interface IdlType permits IdlType.Primitive, IdlType.Array, IdlType.Vec, IdlType.Option, IdlType.Defined {

    enum Kind {
        U8, I8, U16, I16, U32, I32, U64, I64, U128, I128, F32, F64, BOOL, STRING, PUBKEY, BYTES;

        public String idlName() {
            return name().toLowerCase();
        }
    }

    record Primitive(Kind kind) implements IdlType {
        @Override
        public String toString() {
            return kind.idlName();
        }
    }

    record Array(IdlType element, int length) implements IdlType {
        public Array {
            if (length < 0) {
                throw new IllegalArgumentException("array length cannot be negative: " + length);
            }
        }

        @Override
        public String toString() {
            return "[" + element + "; " + length + "]";
        }
    }

    record Vec(IdlType element) implements IdlType {
        @Override
        public String toString() {
            return "vec<" + element + ">";
        }
    }

    record Option(IdlType element) implements IdlType {
        @Override
        public String toString() {
            return "option<" + element + ">";
        }
    }

    /** A reference to an entry of the IDL's {@code types}. */
    record Defined(String name) implements IdlType {
        @Override
        public String toString() {
            return name;
        }
    }

    static IdlType of(Kind kind) {
        return new Primitive(kind);
    }
}
