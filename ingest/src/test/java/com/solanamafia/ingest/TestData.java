package com.solanamafia.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.solanamafia.ingest.idl.Idl;
import com.solanamafia.ingest.idl.IdlLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shared, read-only anchor-events test data. */
public final class TestData {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final String FULL_PROGRAM = "3Ly6bEWRfKyVGwrRN27gHhBogo1K4HbZyk69KHW9AUx7";
    public static final String CURRENT_PROGRAM = "GtaYPUCEphDV1YgsS6VnBpTkkJwpuaQZf3ptFssyNvKU";

    private TestData() {
    }

    public static Path sharedDir() {
        String prop = System.getProperty("shared.dir");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
        }
        // Tests run in the module directory; the shared directory sits next to the repository root.
        for (Path candidate : List.of(Path.of("..", "..", "shared"), Path.of("..", "shared"))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared test data not found; set -Dshared.dir");
    }

    public static Path anchorEvents() {
        return sharedDir().resolve("testdata").resolve("anchor-events");
    }

    public static Path idlFullPath() {
        return anchorEvents().resolve("idl-full.json");
    }

    public static Path idlCurrentPath() {
        return anchorEvents().resolve("idl-current.json");
    }

    public static Idl idlFull() {
        return IdlLoader.load(idlFullPath());
    }

    public static Idl idlCurrent() {
        return IdlLoader.load(idlCurrentPath());
    }

    public static List<String> lines(String file) {
        try {
            return Files.readAllLines(anchorEvents().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<JsonNode> jsonLines(String file) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : lines(file)) {
            if (!line.isBlank()) {
                out.add(json(line));
            }
        }
        return out;
    }

    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Canonical text of a value, keeping key order, for order-sensitive comparison. */
    public static String canonical(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
