package com.solanamafia.ingest.idl;

import java.util.List;

/** An instruction; {@code returns} is null when it returns nothing. */
public record IdlInstruction(String name, Discriminator discriminator, List<IdlInstructionAccount> accounts,
                             List<IdlField> args, IdlType returns) {
    public IdlInstruction {
        accounts = List.copyOf(accounts);
        args = List.copyOf(args);
    }
}
