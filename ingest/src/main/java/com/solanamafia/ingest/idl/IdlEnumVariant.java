package com.solanamafia.ingest.idl;

public record IdlEnumVariant(String name, IdlFields fields) {
    public boolean isUnit() {
        return fields.isEmpty();
    }
}
