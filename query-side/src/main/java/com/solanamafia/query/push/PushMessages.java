package com.solanamafia.query.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** JSON text of every server message. */
public final class PushMessages {
    private final ObjectMapper json;

    public PushMessages(ObjectMapper json) {
        this.json = json;
    }

    public ObjectMapper json() {
        return json;
    }

    private ObjectNode typed(String type) {
        ObjectNode node = json.createObjectNode();
        node.put("type", type);
        return node;
    }

    private String text(ObjectNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String challenge(String nonce, Instant expiresAt, String message) {
        ObjectNode n = typed("challenge");
        n.put("nonce", nonce);
        n.put("expiresAt", expiresAt.toString());
        n.put("message", message);
        return text(n);
    }

    public String authenticated(String wallet) {
        ObjectNode n = typed("authenticated");
        n.put("wallet", wallet);
        return text(n);
    }

    public String subscribed(String channel, long seq, int replayed) {
        ObjectNode n = typed("subscribed");
        n.put("channel", channel);
        n.put("seq", seq);
        n.put("replayed", replayed);
        return text(n);
    }

    public String unsubscribed(String channel) {
        ObjectNode n = typed("unsubscribed");
        n.put("channel", channel);
        return text(n);
    }

    public String resync(String channel, long seq, long position, String reason) {
        ObjectNode n = typed("resync");
        n.put("channel", channel);
        n.put("seq", seq);
        n.put("position", position);
        n.put("reason", reason);
        return text(n);
    }

    public String error(String code, String message, String channel) {
        ObjectNode n = typed("error");
        n.put("code", code);
        n.put("message", message);
        if (channel != null) {
            n.put("channel", channel);
        }
        return text(n);
    }

    public String ping(Instant now) {
        ObjectNode n = typed("ping");
        n.put("timestamp", now.toString());
        return text(n);
    }

    public String pong(Instant now) {
        ObjectNode n = typed("pong");
        n.put("timestamp", now.toString());
        return text(n);
    }

    /** The part of an event message before its seq. */
    public String eventHead(String channel) {
        return "{\"type\":\"event\",\"channel\":" + quote(channel) + ",\"seq\":";
    }

    /** The part of an event message after its seq. */
    public String eventTail(String event, long position, Instant timestamp, ObjectNode data) {
        return ",\"event\":" + quote(event) + ",\"position\":" + position + ",\"timestamp\":" + quote(timestamp.toString())
                + ",\"data\":" + text(data) + "}";
    }

    private String quote(String s) {
        try {
            return json.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
