package com.solanamafia.ingest.idl;

/** A named field of a struct, an enum variant or an instruction's args. Tuple fields are named "0", "1", .... */
public record IdlField(String name, IdlType type) {
}
