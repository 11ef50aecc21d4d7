package com.solanamafia.sim.ledger;

import java.util.List;

/** A top-level instruction as the message holds it: indexes into the account keys plus base58 data. */
public record CompiledInstruction(int programIdIndex, List<Integer> accounts, String dataBase58) {
    public CompiledInstruction {
        accounts = List.copyOf(accounts);
    }
}
