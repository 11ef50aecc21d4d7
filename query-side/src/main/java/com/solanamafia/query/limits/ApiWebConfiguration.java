package com.solanamafia.query.limits;

import com.solanamafia.query.api.ReadModelPosition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** CORS for the public REST API from {@code solana-mafia.api.cors.allowed-origins} (none by default). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiLimitsProperties.class)
public class ApiWebConfiguration implements WebMvcConfigurer {
    private final ApiLimitsProperties properties;

    public ApiWebConfiguration(ApiLimitsProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (properties.cors().allowedOrigins().isEmpty()) {
            return;
        }
        registry.addMapping("/api/v1/**")
                .allowedOriginPatterns(properties.cors().allowedOrigins().toArray(String[]::new))
                .allowedMethods("GET", "HEAD", "OPTIONS")
                .exposedHeaders(ReadModelPosition.HEADER, "Retry-After", "X-RateLimit-Remaining")
                .maxAge(properties.cors().maxAgeSeconds());
    }
}
