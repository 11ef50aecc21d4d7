package com.solanamafia.app.cli;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} and {@code --flag} options of a subcommand. */
record CliArgs(Map<String, String> options) {

    static CliArgs parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                options.put("_" + options.size(), arg);
            } else if (arg.contains("=")) {
                options.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(arg, args[++i]);
            } else {
                options.put(arg, "true");
            }
        }
        return new CliArgs(options);
    }

    String value(String name) {
        return options.get(name);
    }

    boolean has(String name) {
        return options.containsKey(name);
    }
}
