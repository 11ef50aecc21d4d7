package com.solanamafia.app.cli;

import java.util.Map;
import java.util.function.ToIntFunction;

/** Subcommands that run without the server: each takes its own arguments and returns an exit code. */
public final class Subcommands {
    private static final Map<String, ToIntFunction<String[]>> COMMANDS = Map.of(
            "decode", DecodeSubcommand::run,
            "sim", com.solanamafia.sim.SimCommand::run,
            "backfill", BackfillSubcommand::run,
            "replay", ReplaySubcommand::run);

    private Subcommands() {
    }

    public static boolean handles(String name) {
        return COMMANDS.containsKey(name);
    }

    public static int run(String name, String[] args) {
        return COMMANDS.get(name).applyAsInt(args);
    }
}
