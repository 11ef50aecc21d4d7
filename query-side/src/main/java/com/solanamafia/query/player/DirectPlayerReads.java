package com.solanamafia.query.player;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.query.player.PlayerView;
import com.solanamafia.query.api.ReadModelPosition;
import com.solanamafia.query.cache.ReadCache;
import com.solanamafia.query.limits.ApiLimitsProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ServerHttpObservationFilter;

import java.io.IOException;
import java.util.List;

/**
 * {@code GET /api/v1/players/{wallet}}, the API's hottest read, answered without Spring MVC when the answer is a 200:
 * the same status, headers and JSON body as {@link PlayerController}'s (with a Content-Length instead of chunks).
 * Everything else goes on to the controller: a malformed or unknown wallet, HEAD, a CORS request (an Origin header),
 * an Accept header JSON does not satisfy, an encoded or unusual path. It runs last, after the rate limit, the size
 * limit, the security headers and the request observation (tagged with the controller's path pattern). MVC's
 * handler lookup alone (every mapping's conditions tried for a path with a variable) was a quarter of the request's
 * CPU, its argument and return-value handling another fifth.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class DirectPlayerReads extends HttpFilter {
    static final String PREFIX = "/api/v1/players/";
    private static final String PATTERN = PREFIX + "{wallet}";

    private static final List<String> CORS_VARY = List.of(HttpHeaders.ORIGIN,
            HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);

    private final PlayerReads players;
    private final ObjectMapper json;
    private final boolean corsConfigured;

    public DirectPlayerReads(PlayerReads players, ObjectMapper json, ApiLimitsProperties limits) {
        this.players = players;
        this.json = json;
        this.corsConfigured = !limits.cors().allowedOrigins().isEmpty();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Wallet wallet = walletOf(request);
        if (wallet == null || !acceptsJson(request)) {
            chain.doFilter(request, response);
            return;
        }
        ReadCache.Entry<PlayerView> answer;
        try {
            answer = players.find(wallet);
        } catch (RuntimeException e) {
            chain.doFilter(request, response);   // the controller tries again, and answers a failure as a problem
            return;
        }
        if (answer.body() == null) {
            chain.doFilter(request, response);   // the controller's 404 problem
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(PATTERN));
        byte[] body = json.writeValueAsBytes(answer.body());
        response.setStatus(HttpServletResponse.SC_OK);
        if (corsConfigured) {   // as Spring's CORS processing marks every response of a path it has a mapping for
            for (String vary : CORS_VARY) {
                response.addHeader(HttpHeaders.VARY, vary);
            }
        }
        response.setHeader(ReadModelPosition.HEADER, Long.toString(answer.position()));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The wallet of a plain {@code GET /api/v1/players/<valid base58 key>} without an Origin header, else null. */
    static Wallet walletOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (!uri.startsWith(PREFIX) || !"GET".equals(request.getMethod()) || !request.getContextPath().isEmpty()
                || request.getHeader(HttpHeaders.ORIGIN) != null) {
            return null;
        }
        try {
            return Wallet.of(uri.substring(PREFIX.length()));   // base58 has no '/', '%' or ';': nothing to decode
        } catch (Wallet.InvalidWalletException e) {
            return null;
        }
    }

    /**
     * Whether MVC would pick {@code application/json} for the request's Accept header: absent, or one header whose
     * types include JSON and name no other format the API writes (YAML) that MVC might rank first.
     */
    static boolean acceptsJson(HttpServletRequest request) {
        java.util.Enumeration<String> headers = request.getHeaders(HttpHeaders.ACCEPT);
        if (headers == null || !headers.hasMoreElements()) {
            return true;
        }
        String accept = headers.nextElement();
        if (headers.hasMoreElements()) {
            return false;
        }
        if (accept.isBlank()) {
            return true;
        }
        if (accept.toLowerCase(java.util.Locale.ROOT).contains("yaml")) {   // media types ignore case, as MVC does
            return false;
        }
        try {
            for (MediaType type : MediaType.parseMediaTypes(accept)) {
                if (type.getQualityValue() > 0 && type.includes(MediaType.APPLICATION_JSON)) {
                    return true;
                }
            }
            return false;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
