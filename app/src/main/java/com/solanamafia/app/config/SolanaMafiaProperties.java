package com.solanamafia.app.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.nio.file.Path;

@Validated
@ConfigurationProperties("solana-mafia")
public record SolanaMafiaProperties(
        @NotNull Path dataDir,
        @NotNull Solana solana) {

    public record Solana(
            @NotNull URI rpcUrl,
            URI wsUrl,
            @Pattern(regexp = "[1-9A-HJ-NP-Za-km-z]{32,44}", message = "must be a base58 public key") String programId,
            String idlPath,
            @Pattern(regexp = "processed|confirmed|finalized") String commitment) {

        /** The WebSocket URL, by default the RPC URL's port + 1 as Solana validators serve it. */
        public URI effectiveWsUrl() {
            if (wsUrl != null) {
                return wsUrl;
            }
            String scheme = "https".equalsIgnoreCase(rpcUrl.getScheme()) ? "wss" : "ws";
            int port = rpcUrl.getPort() > 0 ? rpcUrl.getPort() + 1 : -1;
            return URI.create(scheme + "://" + rpcUrl.getHost() + (port > 0 ? ":" + port : "") + rpcUrl.getRawPath());
        }
    }
}
