package com.solanamafia.sim;

import java.util.List;

/** Log message fixtures. */
final class Logs {
    static final String PROGRAM = "3Ly6bEWRfKyVGwrRN27gHhBogo1K4HbZyk69KHW9AUx7";
    static final String OTHER = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";

    static List<String> of(String program, String instruction) {
        return List.of("Program " + program + " invoke [1]", "Program log: Instruction: " + instruction,
                "Program " + program + " consumed 4321 of 200000 compute units", "Program " + program + " success");
    }

    private Logs() {
    }
}
