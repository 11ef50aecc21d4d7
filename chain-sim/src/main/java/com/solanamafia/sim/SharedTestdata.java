package com.solanamafia.sim;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the read-only shared directory: system property {@code shared.dir}, else {@code ../shared} from the repo root. */
public final class SharedTestdata {
    private SharedTestdata() {
    }

    public static Path sharedDir() {
        String prop = System.getProperty("shared.dir");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("chain-sim"))) {
                return p.resolve("../shared").normalize();
            }
        }
        return dir.resolve("../shared").normalize();
    }

    public static Path anchorEvents() {
        return sharedDir().resolve("testdata/anchor-events");
    }

    /** The default IDL of the generated game. */
    public static Path fullIdl() {
        return anchorEvents().resolve("idl-full.json");
    }
}
