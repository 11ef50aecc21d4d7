package com.solanamafia.query.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.solanamafia.query.api.ApiProblems;
import com.solanamafia.query.cache.RedisGuard;
import com.solanamafia.query.cache.RedisNamespace;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.redisson.api.RedissonClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Rate limits per client across instances (README "Rate limits and caching"): 429 with {@code Retry-After}
 * (seconds) and an RFC 7807 body when the client's bucket is empty; {@code X-RateLimit-Remaining} otherwise. If
 * Redis cannot be reached the request is served (fail open), counted in {@code api.redis.failures{use=ratelimit}}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitFilter extends OncePerRequestFilter {
    private final String keyPrefix;

    private final RateLimitProperties properties;
    private final RedisTokenBucket bucket;
    private final RedisGuard guard;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    public RateLimitFilter(RateLimitProperties properties, RedissonClient redis, RedisGuard guard, ObjectMapper json,
                           MeterRegistry meters, RedisNamespace namespace) {
        this.keyPrefix = namespace.key("rl:");
        this.properties = properties;
        this.bucket = new RedisTokenBucket(redis);
        this.guard = guard;
        this.json = json;
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!properties.enabled() || "OPTIONS".equals(request.getMethod())) {
            return true;
        }
        String path = request.getRequestURI();
        return properties.paths().stream().noneMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!guard.usable()) {
            meters.counter("api.ratelimit", "result", "skipped").increment();
            chain.doFilter(request, response);
            return;
        }
        String apiKey = request.getHeader(properties.keyHeader());
        boolean keyed = apiKey != null && !apiKey.isBlank();
        String client = keyed ? "key:" + sha256(apiKey) : "ip:" + clientIp(request);
        RedisTokenBucket.Decision decision;
        try {
            decision = bucket.take(keyPrefix + client,
                    keyed ? properties.apiKeyRequestsPerSecond() : properties.requestsPerSecond(),
                    keyed ? properties.apiKeyBurst() : properties.burst());
        } catch (Exception e) {
            guard.failed("ratelimit", e);
            meters.counter("api.ratelimit", "result", "skipped").increment();
            chain.doFilter(request, response);
            return;
        }
        if (decision.allowed()) {
            response.setHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
            chain.doFilter(request, response);
            return;
        }
        meters.counter("api.ratelimit", "result", "limited").increment();
        long seconds = Math.max(1, (decision.retryAfterMillis() + 999) / 1000);
        ProblemDetail problem = ApiProblems.problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "rate limit exceeded; retry after " + seconds + " s");
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setHeader("X-RateLimit-Remaining", "0");
        response.setContentType("application/problem+json");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    private String clientIp(HttpServletRequest request) {
        if (properties.trustForwardedFor()) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].trim();
            }
        }
        return request.getRemoteAddr();
    }

    private static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
