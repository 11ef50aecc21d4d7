package com.solanamafia.app.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

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

    @Bean
    @Order(2)
    SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
        return http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .requestCache(c -> c.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }

    /** No users: stops Boot from generating (and logging) a default password. */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }
}
