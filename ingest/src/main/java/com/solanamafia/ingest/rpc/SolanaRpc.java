package com.solanamafia.ingest.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Solana JSON-RPC over HTTP for ingestion. Rate limits (429 + Retry-After), 5xx, timeouts, malformed
 * bodies and "not available yet" answers are retried with backoff; anything else fails the call.
 */
public class SolanaRpc {
    private static final Logger log = LoggerFactory.getLogger(SolanaRpc.class);
    /** Node-side conditions that pass: behind, slot skipped or not yet available, long-term storage slow. */
    private static final Set<Integer> RETRYABLE_RPC_ERRORS = Set.of(-32004, -32005, -32007, -32009, -32011, -32014, -32016);

    private final URI url;
    private final ObjectMapper json;
    private final RetryPolicy retry;
    private final HttpClient http;
    private final Duration timeout;
    private final Counter retries;
    private final AtomicLong ids = new AtomicLong();

    public SolanaRpc(URI url, ObjectMapper json, RetryPolicy retry, Duration timeout, MeterRegistry meters) {
        this.url = url;
        this.json = json;
        this.retry = retry;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
        this.retries = Counter.builder("ingest.rpc.retries").description("RPC calls retried").register(meters);
    }

    public SolanaRpc(URI url) {
        this(url, new ObjectMapper(), RetryPolicy.DEFAULT, Duration.ofSeconds(10), new SimpleMeterRegistry());
    }

    public URI url() {
        return url;
    }

    public long getSlot(String commitment) {
        return call("getSlot", List.of(config(commitment))).asLong();
    }

    /** Newest first, as the node returns them; {@code before}/{@code until} are exclusive signatures or null. */
    public List<SignatureInfo> getSignaturesForAddress(String address, String before, String until, int limit,
                                                       String commitment) {
        ObjectNode options = config(commitment).put("limit", limit);
        if (before != null) {
            options.put("before", before);
        }
        if (until != null) {
            options.put("until", until);
        }
        JsonNode result = call("getSignaturesForAddress", List.of(address, options));
        List<SignatureInfo> infos = new ArrayList<>(result.size());
        for (JsonNode entry : result) {
            JsonNode blockTime = entry.path("blockTime");
            infos.add(new SignatureInfo(entry.path("signature").asText(), entry.path("slot").asLong(),
                    !entry.path("err").isNull() && !entry.path("err").isMissingNode(),
                    blockTime.isNumber() ? blockTime.asLong() : null));
        }
        return infos;
    }

    /** Empty when the node does not (yet) have the transaction at this commitment. */
    public Optional<ChainTransaction> getTransaction(String signature, String commitment) {
        return toTransaction(signature, call("getTransaction", List.of(signature, transactionOptions(commitment))));
    }

    /**
     * getTransaction for each signature as one JSON-RPC batch (one HTTP request), in order; empty where the node does
     * not (yet) return the transaction or answers that item with a retryable error.
     */
    public List<Optional<ChainTransaction>> getTransactions(List<String> signatures, String commitment) {
        if (signatures.size() == 1) {
            return List.of(getTransaction(signatures.get(0), commitment));
        }
        ObjectNode options = transactionOptions(commitment);
        List<JsonNode> results = callBatch("getTransaction", signatures.stream().map(s -> List.of(s, options)).toList());
        List<Optional<ChainTransaction>> out = new ArrayList<>(signatures.size());
        for (int i = 0; i < signatures.size(); i++) {
            out.add(toTransaction(signatures.get(i), results.get(i)));
        }
        return out;
    }

    private ObjectNode transactionOptions(String commitment) {
        return config(commitment).put("encoding", "json").put("maxSupportedTransactionVersion", 0);
    }

    private static Optional<ChainTransaction> toTransaction(String signature, JsonNode result) {
        if (result == null || result.isNull()) {
            return Optional.empty();
        }
        JsonNode meta = result.path("meta");
        List<String> logs = new ArrayList<>();
        meta.path("logMessages").forEach(line -> logs.add(line.asText()));
        JsonNode err = meta.path("err");
        JsonNode blockTime = result.path("blockTime");
        return Optional.of(new ChainTransaction(signature, result.path("slot").asLong(),
                blockTime.isNumber() ? blockTime.asLong() : null, !err.isNull() && !err.isMissingNode(), logs));
    }

    // ------------------------------------------------------------------ sending (earnings automation)

    /** A recent blockhash and the last block height at which a transaction using it can still land. */
    public record LatestBlockhash(String blockhash, long lastValidBlockHeight, long contextSlot) {
    }

