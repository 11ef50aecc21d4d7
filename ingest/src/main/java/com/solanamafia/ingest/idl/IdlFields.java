package com.solanamafia.ingest.idl;

import java.util.List;

/** The fields of a struct or enum variant: named, or a tuple (whose fields are named "0", "1", ...). */
public record IdlFields(List<IdlField> fields, boolean tuple) {
    public static final IdlFields NONE = new IdlFields(List.of(), false);

    public IdlFields {
        fields = List.copyOf(fields);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }
}
