package com.solanamafia.app.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.solanamafia.app.config.SolanaEndpoints;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** UP when the configured RPC node answers getSlot; shows the slot it is at. */
@Component("solanaNode")
public class SolanaRpcHealthIndicator implements HealthIndicator {
    private final SolanaEndpoints endpoints;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public SolanaRpcHealthIndicator(SolanaEndpoints endpoints, ObjectMapper json) {
        this.endpoints = endpoints;
        this.json = json;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.unknown().withDetail("rpcUrl", endpoints.rpcUrl().getHost() + ":" + endpoints.rpcUrl().getPort());
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoints.rpcUrl())
                    .timeout(Duration.ofSeconds(3))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"getSlot\",\"params\":[{\"commitment\":\""
                                    + endpoints.commitment() + "\"}]}"))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return health.down().withDetail("httpStatus", response.statusCode()).build();
            }
            JsonNode body = json.readTree(response.body());
            if (!body.path("result").canConvertToLong()) {
                return health.down().withDetail("error", body.path("error").toString()).build();
            }
            return health.up().withDetail("slot", body.path("result").asLong())
                    .withDetail("commitment", endpoints.commitment()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return health.down(e).build();
        } catch (Exception e) {
            return health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
