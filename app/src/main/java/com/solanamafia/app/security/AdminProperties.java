package com.solanamafia.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Admin bearer tokens: {@code solana-mafia.admin.tokens[n].name}, {@code .sha256} (hex SHA-256 of the token; the
 * token itself is never configured) and {@code .roles} ({@code admin:read}, {@code admin:write}).
 */
@ConfigurationProperties("solana-mafia.admin")
public record AdminProperties(List<Token> tokens) {
    public AdminProperties {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }

    public record Token(String name, String sha256, List<String> roles) {
        public Token {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
