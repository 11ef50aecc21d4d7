package com.solanamafia.query.player;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.query.player.PlayerView;
import com.solanamafia.query.api.ReadModelPosition;
import com.solanamafia.query.cache.ReadCache;
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

    private final PlayerReads players;
    private final ObjectMapper json;

    public DirectPlayerReads(PlayerReads players, ObjectMapper json) {
        this.players = players;
        this.json = json;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Wallet wallet = walletOf(request);
        if (wallet == null || !acceptsJson(request.getHeader(HttpHeaders.ACCEPT))) {
            chain.doFilter(request, response);
            return;
        }
        ReadCache.Entry<PlayerView> answer = players.find(wallet);
        if (answer.body() == null) {
            chain.doFilter(request, response);   // the controller's 404 problem
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(PATTERN));
        byte[] body = json.writeValueAsBytes(answer.body());
        response.setStatus(HttpServletResponse.SC_OK);
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

    /** Whether MVC would pick {@code application/json} for this Accept header (absent: anything goes). */
    static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            for (MediaType type : types) {
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
