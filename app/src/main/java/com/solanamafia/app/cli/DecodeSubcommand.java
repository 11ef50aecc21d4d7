package com.solanamafia.app.cli;

import com.solanamafia.ingest.cli.DecodeCommand;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** {@code decode --idl <idl.json> [--program-id <id>]}: JSON lines on stdin, one JSON line out per line. */
final class DecodeSubcommand {
    private DecodeSubcommand() {
    }

    static int run(String[] args) {
        CliArgs cli = CliArgs.parse(args);
        String idl = cli.value("--idl");
        if (idl == null) {
            System.err.println("usage: solana-mafia.jar decode --idl <idl.json> [--program-id <id>]");
            return 64;
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        return new DecodeCommand().run(System.in, out, Path.of(idl), cli.value("--program-id"));
    }
}
