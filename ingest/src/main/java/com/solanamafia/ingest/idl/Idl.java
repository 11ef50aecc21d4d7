package com.solanamafia.ingest.idl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An Anchor IDL in the format of Anchor 0.30 and later. Load one with {@link IdlLoader}. */
public record Idl(String address, IdlMetadata metadata, List<IdlInstruction> instructions,
                  List<IdlAccount> accounts, List<IdlEvent> events, List<IdlError> errors,
                  List<IdlTypeDef> types) {

    public Idl {
        instructions = List.copyOf(instructions);
        accounts = List.copyOf(accounts);
        events = List.copyOf(events);
        errors = List.copyOf(errors);
        types = List.copyOf(types);
    }

    public Map<String, IdlTypeDef> typesByName() {
        Map<String, IdlTypeDef> byName = new LinkedHashMap<>();
        for (IdlTypeDef t : types) {
            byName.put(t.name(), t);
        }
        return byName;
    }

    public Optional<IdlTypeDef> type(String name) {
        return types.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<IdlEvent> event(String name) {
        return events.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public Optional<IdlInstruction> instruction(String name) {
        return instructions.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    public Optional<IdlError> error(int code) {
        return errors.stream().filter(e -> e.code() == code).findFirst();
    }
}
