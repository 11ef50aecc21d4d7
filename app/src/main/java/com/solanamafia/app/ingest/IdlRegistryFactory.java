package com.solanamafia.app.ingest;

import com.solanamafia.app.config.InvalidConfigurationException;
import com.solanamafia.ingest.idl.Idl;
import com.solanamafia.ingest.idl.IdlLoader;
import com.solanamafia.ingest.idl.IdlRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds the IDL registry from configuration; the bundled IDL of program version cb08020 is the default. */
final class IdlRegistryFactory {
    static final String BUNDLED_IDL = "idl/idl-full.json";

    private IdlRegistryFactory() {
    }

    static Idl load(String idlPath, String setting) {
        if (idlPath == null || idlPath.isBlank() || idlPath.startsWith("classpath:")) {
            String resource = idlPath == null || idlPath.isBlank() ? BUNDLED_IDL : idlPath.substring("classpath:".length());
            try (InputStream in = IdlRegistryFactory.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new InvalidConfigurationException(setting, "names a missing classpath resource " + resource);
                }
                return IdlLoader.load(in);
            } catch (IOException e) {
                throw new InvalidConfigurationException(setting, "cannot be read: " + e.getMessage());
            }
        }
        Path path = Path.of(idlPath);
        if (!Files.isReadable(path)) {
            throw new InvalidConfigurationException(setting, "must name a readable IDL file, got '" + idlPath + "'");
        }
        try {
            return IdlLoader.load(path);
        } catch (RuntimeException e) {
            throw new InvalidConfigurationException(setting, "is not a valid Anchor IDL: " + e.getMessage());
        }
    }

    static IdlRegistry build(String programId, String idlPath, IngestProperties properties) {
        Idl idl = load(idlPath, "SOLANA_IDL_PATH");
        String program = programId == null || programId.isBlank() ? idl.address() : programId;
        IdlRegistry.Builder builder = IdlRegistry.builder().add(program, 0, idl);
        for (IngestProperties.IdlVersion version : properties.versions()) {
            builder.add(version.programId(), version.fromSlot(), load(version.idlPath(), "solana-mafia.ingest.versions"));
        }
        return builder.build();
    }
}
