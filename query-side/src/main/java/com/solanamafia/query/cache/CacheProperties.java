package com.solanamafia.query.cache;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** {@code solana-mafia.api.cache.*}: Redis cache of hot reads (README "Rate limits and caching"). */
@ConfigurationProperties("solana-mafia.api.cache")
public record CacheProperties(@DefaultValue("true") boolean enabled,
                              @DefaultValue("60s") Duration playerTtl,
                              @DefaultValue("10s") Duration statsTtl,
                              @DefaultValue("10s") Duration leaderboardTtl) {
}
