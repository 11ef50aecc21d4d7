package com.solanamafia.sim.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.solanamafia.api.chain.Base58;
import com.solanamafia.sim.ledger.Commitment;
import com.solanamafia.sim.ledger.DeterministicIds;
import com.solanamafia.sim.ledger.Ledger;
import com.solanamafia.sim.ledger.SimTransaction;
import com.solanamafia.sim.ledger.TransactionDraft;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON-RPC 2.0 methods of the simulator: request in, response out, no transport. Handles single
 * requests and batches; errors use the validator's codes and messages.
 */
public final class RpcMethods {
    public static final String API_VERSION = "2.2.16";
    public static final long SLOTS_PER_EPOCH = 432_000L;
    static final String GENESIS_HASH = Base58.encode(DeterministicIds.sha256("solana-mafia chain-sim genesis".getBytes()));
    private static final int MAX_SIGNATURES_LIMIT = 1000;

    private final ObjectMapper mapper;
    private final Ledger ledger;
    private final Map<String, SimAccount> accounts;
    private final TransactionJson json;
    private volatile TransactionProcessor processor;

    public RpcMethods(ObjectMapper mapper, Ledger ledger, Map<String, SimAccount> accounts, TransactionProcessor processor) {
        this.mapper = mapper;
        this.ledger = ledger;
        this.accounts = accounts;
        this.json = new TransactionJson(mapper);
        this.processor = processor;
    }

    public void setProcessor(TransactionProcessor processor) {
        this.processor = processor;
    }

    /** Handles a whole HTTP body (single request or batch); returns the response body. */
    public JsonNode handleBody(String body) {
        JsonNode request;
        try {
            request = mapper.readTree(body);
        } catch (Exception e) {
            return error(mapper.nullNode(), RpcError.PARSE_ERROR, "Parse error");
        }
        if (request == null || request.isMissingNode()) {
            return error(mapper.nullNode(), RpcError.PARSE_ERROR, "Parse error");
        }
        if (request.isArray()) {
            if (request.isEmpty()) {
                return error(mapper.nullNode(), RpcError.INVALID_REQUEST, "Invalid request");
            }
            ArrayNode responses = mapper.createArrayNode();
            request.forEach(r -> responses.add(handle(r)));
            return responses;
        }
        return handle(request);
    }

