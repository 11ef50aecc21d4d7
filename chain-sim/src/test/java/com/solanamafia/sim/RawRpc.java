package com.solanamafia.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A bare JSON-RPC client over java.net.http, for checking wire details. */
final class RawRpc {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;

    RawRpc(String url) {
        this.url = url;
    }

    HttpResponse<String> post(String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode call(String method, Object... params) {
        try {
            String body = MAPPER.writeValueAsString(java.util.Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", params));
            HttpResponse<String> response = post(body);
            return MAPPER.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode result(String method, Object... params) {
        JsonNode response = call(method, params);
        if (response.has("error")) {
            throw new IllegalStateException(response.toString());
        }
        return response.get("result");
    }
}
