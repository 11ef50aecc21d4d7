package com.solanamafia.query.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * {@code solana-mafia.api.rate-limit.*}: a token bucket per client shared by every instance (Redis). A client is
 * its API key ({@code key-header}, hashed) when it sends one, else its IP address (the first
 * {@code X-Forwarded-For} hop only when {@code trust-forwarded-for}, i.e. behind a proxy that sets it).
 */
@ConfigurationProperties("solana-mafia.api.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("100") double requestsPerSecond,
                                  @DefaultValue("200") int burst,
                                  @DefaultValue("200") double apiKeyRequestsPerSecond,
                                  @DefaultValue("400") int apiKeyBurst,
                                  @DefaultValue("X-Api-Key") String keyHeader,
                                  @DefaultValue("false") boolean trustForwardedFor,
                                  @DefaultValue("/api/") List<String> paths) {
}
