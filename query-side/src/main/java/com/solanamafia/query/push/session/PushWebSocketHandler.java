package com.solanamafia.query.push.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.query.push.Channels;
import com.solanamafia.query.push.PushMessages;
import com.solanamafia.query.push.PushProperties;
import com.solanamafia.query.push.auth.Challenge;
import com.solanamafia.query.push.auth.WalletAuthenticator;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The {@code /ws} protocol: challenge/auth, subscribe/unsubscribe with resume, ping/pong, errors and limits. */
public class PushWebSocketHandler extends AbstractWebSocketHandler {
    private static final Logger log = LoggerFactory.getLogger(PushWebSocketHandler.class);

    private final SessionRegistry registry;
    private final WalletAuthenticator authenticator;
    private final PushMessages messages;
    private final PushProperties properties;
    private final MeterRegistry meters;
    private final Map<String, PushSession> bySession = new ConcurrentHashMap<>();

    public PushWebSocketHandler(SessionRegistry registry, WalletAuthenticator authenticator, PushMessages messages,
                                PushProperties properties, MeterRegistry meters) {
        this.registry = registry;
        this.authenticator = authenticator;
        this.messages = messages;
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public boolean supportsPartialMessages() {
        return true; // so an oversize message is discarded piece by piece instead of buffered
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        PushSession push = registry.open(session);
        bySession.put(session.getId(), push);
        issueChallenge(push);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        bySession.remove(session.getId());
        registry.closed(session.getId());
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("push session {}: transport error: {}", session.getId(), exception.toString());
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        PushSession push = bySession.get(session.getId());
        if (push != null && message.isLast() && admit(push)) {
            error(push, "unsupported", "binary frames are not supported; send JSON text", null);
        }
    }

    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
        PushSession push = bySession.get(session.getId());
        if (push != null) {
            push.touched(System.nanoTime());
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        PushSession push = bySession.get(session.getId());
        if (push == null) {
            return;
        }
        String text = push.accumulate(message.getPayload(), message.isLast(), properties.maxFrameBytes());
        if (text == null) {
            if (push.takeOversize() && admit(push)) {
                error(push, "frame_too_large", "messages are limited to " + properties.maxFrameBytes() + " characters", null);
            }
            return;
        }
        if (!admit(push)) {
            return;
        }
        JsonNode node;
        try {
            node = messages.json().readTree(text);
        } catch (JsonProcessingException e) {
            error(push, "bad_json", "not a JSON document", null);
            return;
        }
        if (node == null || !node.isObject() || !node.path("type").isTextual()) {
            error(push, "bad_message", "expected a JSON object with a string \"type\"", null);
            return;
        }
        String type = node.get("type").asText();
        meters.counter("websocket.client.messages", "type", knownType(type)).increment();
        switch (type) {
            case "auth" -> auth(push, node);
            case "challenge" -> issueChallenge(push);
            case "subscribe" -> subscribe(push, node);
            case "unsubscribe" -> unsubscribe(push, node);
            case "ping" -> push.send(messages.pong(authenticator.now()));
            case "pong" -> { }
            default -> error(push, "unknown_type", "unknown message type", null);
        }
    }

    private static String knownType(String type) {
        return switch (type) {
            case "auth", "challenge", "subscribe", "unsubscribe", "ping", "pong" -> type;
            default -> "other";
        };
    }

    /** Counts the message against the rate limit: false when refused; closes far above the limit. */
    private boolean admit(PushSession push) {
        long now = System.nanoTime();
        push.touched(now);
        int count = push.countMessage(now);
        int limit = properties.clientMessagesPerSecond();
        if (count <= limit) {
            return true;
        }
        if (count == limit + 1) {
            error(push, "rate_limited", "more than " + limit + " messages per second; this one and the rest of the second are ignored", null);
        } else if (count > 5 * limit) {
            push.close(CloseCodes.FLOOD);
        }
        return false;
    }

    private void issueChallenge(PushSession push) {
        if (push.wallet() != null) {
            error(push, "already_authenticated", "this connection is authenticated as " + push.wallet(), null);
            return;
        }
        Challenge challenge = authenticator.issue();
        push.challenge(challenge);
        push.send(messages.challenge(challenge.nonce(), challenge.expiresAt(), challenge.message()));
    }

    private void auth(PushSession push, JsonNode node) {
        if (push.wallet() != null) {
            error(push, "already_authenticated", "this connection is authenticated as " + push.wallet(), null);
            return;
        }
        Challenge challenge = push.challenge();
        push.challenge(null); // single use: whatever happens next, this challenge is spent
        String nonce = node.path("nonce").isTextual() ? node.get("nonce").asText() : null;
        if (challenge == null || (nonce != null && !nonce.equals(challenge.nonce()))) {
            authFailed(push, "invalid_challenge", "no such challenge on this connection (each challenge is single-use)");
            return;
        }
        String walletText = node.path("wallet").asText("");
        if (!Wallet.isValid(walletText)) {
            authFailed(push, "invalid_wallet", "wallet must be a base58 32-byte public key");
            return;
        }
        Wallet wallet = Wallet.of(walletText);
        switch (authenticator.verify(challenge, wallet, node.path("signature").asText(""))) {
            case EXPIRED -> authFailed(push, "challenge_expired", "the challenge expired at " + challenge.expiresAt());
            case BAD_SIGNATURE -> authFailed(push, "bad_signature",
                    "signature must be the base58 ed25519 signature of the challenge message by the wallet");
            case OK -> {
                if (registry.tryAuthenticate(push, wallet)) {
                    meters.counter("websocket.auth", "result", "ok").increment();
                    push.send(messages.authenticated(wallet.base58()));
                } else {
                    authFailed(push, "too_many_connections",
                            "at most " + properties.maxConnectionsPerWallet() + " connections per wallet");
                }
            }
        }
    }

    private void authFailed(PushSession push, String code, String message) {
        meters.counter("websocket.auth", "result", code).increment();
        error(push, code, message, null);
        issueChallenge(push);
    }

    /** {"channels": ["stats:global", {"channel": "player:…", "lastSeq": 41}]} */
    private record Request(String channel, Long lastSeq) {
    }

    private List<Request> requests(PushSession push, JsonNode node) {
        JsonNode channels = node.get("channels");
        if (channels == null || !channels.isArray() || channels.isEmpty()) {
            error(push, "bad_message", "\"channels\" must be a non-empty array", null);
            return List.of();
        }
        List<Request> out = new ArrayList<>();
        for (JsonNode item : channels) {
            if (item.isTextual()) {
                out.add(new Request(item.asText(), null));
            } else if (item.isObject() && item.path("channel").isTextual()) {
                JsonNode seq = item.get("lastSeq");
                if (seq != null && !seq.isNull() && !(seq.canConvertToExactIntegral() && seq.canConvertToLong() && seq.asLong() >= 0)) {
                    error(push, "bad_message", "lastSeq must be a non-negative integer", item.get("channel").asText());
                    continue;
                }
                out.add(new Request(item.get("channel").asText(), seq == null || seq.isNull() ? null : seq.asLong()));
            } else {
                error(push, "bad_message", "each channel is a string or {\"channel\", \"lastSeq\"}", null);
            }
        }
        return out;
    }

    private void subscribe(PushSession push, JsonNode node) {
        for (Request request : requests(push, node)) {
            String channel = request.channel();
            Channels.Access access = Channels.access(channel);
            if (access instanceof Channels.Unknown) {
                error(push, "unknown_channel", "channels are stats:global, leaderboard:<" + String.join("|", Channels.LEADERBOARDS)
                        + ">, player:<wallet>", channel);
                continue;
            }
            if (access instanceof Channels.Owner owner) {
                if (push.wallet() == null) {
                    error(push, "auth_required", "authenticate as the wallet before subscribing to its channel", channel);
                    continue;
                }
                if (!push.wallet().equals(owner.wallet())) {
                    error(push, "forbidden", "this connection may only follow player:" + push.wallet(), channel);
                    continue;
                }
            }
            if (!push.subscriptions().containsKey(channel) && push.subscriptions().size() >= properties.maxSubscriptions()) {
                error(push, "too_many_subscriptions", "at most " + properties.maxSubscriptions() + " channels per connection", channel);
                continue;
            }
            try {
                registry.subscribe(push, channel, request.lastSeq());
            } catch (RuntimeException e) {
                log.warn("push subscribe to {} failed: {}", channel, e.toString());
                error(push, "unavailable", "the push store is unavailable; retry shortly", channel);
            }
        }
    }

    private void unsubscribe(PushSession push, JsonNode node) {
        for (Request request : requests(push, node)) {
            if (registry.unsubscribe(push, request.channel())) {
                push.send(messages.unsubscribed(request.channel()));
            } else {
                error(push, "not_subscribed", "not subscribed to this channel", request.channel());
            }
        }
    }

    private void error(PushSession push, String code, String message, String channel) {
        meters.counter("websocket.errors", "code", code).increment();
        push.send(messages.error(code, message, channel));
    }
}
