package com.solanamafia.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Authenticates {@code Authorization: Bearer <token>}: SHA-256 of the presented token compared with every configured
 * hash in constant time ({@link MessageDigest#isEqual}, no early exit), so neither the match nor its position leaks
 * through timing. A wrong token is a 401 at once; no token leaves the request anonymous (the rules then answer 401).
 */
public class AdminTokenFilter extends OncePerRequestFilter {
    private record Known(String name, byte[] hash, List<SimpleGrantedAuthority> roles) {
    }

    private final List<Known> known;
    private final ProblemWriter problems;

    public AdminTokenFilter(AdminProperties properties, ProblemWriter problems) {
        this.known = properties.tokens().stream()
                .filter(t -> t.sha256() != null && t.sha256().length() == 64)
                .map(t -> new Known(t.name(), HexFormat.of().parseHex(t.sha256().toLowerCase(Locale.ROOT)),
                        t.roles().stream().map(SimpleGrantedAuthority::new).toList()))
                .toList();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            problems.write(response, 401, "Unauthorized", "Use Authorization: Bearer <admin token>");
            return;
        }
        byte[] presented = sha256(header.substring(7).trim());
        Known match = null;
        for (Known k : known) {
            if (MessageDigest.isEqual(k.hash(), presented) && match == null) {
                match = k;
            }
        }
        if (match == null) {
            problems.write(response, 401, "Unauthorized", "The admin token is not valid");
            return;
        }
        var auth = new UsernamePasswordAuthenticationToken(match.name(), null, match.roles());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
