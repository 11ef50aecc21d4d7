package com.solanamafia.app.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.solanamafia.app.config.SolanaMafiaProperties;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** UP when the configured RPC node answers getSlot; shows the slot it is at. */
@Component("solanaRpc")
public class SolanaRpcHealthIndicator implements HealthIndicator {
    private final SolanaMafiaProperties properties;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public SolanaRpcHealthIndicator(SolanaMafiaProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    public Health health() {
        var solana = properties.solana();
        Health.Builder health = Health.unknown().withDetail("rpcUrl", solana.rpcUrl().toString());
        try {
            HttpRequest request = HttpRequest.newBuilder(solana.rpcUrl())
                    .timeout(Duration.ofSeconds(3))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"getSlot\",\"params\":[{\"commitment\":\""
                                    + solana.commitment() + "\"}]}"))
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
                    .withDetail("commitment", solana.commitment()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return health.down(e).build();
        } catch (Exception e) {
            return health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
