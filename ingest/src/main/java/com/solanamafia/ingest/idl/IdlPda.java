package com.solanamafia.ingest.idl;

import java.util.List;

/** How an account's address is derived; {@code program} is null when it is the program itself. */
public record IdlPda(List<IdlSeed> seeds, IdlSeed program) {
    public IdlPda {
        seeds = List.copyOf(seeds);
    }
}
