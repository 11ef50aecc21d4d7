package com.solanamafia.sim.game;

import java.util.ArrayList;
import java.util.List;

/** Writes log lines in the Solana runtime's formats. */
final class ProgramLog {
    static final String SYSTEM = "11111111111111111111111111111111";
    static final String TOKEN = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";
    static final String ATA = "ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL";
    static final String METADATA = "metaqbxxUerdq28cj1RbAWkYQm3ybzjb6a8bt518x1s";
    static final String COMPUTE_BUDGET = "ComputeBudget111111111111111111111111111111";

    final List<String> lines = new ArrayList<>();

    void invoke(String program, int depth) {
        lines.add("Program " + program + " invoke [" + depth + "]");
    }

    void success(String program) {
        lines.add("Program " + program + " success");
    }

    void consumed(String program, long units, long of) {
        lines.add("Program " + program + " consumed " + units + " of " + of + " compute units");
    }

    void log(String message) {
        lines.add("Program log: " + message);
    }

    void raw(String line) {
        lines.add(line);
    }

    /** A system program CPI (transfer / create account); the system program logs nothing else. */
    void systemCpi(int depth) {
        invoke(SYSTEM, depth);
        success(SYSTEM);
    }

    void tokenCpi(int depth, String instruction, long units, long remaining) {
        invoke(TOKEN, depth);
        log("Instruction: " + instruction);
        consumed(TOKEN, units, remaining);
        success(TOKEN);
    }

    /** Mint account, mint, ATA and Metaplex metadata: the CPIs of minting one business NFT. */
    void mintNftCpis(long seedish) {
        systemCpi(2);
        tokenCpi(2, "InitializeMint2", 3_600 + seedish % 1_600, 392_062);
        invoke(ATA, 2);
        log("Create");
        invoke(TOKEN, 3);
        log("Instruction: GetAccountDataSize");
        consumed(TOKEN, 4_700 + seedish % 600, 382_985);
        raw("Program return: " + TOKEN + " pQAAAAAAAAA=");
        success(TOKEN);
        systemCpi(3);
        log("Initialize the associated token account");
        invoke(TOKEN, 3);
        log("Instruction: InitializeImmutableOwner");
        log("Please upgrade to SPL Token 2022 for immutable owner support");
        consumed(TOKEN, 1_405, 374_246);
        success(TOKEN);
        tokenCpi(3, "InitializeAccount3", 3_000 + seedish % 700, 367_810);
        consumed(ATA, 21_000 + seedish % 2_000, 385_745);
        success(ATA);
        tokenCpi(2, "MintTo", 3_000 + seedish % 900, 362_954);
        invoke(METADATA, 2);
        log("IX: Create Metadata Accounts v3");
        systemCpi(3);
        log("Allocate space for the account");
        systemCpi(3);
        log("Assign the account to the owning program");
        systemCpi(3);
        consumed(METADATA, 9_600 + seedish % 1_000, 358_056);
        success(METADATA);
    }

    void computeBudgetInstructions() {
        for (int i = 0; i < 2; i++) {
            invoke(COMPUTE_BUDGET, 1);
            success(COMPUTE_BUDGET);
        }
    }
}
