package com.solanamafia.ingest.idl;

import java.util.List;

/** An entry of the IDL's {@code types}: a struct, an enum, or an alias of another type. */
public record IdlTypeDef(String name, Body body) {

    public sealed interface Body permits Struct, Enum, Alias {
    }

    public record Struct(IdlFields fields) implements Body {
    }

    public record Enum(List<IdlEnumVariant> variants) implements Body {
        public Enum {
            variants = List.copyOf(variants);
        }
    }

    public record Alias(IdlType value) implements Body {
    }
}
