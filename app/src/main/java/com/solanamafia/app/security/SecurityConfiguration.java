package com.solanamafia.app.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

import java.util.List;

/**
 * Only {@code /api/v1/admin/**} is protected (bearer tokens, {@code admin:read} for GET, {@code admin:write} for the
 * rest); everything else (REST /api/v1, /health, /prometheus, /docs, WebSocket /ws) stays public. Stateless, no
 * sessions, no CSRF (no cookies are used, so API clients' POSTs are not cross-site forgeable).
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
@EnableConfigurationProperties(AdminProperties.class)
public class SecurityConfiguration {

    @Bean
    ProblemWriter problemWriter() {
        return new ProblemWriter();
    }

    @Bean
    @Order(1)
    SecurityFilterChain adminChain(HttpSecurity http, AdminProperties configured, ProblemWriter problems,
                                   @org.springframework.beans.factory.annotation.Value("${solana-mafia.solana.rpc-url:}") String rpcUrl)
            throws Exception {
        AdminProperties properties = LocalAdminToken.orConfigured(configured, "simulator".equals(rpcUrl));
        return http.securityMatcher("/api/v1/admin/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .requestCache(c -> c.disable())
                .addFilterBefore(new AdminTokenFilter(properties, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/api/v1/admin/**").hasAuthority("admin:read")
                        .anyRequest().hasAuthority("admin:write"))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(res, 401, "Unauthorized", "Admin endpoints need Authorization: Bearer <token>"))
                        .accessDeniedHandler((req, res, ex) -> problems.write(res, 403, "Forbidden", "The token lacks the role for this request")))
                .build();
    }

    /**
     * Everything else is public: of Spring Security's filters only the response headers matter here, so the chain is
     * just the {@link HeaderWriterFilter} with the headers {@code http.headers()} writes by default (frame options
     * SAMEORIGIN for /docs). The full default chain (security context, anonymous authentication, a permitAll
     * authorization check, their observations, request wrappers) cost ~18 % of the CPU of a
     * {@code GET /players/{wallet}} (BENCHMARKS.md, "Query API").
     */
    @Bean
    @Order(2)
    SecurityFilterChain publicChain() {
        return new DefaultSecurityFilterChain(AnyRequestMatcher.INSTANCE, new HeaderWriterFilter(List.of(
                new XContentTypeOptionsHeaderWriter(),
                new XXssProtectionHeaderWriter(),
                new CacheControlHeadersWriter(),
                new HstsHeaderWriter(),
                new XFrameOptionsHeaderWriter(XFrameOptionsMode.SAMEORIGIN))));
    }

    /** String request matchers are path patterns, not Spring MVC handler lookups (one more lookup per request). */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean requestMatcherBuilder() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /** See {@link NoIntrospectorCacheFilter}: nothing in these chains looks up Spring MVC handlers. */
    @Bean
    static NoIntrospectorCacheFilter noIntrospectorCacheFilter() {
        return new NoIntrospectorCacheFilter();
    }

    /** No Micrometer observation per security filter: the HTTP server observation already times each request. */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** No users: stops Boot from generating (and logging) a default password. */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }
}
