package com.solanamafia.app.config;

import com.solanamafia.api.chain.Wallet;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps the environment variables the original backend's operators know (DATABASE_URL, REDIS_URL, SOLANA_*,
 * LOG_LEVEL) onto Spring properties, validating each so a wrong value fails start-up with one clear message.
 */
public class OperatorEnvironment implements EnvironmentPostProcessor, Ordered {
    static final String SOURCE = "operatorEnvironment";
    private static final Set<String> COMMITMENTS = Set.of("processed", "confirmed", "finalized");
    private static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> props = new HashMap<>();
        String databaseUrl = env.getProperty("DATABASE_URL");
        if (hasText(databaseUrl)) {
            props.putAll(jdbcProperties(databaseUrl));
        }
        String redisUrl = env.getProperty("REDIS_URL");
        if (hasText(redisUrl)) {
            requireScheme("REDIS_URL", redisUrl, "redis", "rediss");
            props.put("spring.data.redis.url", redisUrl);
        }
        String rpcUrl = env.getProperty("SOLANA_RPC_URL");
        if (hasText(rpcUrl)) {
            requireScheme("SOLANA_RPC_URL", rpcUrl, "http", "https");
            props.put("solana-mafia.solana.rpc-url", rpcUrl);
        }
        String wsUrl = env.getProperty("SOLANA_WS_URL");
        if (hasText(wsUrl)) {
            requireScheme("SOLANA_WS_URL", wsUrl, "ws", "wss");
            props.put("solana-mafia.solana.ws-url", wsUrl);
        }
        String programId = env.getProperty("SOLANA_PROGRAM_ID");
        if (hasText(programId)) {
            if (!Wallet.isValid(programId)) {
                throw new InvalidConfigurationException("SOLANA_PROGRAM_ID", "must be a base58 32-byte public key, got '" + programId + "'");
            }
            props.put("solana-mafia.solana.program-id", programId);
        }
        String idlPath = env.getProperty("SOLANA_IDL_PATH");
        if (hasText(idlPath)) {
            props.put("solana-mafia.solana.idl-path", idlPath);
        }
        String commitment = env.getProperty("SOLANA_COMMITMENT");
        if (hasText(commitment)) {
            String normalized = commitment.toLowerCase(Locale.ROOT);
            if (!COMMITMENTS.contains(normalized)) {
                throw new InvalidConfigurationException("SOLANA_COMMITMENT", "must be one of " + COMMITMENTS + ", got '" + commitment + "'");
            }
            props.put("solana-mafia.solana.commitment", normalized);
        }
        String logLevel = env.getProperty("LOG_LEVEL");
        if (hasText(logLevel)) {
            String level = logLevel.toUpperCase(Locale.ROOT);
            if (!LOG_LEVELS.contains(level)) {
                throw new InvalidConfigurationException("LOG_LEVEL", "must be one of " + LOG_LEVELS + ", got '" + logLevel + "'");
            }
            props.put("logging.level.com.solanamafia", level);
        }
        if (!props.isEmpty()) {
            env.getPropertySources().addFirst(new MapPropertySource(SOURCE, props));
        }
    }

    /** Accepts jdbc:postgresql://... as is, or postgres[ql][+driver]://user:password@host:port/database. */
    static Map<String, Object> jdbcProperties(String databaseUrl) {
        Map<String, Object> props = new HashMap<>();
        if (databaseUrl.startsWith("jdbc:postgresql://")) {
            props.put("spring.datasource.url", databaseUrl);
            return props;
        }
        URI uri;
        try {
            uri = new URI(databaseUrl);
        } catch (URISyntaxException e) {
            throw invalidDatabaseUrl(databaseUrl);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("postgres") || scheme.startsWith("postgresql")) || uri.getHost() == null
                || uri.getPath() == null || uri.getPath().length() < 2) {
            throw invalidDatabaseUrl(databaseUrl);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        props.put("spring.datasource.url", "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getPath() + query);
        if (uri.getRawUserInfo() != null) {
            String[] userInfo = uri.getRawUserInfo().split(":", 2);
            props.put("spring.datasource.username", URLDecoder.decode(userInfo[0], StandardCharsets.UTF_8));
            if (userInfo.length == 2) {
                props.put("spring.datasource.password", URLDecoder.decode(userInfo[1], StandardCharsets.UTF_8));
            }
        }
        return props;
    }

    private static InvalidConfigurationException invalidDatabaseUrl(String value) {
        String shown = value.replaceAll("//([^:@/]+):[^@/]*@", "//$1:***@");
        return new InvalidConfigurationException("DATABASE_URL",
                "must look like postgres://user:password@host:5432/database or jdbc:postgresql://..., got '" + shown + "'");
    }

    private static void requireScheme(String setting, String value, String... schemes) {
        try {
            URI uri = new URI(value);
            for (String scheme : schemes) {
                if (scheme.equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
                    return;
                }
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw new InvalidConfigurationException(setting, "must be a " + String.join("/", schemes) + " URL with a host, got '" + value + "'");
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