    /** One entry of getSignatureStatuses; {@code err} is the JSON {@code err} (null when the transaction succeeded). */
    public record SignatureStatus(long slot, JsonNode err, String confirmationStatus) {
        public boolean succeeded() {
            return err == null || err.isNull();
        }
    }

    public LatestBlockhash getLatestBlockhash(String commitment) {
        JsonNode result = call("getLatestBlockhash", List.of(config(commitment)));
        JsonNode value = result.path("value");
        return new LatestBlockhash(value.path("blockhash").asText(), value.path("lastValidBlockHeight").asLong(),
                result.path("context").path("slot").asLong());
    }

    public long getBlockHeight(String commitment) {
        return call("getBlockHeight", List.of(config(commitment))).asLong();
    }

    /**
     * Sends a signed wire transaction (base64); returns its signature. Retried like every call: re-sending the same
     * signed bytes is harmless (same signature, the cluster executes it at most once).
     */
    public String sendTransaction(byte[] wireTransaction, boolean skipPreflight, String preflightCommitment) {
        ObjectNode options = json.createObjectNode().put("encoding", "base64").put("skipPreflight", skipPreflight)
                .put("preflightCommitment", preflightCommitment).put("maxRetries", 5);
        return call("sendTransaction", List.of(java.util.Base64.getEncoder().encodeToString(wireTransaction), options)).asText();
    }

    /** Statuses in request order; an empty Optional where the node knows nothing of the signature. At most 256. */
    public List<Optional<SignatureStatus>> getSignatureStatuses(List<String> signatures, boolean searchTransactionHistory) {
        ObjectNode options = json.createObjectNode().put("searchTransactionHistory", searchTransactionHistory);
        JsonNode values = call("getSignatureStatuses", List.of(signatures, options)).path("value");
        List<Optional<SignatureStatus>> out = new ArrayList<>(signatures.size());
        for (int i = 0; i < signatures.size(); i++) {
            JsonNode v = values.path(i);
            if (v.isNull() || v.isMissingNode()) {
                out.add(Optional.empty());
            } else {
                JsonNode err = v.path("err");
                out.add(Optional.of(new SignatureStatus(v.path("slot").asLong(), err.isMissingNode() || err.isNull() ? null : err,
                        v.path("confirmationStatus").isTextual() ? v.path("confirmationStatus").asText() : null)));
            }
        }
        return out;
    }

    /** Base64 account data per address (empty where the account does not exist). At most 100 addresses. */
    public List<Optional<byte[]>> getMultipleAccounts(List<String> addresses, String commitment) {
        ObjectNode options = config(commitment).put("encoding", "base64");
        JsonNode values = call("getMultipleAccounts", List.of(addresses, options)).path("value");
        List<Optional<byte[]>> out = new ArrayList<>(addresses.size());
        for (int i = 0; i < addresses.size(); i++) {
            JsonNode v = values.path(i);
            if (v.isNull() || v.isMissingNode()) {
                out.add(Optional.empty());
            } else {
                out.add(Optional.of(java.util.Base64.getDecoder().decode(v.path("data").path(0).asText(""))));
            }
        }
        return out;
    }

    /** A JSON-RPC call with retries; returns {@code result}. */
    public JsonNode call(String method, List<?> params) {
        return withRetries(method, () -> callOnce(method, params));
    }

    /**
     * One JSON-RPC batch request of {@code method} with each parameter list, with retries; the results in order. An
     * item answered with a retryable error comes back as {@code null} (like "not available yet"), any other item error
     * fails the call.
     */
    public List<JsonNode> callBatch(String method, List<? extends List<?>> paramLists) {
        return withRetries(method, () -> callBatchOnce(method, paramLists));
    }