    /** Handles one request object. */
    public JsonNode handle(JsonNode request) {
        JsonNode id = request.has("id") ? request.get("id") : mapper.nullNode();
        if (!request.isObject() || !request.path("method").isTextual()
                || (request.has("jsonrpc") && !"2.0".equals(request.get("jsonrpc").asText()))) {
            return error(id, RpcError.INVALID_REQUEST, "Invalid request");
        }
        JsonNode params = request.has("params") ? request.get("params") : mapper.createArrayNode();
        if (!params.isArray() && !params.isNull()) {
            return error(id, RpcError.INVALID_PARAMS, "Invalid params: invalid type: map, expected a sequence.");
        }
        if (params.isNull()) {
            params = mapper.createArrayNode();
        }
        try {
            JsonNode result = call(request.get("method").asText(), params);
            ObjectNode response = mapper.createObjectNode();
            response.put("jsonrpc", "2.0");
            response.set("result", result);
            response.set("id", id);
            return response;
        } catch (RpcError e) {
            return error(id, e.code(), e.getMessage());
        } catch (IllegalArgumentException e) {
            return error(id, RpcError.INVALID_PARAMS, "Invalid params: " + e.getMessage());
        } catch (RuntimeException e) {
            return error(id, RpcError.INTERNAL_ERROR, "Internal error");
        }
    }

    ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode response = mapper.createObjectNode();
        response.put("jsonrpc", "2.0");
        ObjectNode error = response.putObject("error");
        error.put("code", code);
        error.put("message", message);
        response.set("id", id);
        return response;
    }

    private JsonNode call(String method, JsonNode params) {
        return switch (method) {
            case "getHealth" -> mapper.getNodeFactory().textNode("ok");
            case "getSlot" -> number(slotAt(config(params, 0)));
            case "getBlockHeight" -> number(slotAt(config(params, 0)));
            case "getLatestBlockhash" -> latestBlockhash(config(params, 0));
            case "isBlockhashValid" -> withContext(slotAt(config(params, 1)), mapper.getNodeFactory().booleanNode(true));
            case "getSignaturesForAddress" -> signaturesForAddress(params);
            case "getTransaction" -> transaction(params);
            case "getSignatureStatuses" -> signatureStatuses(params);
            case "sendTransaction" -> sendTransaction(params);
            case "getAccountInfo" -> accountInfo(params);
            case "getMultipleAccounts" -> multipleAccounts(params);
            case "getBalance" -> balance(params);
            case "getBlockTime" -> blockTime(params);
            case "getVersion" -> version();
            case "getGenesisHash" -> mapper.getNodeFactory().textNode(GENESIS_HASH);
            case "getEpochInfo" -> epochInfo(config(params, 0));
            case "getTransactionCount" -> number(ledger.transactionCount());
            case "getFirstAvailableBlock", "minimumLedgerSlot" -> number(ledger.firstSlot());
            case "getMinimumBalanceForRentExemption" -> number((128 + requiredLong(params, 0, "data length")) * 6_960L);
            default -> throw RpcError.methodNotFound();
        };
    }

    private JsonNode number(long value) {
        return mapper.getNodeFactory().numberNode(value);
    }

    private static JsonNode config(JsonNode params, int index) {
        JsonNode c = params.path(index);
        return c.isObject() ? c : null;
    }

    private static Commitment commitment(JsonNode config) {
        return Commitment.parse(config == null || !config.path("commitment").isTextual() ? null : config.get("commitment").asText());
    }

    /** The slot at the requested commitment, honouring minContextSlot. */
    private long slotAt(JsonNode config) {
        long slot = ledger.slot(commitment(config));
        if (config != null && config.path("minContextSlot").canConvertToLong() && config.get("minContextSlot").asLong() > slot) {
            throw new RpcError(-32016, "Minimum context slot has not been reached");
        }
        return slot;
    }

    private ObjectNode withContext(long slot, JsonNode value) {
        ObjectNode n = mapper.createObjectNode();
        ObjectNode context = n.putObject("context");
        context.put("apiVersion", API_VERSION);
        context.put("slot", slot);
        n.set("value", value);
        return n;
    }

    private JsonNode latestBlockhash(JsonNode config) {
        long slot = slotAt(config);
        ObjectNode value = mapper.createObjectNode();
        value.put("blockhash", DeterministicIds.blockhash(slot));
        value.put("lastValidBlockHeight", slot + 150);
        return withContext(slot, value);
    }

    private static void requireAtLeastConfirmed(Commitment commitment) {
        if (commitment == Commitment.PROCESSED) {
            throw RpcError.invalidParams("Method does not support commitment below `confirmed`");
        }
    }

    private static String requiredText(JsonNode params, int index, String what) {
        JsonNode n = params.path(index);
        if (!n.isTextual()) {
            throw n.isMissingNode() ? RpcError.invalidParams("`params` should have at least " + (index + 1) + " argument(s)")
                    : RpcError.invalidParams("Invalid params: invalid type for " + what + ", expected a string.");
        }
        return n.asText();
    }

    private static long requiredLong(JsonNode params, int index, String what) {
        JsonNode n = params.path(index);
        if (!n.canConvertToLong() || !n.isIntegralNumber()) {
            throw RpcError.invalidParams("Invalid params: invalid type for " + what + ", expected u64.");
        }
        return n.asLong();
    }

    private static String requiredAddress(JsonNode params, int index) {
        String address = requiredText(params, index, "address");
        if (!isBase58OfLength(address, 32)) {
            throw RpcError.invalidParams("Invalid param: Invalid");
        }
        return address;
    }

    private static boolean isBase58OfLength(String text, int length) {
        try {
            return text.length() <= 88 && Base58.decode(text).length == length;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String optionalSignature(JsonNode config, String field) {
        if (config == null || config.path(field).isNull() || config.path(field).isMissingNode()) {
            return null;
        }
        String sig = config.get(field).asText();
        if (!isBase58OfLength(sig, 64)) {
            throw RpcError.invalidParams("Invalid param: WrongSize");
        }
        return sig;
    }

    private JsonNode signaturesForAddress(JsonNode params) {
        String address = requiredAddress(params, 0);
        JsonNode config = config(params, 1);
        Commitment commitment = commitment(config);
        requireAtLeastConfirmed(commitment);
        int limit = MAX_SIGNATURES_LIMIT;
        if (config != null && config.hasNonNull("limit")) {
            long requested = config.get("limit").asLong(-1);
            if (requested < 1 || requested > MAX_SIGNATURES_LIMIT) {
                throw RpcError.invalidParams("Invalid limit; max " + MAX_SIGNATURES_LIMIT);
            }
            limit = (int) requested;
        }
        String before = optionalSignature(config, "before");
        String until = optionalSignature(config, "until");
        slotAt(config);
        ArrayNode out = mapper.createArrayNode();
        for (SimTransaction tx : ledger.signaturesFor(address, before, until, limit, commitment)) {
            out.add(json.signatureInfo(tx, ledger.statusOf(tx)));
        }
        return out;
    }

    private JsonNode transaction(JsonNode params) {
        String signature = requiredText(params, 0, "signature");
        if (!isBase58OfLength(signature, 64)) {
            throw RpcError.invalidParams("Invalid param: WrongSize");
        }
        JsonNode config = config(params, 1);
        String encoding = config != null ? config.path("encoding").asText("json")
                : params.path(1).isTextual() ? params.get(1).asText() : "json";
        if (!encoding.equals("json")) {
            throw RpcError.invalidParams("Invalid params: the simulator only serves encoding \"json\", got " + encoding);
        }
        Commitment commitment = commitment(config);
        requireAtLeastConfirmed(commitment);
        Optional<SimTransaction> found = ledger.find(signature, commitment);
        if (found.isEmpty()) {
            return mapper.nullNode();
        }
        SimTransaction tx = found.get();
        boolean supportsV0 = config != null && config.path("maxSupportedTransactionVersion").canConvertToInt()
                && !config.path("maxSupportedTransactionVersion").isNull()
                && config.get("maxSupportedTransactionVersion").asInt() >= 0;
        if (tx.versioned() && !supportsV0) {
            throw new RpcError(RpcError.UNSUPPORTED_TRANSACTION_VERSION,
                    "Transaction version (0) is not supported by the requesting client. Please try the request again with "
                            + "the following configuration parameter: \"maxSupportedTransactionVersion\": 0");
        }
        return json.transaction(tx);
    }

    private JsonNode signatureStatuses(JsonNode params) {
        JsonNode signatures = params.path(0);
        if (!signatures.isArray()) {
            throw RpcError.invalidParams("Invalid params: expected an array of signatures.");
        }
        if (signatures.size() > 256) {
            throw RpcError.invalidParams("Too many inputs provided; max 256");
        }
        ArrayNode values = mapper.createArrayNode();
        long finalized = ledger.slot(Commitment.FINALIZED);
        for (JsonNode s : signatures) {
            Optional<SimTransaction> found = ledger.find(s.asText(), Commitment.PROCESSED);
            if (found.isEmpty()) {
                values.addNull();
                continue;
            }
            SimTransaction tx = found.get();
            Commitment status = ledger.statusOf(tx);
            ObjectNode v = values.addObject();
            v.put("slot", tx.slot());
            if (status == Commitment.FINALIZED) {
                v.putNull("confirmations");
            } else {
                v.put("confirmations", Math.max(0, ledger.slot(Commitment.PROCESSED) - tx.slot()));
            }
            v.set("err", json.errOrNull(tx));
            ObjectNode st = v.putObject("status");
            if (tx.succeeded()) {
                st.putNull("Ok");
            } else {
                st.set("Err", tx.err());
            }
            v.put("confirmationStatus", status.wireName());
        }
        return withContext(ledger.slot(Commitment.PROCESSED), values);
    }

    private JsonNode sendTransaction(JsonNode params) {
        String payload = requiredText(params, 0, "transaction");
        JsonNode config = config(params, 1);
        String encoding = config != null ? config.path("encoding").asText("base58") : "base58";
        byte[] wire;
        try {
            wire = switch (encoding) {
                case "base64" -> Base64.getDecoder().decode(payload);
                case "base58" -> Base58.decode(payload);
                default -> throw RpcError.invalidParams("Invalid params: unknown variant `" + encoding + "`, expected `base58` or `base64`.");
            };
        } catch (IllegalArgumentException e) {
            throw RpcError.invalidParams("invalid transaction: Transaction failed to deserialize");
        }
        WireTransaction tx;
        try {
            tx = WireTransaction.parse(wire);
        } catch (IllegalArgumentException e) {
            throw RpcError.invalidParams("invalid transaction: Transaction failed to deserialize");
        }
        if (ledger.find(tx.signature(), Commitment.PROCESSED).isPresent()) {
            return mapper.getNodeFactory().textNode(tx.signature());
        }
        Optional<TransactionDraft> draft = processor.process(tx, ledger);
        draft.ifPresent(d -> {
            if (ledger.find(tx.signature(), Commitment.PROCESSED).isEmpty()) {
                ledger.append(d.signature() == null ? d.signature(tx.signature()) : d);
            }
        });
        return mapper.getNodeFactory().textNode(tx.signature());
    }

    private JsonNode accountJson(SimAccount account, String encoding) {
        if (account == null) {
            return mapper.nullNode();
        }
        ObjectNode n = mapper.createObjectNode();
        byte[] data = account.data();
        if (encoding == null) {
            n.put("data", Base58.encode(data));
        } else if (encoding.equals("base58")) {
            n.putArray("data").add(Base58.encode(data)).add("base58");
        } else {
            n.putArray("data").add(Base64.getEncoder().encodeToString(data)).add("base64");
        }
        n.put("executable", account.executable());
        n.put("lamports", account.lamports());
        n.put("owner", account.owner());
        n.put("rentEpoch", new java.math.BigInteger("18446744073709551615"));
        n.put("space", data.length);
        return n;
    }

    private static String encodingOf(JsonNode config) {
        if (config == null || !config.path("encoding").isTextual()) {
            return null;
        }
        String e = config.get("encoding").asText();
        return e.equals("jsonParsed") || e.equals("base64+zstd") ? "base64" : e;
    }

    private JsonNode accountInfo(JsonNode params) {
        String address = requiredAddress(params, 0);
        JsonNode config = config(params, 1);
        return withContext(slotAt(config), accountJson(accounts.get(address), encodingOf(config)));
    }

    private JsonNode multipleAccounts(JsonNode params) {
        JsonNode addresses = params.path(0);
        if (!addresses.isArray()) {
            throw RpcError.invalidParams("Invalid params: expected an array of addresses.");
        }
        if (addresses.size() > 100) {
            throw RpcError.invalidParams("Too many inputs provided; max 100");
        }
        JsonNode config = config(params, 1);
        ArrayNode values = mapper.createArrayNode();
        for (JsonNode a : addresses) {
            values.add(accountJson(accounts.get(a.asText()), encodingOf(config)));
        }
        return withContext(slotAt(config), values);
    }

    private JsonNode balance(JsonNode params) {
        String address = requiredAddress(params, 0);
        SimAccount account = accounts.get(address);
        return withContext(slotAt(config(params, 1)), number(account == null ? 0 : account.lamports()));
    }

    private JsonNode blockTime(JsonNode params) {
        long slot = requiredLong(params, 0, "slot");
        if (slot > ledger.slot(Commitment.CONFIRMED) || slot < ledger.firstSlot()) {
            throw new RpcError(-32004, "Block not available for slot " + slot);
        }
        List<SimTransaction> all = ledger.all();
        for (SimTransaction tx : all) {
            if (tx.slot() == slot) {
                return number(tx.blockTime());
            }
        }
        return number(ledger.clock().blockTimeAt(slot));
    }

    private JsonNode version() {
        ObjectNode n = mapper.createObjectNode();
        n.put("feature-set", 3_294_202_862L);
        n.put("solana-core", API_VERSION);
        return n;
    }

    private JsonNode epochInfo(JsonNode config) {
        long slot = slotAt(config);
        ObjectNode n = mapper.createObjectNode();
        n.put("absoluteSlot", slot);
        n.put("blockHeight", slot);
        n.put("epoch", slot / SLOTS_PER_EPOCH);
        n.put("slotIndex", slot % SLOTS_PER_EPOCH);
        n.put("slotsInEpoch", SLOTS_PER_EPOCH);
        n.put("transactionCount", ledger.transactionCount());
        return n;
    }
}
