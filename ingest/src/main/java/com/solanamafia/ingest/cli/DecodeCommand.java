package com.solanamafia.ingest.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.solanamafia.ingest.borsh.DecodeException;
import com.solanamafia.ingest.borsh.DecodedPayload;
import com.solanamafia.ingest.borsh.EventCodec;
import com.solanamafia.ingest.borsh.StrictBase64;
import com.solanamafia.ingest.idl.Discriminator;
import com.solanamafia.ingest.idl.Idl;
import com.solanamafia.ingest.idl.IdlLoader;
import com.solanamafia.ingest.idl.IdlRegistry;
import com.solanamafia.ingest.logs.DecodeFailure;
import com.solanamafia.ingest.logs.DecodedEvent;
import com.solanamafia.ingest.logs.TransactionDecodeResult;
import com.solanamafia.ingest.logs.TransactionLogDecoder;
import com.solanamafia.ingest.logs.UnknownEvent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code decode --idl <idl.json> [--program-id <id>]}: JSON lines in, exactly one JSON line out per input
 * line, in order.
 * <ul>
 *   <li>{@code {"log":"Program data: <b64>"}} gives {@code {"events":[{"event":name,"fields":{...}}]}}.
 *       A line that is not {@code Program data:} gives {@code {"events":[]}}. An unknown discriminator
 *       gives {@code {"events":[],"unknown":[{"discriminator":"<hex>","data":"<b64>"}]}}.</li>
 *   <li>{@code {"logMessages":[...],"err":...,"programId"?,"signature"?,"slot"?}} gives
 *       {@code {"events":[...],"truncated":bool}}, events in log order, plus {@code "failedTransaction":true}
 *       when {@code err} is set (then events is empty), and {@code "unknown"} / {@code "failures"} arrays
 *       only when non-empty. The program is {@code --program-id}, else the line's {@code programId}, else
 *       the IDL's address.</li>
 *   <li>Anything else (blank line, bad JSON, bad base64, a payload of the wrong length, ...) gives
 *       {@code {"error":"<reason>"}} and decoding continues with the next line.</li>
 * </ul>
 * Returns 0, or 1 when stdin cannot be read, or 2 when the IDL cannot be loaded (one error line is written).
 */
public final class DecodeCommand {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Idl idl;
    private EventCodec codec;
    private String programIdOption;
    private final Map<String, TransactionLogDecoder> decoders = new HashMap<>();

    public int run(InputStream in, PrintStream out, Path idlPath, String programIdOrNull) {
        try {
            idl = IdlLoader.load(idlPath);
            codec = EventCodec.of(idl);
        } catch (RuntimeException e) {
            out.println(error("cannot load IDL " + idlPath + ": " + e.getMessage()));
            out.flush();
            return 2;
        }
        programIdOption = programIdOrNull;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                out.println(handle(line));
            }
        } catch (IOException e) {
            out.flush();
            return 1;
        }
        out.flush();
        return 0;
    }

    String handle(String line) {
        if (line.isBlank()) {
            return error("empty line");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return error("invalid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return error("expected a JSON object");
        }
        try {
            if (node.has("log")) {
                return write(singleLog(node.get("log")));
            }
            if (node.has("logMessages")) {
                return write(transaction(node));
            }
            return error("expected an object with \"log\" or \"logMessages\"");
        } catch (BadInput e) {
            return error(e.getMessage());
        } catch (DecodeException e) {
            return error(e.getMessage());
        }
    }

    private Map<String, Object> singleLog(JsonNode log) {
        if (!log.isTextual()) {
            throw new BadInput("\"log\" must be a string");
        }
        String text = log.asText();
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> events = new ArrayList<>();
        out.put("events", events);
        if (!text.startsWith(EventCodec.PROGRAM_DATA_PREFIX)) {
            return out;
        }
        String base64 = text.substring(EventCodec.PROGRAM_DATA_PREFIX.length());
        byte[] payload = StrictBase64.decode(base64);
        Optional<DecodedPayload> decoded = codec.decode(payload);
        if (decoded.isPresent()) {
            events.add(event(decoded.get().name(), decoded.get().fields()));
        } else {
            out.put("unknown", List.of(unknown(Discriminator.hexOf(payload, 0), base64)));
        }
        return out;
    }

    private Map<String, Object> transaction(JsonNode node) {
        JsonNode logsNode = node.get("logMessages");
        if (!logsNode.isArray()) {
            throw new BadInput("\"logMessages\" must be an array of strings");
        }
        List<String> logs = new ArrayList<>(logsNode.size());
        for (JsonNode l : logsNode) {
            if (!l.isTextual()) {
                throw new BadInput("\"logMessages\" must be an array of strings");
            }
            logs.add(l.asText());
        }
        String programId = programIdOption != null ? programIdOption
                : node.path("programId").isTextual() ? node.get("programId").asText() : idl.address();
        if (programId == null) {
            throw new BadInput("no program id: pass --program-id, or give \"programId\", or use an IDL with an address");
        }
        boolean failed = node.has("err") && !node.get("err").isNull();
        String signature = node.path("signature").isTextual() ? node.get("signature").asText() : null;
        Long slot = node.path("slot").canConvertToLong() ? node.get("slot").asLong() : null;
        TransactionLogDecoder decoder = decoders.computeIfAbsent(programId,
                id -> new TransactionLogDecoder(IdlRegistry.builder().add(id, idl).build()));
        TransactionDecodeResult result = decoder.decode(signature, logs, failed, slot, null);

        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> events = new ArrayList<>();
        for (DecodedEvent e : result.events()) {
            events.add(event(e.name(), e.fields()));
        }
        out.put("events", events);
        out.put("truncated", result.truncated());
        if (result.failedTransaction()) {
            out.put("failedTransaction", true);
        }
        if (!result.unknown().isEmpty()) {
            List<Object> unknown = new ArrayList<>();
            for (UnknownEvent u : result.unknown()) {
                Map<String, Object> m = unknown(u.discriminatorHex(), u.rawBase64());
                m.put("instructionPath", u.position().instructionPath());
                m.put("ordinal", u.position().ordinal());
                unknown.add(m);
            }
            out.put("unknown", unknown);
        }
        if (!result.failures().isEmpty()) {
            List<Object> failures = new ArrayList<>();
            for (DecodeFailure f : result.failures()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("line", f.rawLine());
                m.put("reason", f.reason());
                if (f.position() != null) {
                    m.put("instructionPath", f.position().instructionPath());
                    m.put("ordinal", f.position().ordinal());
                }
                failures.add(m);
            }
            out.put("failures", failures);
        }
        return out;
    }

    private static Map<String, Object> event(String name, Map<String, Object> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", name);
        m.put("fields", fields);
        return m;
    }

    private static Map<String, Object> unknown(String discriminatorHex, String base64) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("discriminator", discriminatorHex);
        m.put("data", base64);
        return m;
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return error("cannot write output: " + e.getOriginalMessage());
        }
    }

    static String error(String reason) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("error", reason);
        return n.toString();
    }

    private static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message, null, false, false);
        }
    }
}
