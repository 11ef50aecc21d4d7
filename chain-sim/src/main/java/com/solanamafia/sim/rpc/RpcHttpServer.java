package com.solanamafia.sim.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.solanamafia.sim.fault.FaultInjector;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JSON-RPC over HTTP POST on the JDK server. Also answers {@code GET /health} like a validator.
 * HTTP-level faults (429 with Retry-After, 5xx, latency, truncated JSON) are applied here, before or after
 * the real dispatch, so the ledger is never affected.
 */
public final class RpcHttpServer {
    private static final int[] SERVER_ERRORS = {500, 502, 503};

    static {
        // The JDK server writes the headers and the body separately; with Nagle on, the body waits for the client's
        // delayed ACK (~40 ms per call on Linux). Read once by the server's config, so it must be set before create().
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final ObjectMapper mapper;
    private final RpcMethods methods;
    private final FaultInjector faults;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong requests = new AtomicLong();

    public RpcHttpServer(InetSocketAddress address, ObjectMapper mapper, RpcMethods methods, FaultInjector faults) throws IOException {
        this.mapper = mapper;
        this.methods = methods;
        this.faults = faults;
        this.server = HttpServer.create(address, 256);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(Math.max(8, Runtime.getRuntime().availableProcessors() * 2), r -> {
            Thread t = new Thread(r, "sim-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public long requestCount() {
        return requests.get();
    }

    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && exchange.getRequestURI().getPath().equals("/health")) {
                send(exchange, 200, "text/plain", "ok");
                return;
            }
            if (method.equals("OPTIONS")) {
                exchange.getResponseHeaders().add("Allow", "POST, OPTIONS");
                send(exchange, 200, "text/plain", "");
                return;
            }
            if (!method.equals("POST")) {
                send(exchange, 405, "text/plain", "Used HTTP Method is not allowed. POST or OPTIONS is required");
                return;
            }
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            faults.sleepLatency();
            switch (faults.nextHttpFault()) {
                case TOO_MANY_REQUESTS -> {
                    exchange.getResponseHeaders().add("Retry-After", Integer.toString(faults.config().retryAfterSeconds()));
                    send(exchange, 429, "application/json", "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":429,"
                            + "\"message\":\"Too many requests for a specific RPC call\"},\"id\":null}");
                }
                case SERVER_ERROR -> {
                    int status = SERVER_ERRORS[faults.pick(SERVER_ERRORS.length)];
                    send(exchange, status, "text/plain", status + " simulated upstream failure");
                }
                case MALFORMED -> {
                    String full = mapper.writeValueAsString(methods.handleBody(body));
                    send(exchange, 200, "application/json", full.substring(0, Math.max(1, full.length() / 2)) + "\u0000}{");
                }
                case NONE -> {
                    // straight to UTF-8 bytes: a String first costs a second encoding pass over every response
                    JsonNode response = methods.handleBody(body);
                    send(exchange, 200, "application/json", mapper.writeValueAsBytes(response));
                }
            }
        } catch (RuntimeException e) {
            // The exchange is closed by try-with-resources; a broken client connection is not our problem.
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
