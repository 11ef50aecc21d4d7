package com.solanamafia.query.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.solanamafia.query.api.ApiProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Request bodies above {@code solana-mafia.api.max-body-size} get 413 with an RFC 7807 body: at once when
 * Content-Length says so, and for chunked bodies as soon as the limit is crossed while reading. (Tomcat's own
 * {@code max-swallow-size} and {@code max-http-form-post-size} are set in application.yml too.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestSizeFilter extends OncePerRequestFilter {
    private final long max;
    private final ObjectMapper json;

    public RequestSizeFilter(ApiLimitsProperties properties, ObjectMapper json) {
        this.max = properties.maxBodySize().toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > max) {
            tooLarge(request, response);
            return;
        }
        if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
            LimitedRequest limited = new LimitedRequest(request, max);
            try {
                chain.doFilter(limited, response);
            } catch (Exception e) {
                if (limited.exceeded && !response.isCommitted()) {
                    response.reset();
                    tooLarge(request, response);
                    return;
                }
                throw e;
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = ApiProblems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                "Payload too large", "request bodies are limited to " + max + " bytes");
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(413);
        response.setHeader("Connection", "close");
        response.setContentType("application/problem+json");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long max;
        volatile boolean exceeded;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    long read;

                    private void count(long n) throws IOException {
                        if (n > 0 && (read += n) > max) {
                            exceeded = true;
                            throw new IOException("request body larger than " + max + " bytes");
                        }
                    }

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = in.read(b, off, len);
                        count(n);
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
