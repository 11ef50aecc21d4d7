package com.solanamafia.ingest.borsh;

import com.solanamafia.ingest.idl.Discriminator;
import com.solanamafia.ingest.idl.Idl;
import com.solanamafia.ingest.idl.IdlEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decodes and encodes the Anchor events of one IDL: payload = 8-byte discriminator + packed Borsh of the
 * event's struct (the bytes behind {@code Program data: <base64>}). Values are in the normalized form of
 * {@link TypeCodec}. Thread-safe once built; build one per IDL (the {@code IdlRegistry} does).
 * Also gives access to the IDL's instruction and account codecs.
 */
public final class EventCodec {
    public static final String PROGRAM_DATA_PREFIX = "Program data: ";

    private final Idl idl;
    private final TypeCodec types;
    private final LayoutTable events;
    private final InstructionCodec instructions;
    private final AccountCodec accounts;

    private EventCodec(Idl idl) {
        this.idl = idl;
        this.types = TypeCodec.of(idl);
        List<LayoutTable.Layout> layouts = new ArrayList<>();
        for (IdlEvent e : idl.events()) {
            layouts.add(new LayoutTable.Layout(e.name(), e.discriminator(), types.structOf(e.name())));
        }
        this.events = new LayoutTable("event", layouts);
        this.instructions = new InstructionCodec(idl, types);
        this.accounts = new AccountCodec(idl, types);
    }

    public static EventCodec of(Idl idl) {
        return new EventCodec(idl);
    }

    public Idl idl() {
        return idl;
    }

    public TypeCodec types() {
        return types;
    }

    public InstructionCodec instructions() {
        return instructions;
    }

    public AccountCodec accounts() {
        return accounts;
    }

    public Set<String> eventNames() {
        return events.names();
    }

    /**
     * Decodes an event payload. Empty when the first 8 bytes are not an event discriminator of this IDL
     * (not an error: a newer program version, or not an event). Throws {@link DecodeException} when the
     * payload is shorter than 8 bytes or does not match the event's layout exactly (too short, trailing
     * bytes, bad bool / option tag / enum index, invalid UTF-8).
     */
    public Optional<DecodedPayload> decode(byte[] payload) {
        return events.decode(payload, false);
    }

    /** {@link #decode} of strict base64 text; bad base64 is a {@link DecodeException}. */
    public Optional<DecodedPayload> decodeBase64(String base64) {
        return decode(StrictBase64.decode(base64));
    }

    public boolean isEvent(byte[] payload) {
        return payload.length >= Discriminator.LENGTH && events.find(Discriminator.keyOf(payload, 0)) != null;
    }

    /** The name of the event with this payload's discriminator, or null. */
    public String eventName(byte[] payload) {
        if (payload.length < Discriminator.LENGTH) {
            return null;
        }
        LayoutTable.Layout l = events.find(Discriminator.keyOf(payload, 0));
        return l == null ? null : l.name();
    }

    /**
     * Encodes an event from its normalized fields: the payload bytes that {@code Program data:} carries
     * in base64. Every field must be present (options as null); unknown fields are rejected.
     *
     * @throws EncodeException naming the field that does not fit
     */
    public byte[] encode(String eventName, Map<String, ?> normalizedFields) {
        return events.encode(eventName, normalizedFields);
    }

    /** The whole log line, {@code Program data: <base64>}, as the runtime prints it. */
    public String encodeLogLine(String eventName, Map<String, ?> normalizedFields) {
        return PROGRAM_DATA_PREFIX + StrictBase64.encode(encode(eventName, normalizedFields));
    }

    public Discriminator discriminator(String eventName) {
        return events.named(eventName).discriminator();
    }

    /** Instruction data: 8-byte discriminator + Borsh of the args in IDL order. */
    public byte[] encodeInstruction(String name, Map<String, ?> args) {
        return instructions.encodeInstruction(name, args);
    }

    public Optional<DecodedPayload> decodeInstruction(byte[] data) {
        return instructions.decodeInstruction(data);
    }
}
