package com.solanamafia.ingest.idl;

import com.solanamafia.ingest.borsh.EventCodec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which IDL describes a program's data, per program id and, across program upgrades, per slot range:
 * a version registered with {@code fromSlot} applies from that slot (inclusive) until the next version.
 * Codecs are compiled once, when the registry is built.
 */
public final class IdlRegistry {

    /** One program version. */
    public record Entry(String programId, long fromSlot, Idl idl, EventCodec codec) {
    }

    private final Map<String, List<Entry>> byProgram;

    private IdlRegistry(Map<String, List<Entry>> byProgram) {
        this.byProgram = byProgram;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A registry with one IDL for {@code programId}, valid at every slot. */
    public static IdlRegistry of(String programId, Idl idl) {
        return builder().add(programId, 0, idl).build();
    }

    /** A registry keyed by each IDL's own {@code address}, valid at every slot. */
    public static IdlRegistry of(Idl... idls) {
        Builder b = builder();
        for (Idl idl : idls) {
            b.add(idl);
        }
        return b.build();
    }

    /** The version in force at {@code slot}; empty when the program is unknown or the slot precedes every version. */
    public Optional<Entry> lookup(String programId, long slot) {
        List<Entry> versions = byProgram.get(programId);
        if (versions == null) {
            return Optional.empty();
        }
        Entry found = null;
        for (Entry e : versions) {
            if (e.fromSlot() <= slot) {
                found = e;
            } else {
                break;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Like {@link #lookup(String, long)}; when the slot is unknown (null) the newest version is used. */
    public Optional<Entry> lookup(String programId, Long slotOrNull) {
        return slotOrNull == null ? latest(programId) : lookup(programId, slotOrNull.longValue());
    }

    public Optional<Entry> latest(String programId) {
        List<Entry> versions = byProgram.get(programId);
        return versions == null ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    public boolean knows(String programId) {
        return byProgram.containsKey(programId);
    }

    public Set<String> programIds() {
        return Collections.unmodifiableSet(byProgram.keySet());
    }

    public List<Entry> versions(String programId) {
        return byProgram.getOrDefault(programId, List.of());
    }

    public static final class Builder {
        private final Map<String, List<Entry>> byProgram = new HashMap<>();
        private final Map<Idl, EventCodec> compiled = new IdentityHashMap<>();

        /** Registers the IDL under its own {@code address}, valid from slot 0. */
        public Builder add(Idl idl) {
            if (idl.address() == null) {
                throw new IllegalArgumentException("IDL has no address; register it with an explicit program id");
            }
            return add(idl.address(), 0, idl);
        }

        public Builder add(String programId, Idl idl) {
            return add(programId, 0, idl);
        }

        public Builder add(String programId, long fromSlot, Idl idl) {
            if (programId == null || programId.isBlank()) {
                throw new IllegalArgumentException("program id is required");
            }
            if (fromSlot < 0) {
                throw new IllegalArgumentException("fromSlot cannot be negative");
            }
            List<Entry> versions = byProgram.computeIfAbsent(programId, k -> new ArrayList<>());
            for (Entry e : versions) {
                if (e.fromSlot() == fromSlot) {
                    throw new IllegalArgumentException("program " + programId + " already has an IDL from slot " + fromSlot);
                }
            }
            EventCodec codec = compiled.computeIfAbsent(idl, EventCodec::of);
            versions.add(new Entry(programId, fromSlot, idl, codec));
            versions.sort(Comparator.comparingLong(Entry::fromSlot));
            return this;
        }

        public IdlRegistry build() {
            Map<String, List<Entry>> copy = new HashMap<>();
            byProgram.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return new IdlRegistry(copy);
        }
    }
}