    private <T> T withRetries(String method, Supplier<T> once) {
        RpcException last = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            try {
                return once.get();
            } catch (RpcException e) {
                last = e;
                if (!e.retryable() || attempt == retry.maxAttempts()) {
                    break;
                }
                retries.increment();
                Duration delay = retry.delayBefore(attempt, e.retryAfter());
                log.debug("{} failed ({}), attempt {} of {}, retrying in {} ms", method, e.getMessage(), attempt,
                        retry.maxAttempts(), delay.toMillis());
                sleep(delay);
            }
        }
        throw last;
    }

    private JsonNode callOnce(String method, List<?> params) {
        Exchange exchange = post(method, request(method, params));
        JsonNode body = exchange.body();
        if (!body.isObject()) {
            throw new RpcException(method + ": malformed JSON-RPC response (HTTP " + exchange.status() + ")", true);
        }
        throwIfError(method, body.get("error"));
        if (exchange.status() != 200 || !body.has("result")) {
            throw new RpcException(method + ": HTTP " + exchange.status() + " without a result", exchange.status() == 408, null, null);
        }
        return body.get("result");
    }

    private List<JsonNode> callBatchOnce(String method, List<? extends List<?>> paramLists) {
        ArrayNode batch = json.createArrayNode();
        Map<Long, Integer> indexById = new HashMap<>();   // ids are unique per client, not contiguous per batch
        for (List<?> params : paramLists) {
            ObjectNode request = request(method, params);
            indexById.put(request.get("id").asLong(), batch.size());
            batch.add(request);
        }
        Exchange exchange = post(method + " batch", batch);
        JsonNode body = exchange.body();
        if (body.isObject()) {   // the node answered the batch as a whole: refused or failed
            throwIfError(method + " batch (set the RPC batch size to 1 if the node refuses batches)", body.get("error"));
        }
        if (!body.isArray() || exchange.status() != 200) {
            throw new RpcException(method + " batch: malformed JSON-RPC response (HTTP " + exchange.status() + ")", true);
        }
        JsonNode[] results = new JsonNode[paramLists.size()];
        boolean[] answered = new boolean[paramLists.size()];
        for (JsonNode item : body) {
            Integer index = item.path("id").canConvertToLong() ? indexById.get(item.path("id").asLong()) : null;
            if (index == null || answered[index]) {
                throw new RpcException(method + " batch: an answer with an unknown or repeated id", true);
            }
            answered[index] = true;
            JsonNode error = item.get("error");
            if (error != null && !error.isNull()) {
                throwIfNotRetryable(method, error);
                continue;   // a retryable item error: the caller asks again
            }
            results[index] = item.get("result");
        }
        for (boolean a : answered) {
            if (!a) {
                throw new RpcException(method + " batch: " + results.length + " requests, fewer answers", true);
            }
        }
        return java.util.Arrays.asList(results);
    }

    private ObjectNode request(String method, List<?> params) {
        ObjectNode request = json.createObjectNode().put("jsonrpc", "2.0").put("id", ids.incrementAndGet()).put("method", method);
        ArrayNode paramArray = request.putArray("params");
        params.forEach(p -> paramArray.add(json.valueToTree(p)));
        return request;
    }

    private void throwIfError(String method, JsonNode error) {
        if (error != null && !error.isNull()) {
            int code = error.path("code").asInt();
            throw new RpcException(method + ": RPC error " + code + " " + error.path("message").asText(),
                    RETRYABLE_RPC_ERRORS.contains(code), null, null);
        }
    }

    private void throwIfNotRetryable(String method, JsonNode error) {
        if (!RETRYABLE_RPC_ERRORS.contains(error.path("code").asInt())) {
            throwIfError(method, error);
        }
    }

    private record Exchange(int status, JsonNode body) {
    }

    /** POSTs a request (or batch); 429 and 5xx and unparseable bodies are retryable failures. */
    private Exchange post(String what, JsonNode payload) {
        HttpResponse<byte[]> response;
        CompletableFuture<HttpResponse<byte[]>> call;
        try {
            call = http.sendAsync(HttpRequest.newBuilder(url).timeout(timeout)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(payload))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new RpcException(what + ": cannot encode the request: " + e.getMessage(), false, null, e);
        }
        try {
            // The request timeout only covers the wait for the headers; a body that stalls must not hang us.
            response = call.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new RpcException(what + ": no complete response within " + timeout.toMillis() * 2 + " ms", true, null, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new RpcException(what + ": " + cause.getClass().getSimpleName() + " " + cause.getMessage(), true, null, cause);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new RpcException(what + ": interrupted", false, null, e);
        }
        int status = response.statusCode();
        if (status == 429) {
            throw new RpcException(what + ": HTTP 429", true, retryAfter(response), null);
        }
        if (status >= 500) {
            throw new RpcException(what + ": HTTP " + status, true, retryAfter(response), null);
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            throw new RpcException(what + ": malformed JSON response (HTTP " + status + ")", true, null, e);
        }
        if (body == null) {
            throw new RpcException(what + ": empty response (HTTP " + status + ")", true);
        }
        return new Exchange(status, body);
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    private ObjectNode config(String commitment) {
        return json.createObjectNode().put("commitment", commitment);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException("interrupted while backing off", false, null, e);
        }
    }
}
