package com.solanamafia.ingest.idl;

import java.util.List;

/**
 * An account an instruction takes. {@code address} is set for fixed accounts (programs, sysvars),
 * {@code pda} when Anchor can derive it; {@code accounts} is non-empty for a composite (nested) group.
 */
public record IdlInstructionAccount(String name, boolean writable, boolean signer, boolean optional,
                                    String address, IdlPda pda, List<String> relations,
                                    List<IdlInstructionAccount> accounts) {
    public IdlInstructionAccount {
        relations = List.copyOf(relations);
        accounts = List.copyOf(accounts);
    }

    public boolean isComposite() {
        return !accounts.isEmpty();
    }
}
