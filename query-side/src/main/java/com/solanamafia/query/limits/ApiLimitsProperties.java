package com.solanamafia.query.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.util.List;

/** {@code solana-mafia.api.max-body-size} and {@code solana-mafia.api.cors.*}. */
@ConfigurationProperties("solana-mafia.api")
public record ApiLimitsProperties(@DefaultValue("64KB") DataSize maxBodySize, @DefaultValue Cors cors) {
    public record Cors(@DefaultValue List<String> allowedOrigins, @DefaultValue("3600") long maxAgeSeconds) {
    }
}
