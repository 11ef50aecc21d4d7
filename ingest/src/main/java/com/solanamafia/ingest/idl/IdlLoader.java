package com.solanamafia.ingest.idl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an Anchor IDL (format of Anchor 0.30+). Also accepts the older {@code {"defined":"Name"}} and
 * {@code "publicKey"} spellings of types. Every {@code defined} reference, and the type of every event and
 * account, is checked to exist, so a loaded IDL can always be compiled.
 */
public final class IdlLoader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private IdlLoader() {
    }

    public static Idl load(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read IDL " + path + ": " + e.getMessage(), e);
        }
    }

    public static Idl load(InputStream in) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IdlFormatException("IDL is not valid JSON: " + e.getMessage(), e);
        }
        return fromJson(root);
    }

    public static Idl parse(String json) {
        try {
            return fromJson(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new IdlFormatException("IDL is not valid JSON: " + e.getMessage(), e);
        }
    }

    public static Idl fromJson(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IdlFormatException("IDL must be a JSON object");
        }
        JsonNode meta = root.path("metadata");
        IdlMetadata metadata = new IdlMetadata(text(meta, "name"), text(meta, "version"), text(meta, "spec"),
                text(meta, "description"));
        String address = text(root, "address");
        if (address == null) {
            address = text(meta, "address");
        }
        List<IdlInstruction> instructions = new ArrayList<>();
        for (JsonNode ix : root.path("instructions")) {
            instructions.add(instruction(ix));
        }
        List<IdlAccount> accounts = new ArrayList<>();
        for (JsonNode acc : root.path("accounts")) {
            accounts.add(new IdlAccount(required(acc, "name", "account"), discriminator(acc, "account")));
        }
        List<IdlEvent> events = new ArrayList<>();
        for (JsonNode ev : root.path("events")) {
            events.add(new IdlEvent(required(ev, "name", "event"), discriminator(ev, "event")));
        }
        List<IdlError> errors = new ArrayList<>();
        for (JsonNode err : root.path("errors")) {
            errors.add(new IdlError(err.path("code").asInt(), text(err, "name"), text(err, "msg")));
        }
        List<IdlTypeDef> types = new ArrayList<>();
        for (JsonNode t : root.path("types")) {
            types.add(typeDef(t));
        }
        Idl idl = new Idl(address, metadata, instructions, accounts, events, errors, types);
        validate(idl);
        return idl;
    }

    private static IdlInstruction instruction(JsonNode ix) {
        String name = required(ix, "name", "instruction");
        List<IdlInstructionAccount> accounts = new ArrayList<>();
        for (JsonNode acc : ix.path("accounts")) {
            accounts.add(instructionAccount(acc));
        }
        List<IdlField> args = new ArrayList<>();
        for (JsonNode arg : ix.path("args")) {
            args.add(new IdlField(required(arg, "name", "argument of " + name), type(arg.get("type"), name)));
        }
        JsonNode returns = ix.get("returns");
        return new IdlInstruction(name, discriminator(ix, "instruction " + name), accounts, args,
                returns == null || returns.isNull() ? null : type(returns, name + " returns"));
    }

    private static IdlInstructionAccount instructionAccount(JsonNode acc) {
        String name = required(acc, "name", "instruction account");
        List<IdlInstructionAccount> nested = new ArrayList<>();
        for (JsonNode inner : acc.path("accounts")) {
            nested.add(instructionAccount(inner));
        }
        List<String> relations = new ArrayList<>();
        for (JsonNode r : acc.path("relations")) {
            relations.add(r.asText());
        }
        IdlPda pda = null;
        JsonNode pdaNode = acc.get("pda");
        if (pdaNode != null && pdaNode.isObject()) {
            List<IdlSeed> seeds = new ArrayList<>();
            for (JsonNode s : pdaNode.path("seeds")) {
                seeds.add(seed(s, name));
            }
            JsonNode program = pdaNode.get("program");
            pda = new IdlPda(seeds, program == null ? null : seed(program, name));
        }
        // Older IDLs spell these isMut / isSigner / isOptional.
        return new IdlInstructionAccount(name,
                acc.path("writable").asBoolean(false) || acc.path("isMut").asBoolean(false),
                acc.path("signer").asBoolean(false) || acc.path("isSigner").asBoolean(false),
                acc.path("optional").asBoolean(false) || acc.path("isOptional").asBoolean(false),
                text(acc, "address"), pda, relations, nested);
    }

    private static IdlSeed seed(JsonNode s, String accountName) {
        String kind = required(s, "kind", "seed of " + accountName);
        return switch (kind) {
            case "const" -> {
                JsonNode value = s.get("value");
                if (value == null || !value.isArray()) {
                    throw new IdlFormatException("const seed of " + accountName + " has no byte array value");
                }
                byte[] bytes = new byte[value.size()];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) value.get(i).asInt();
                }
                yield new IdlSeed(IdlSeed.Kind.CONST, bytes, null, null);
            }
            case "arg" -> new IdlSeed(IdlSeed.Kind.ARG, null, text(s, "path"), null);
            case "account" -> new IdlSeed(IdlSeed.Kind.ACCOUNT, null, text(s, "path"), text(s, "account"));
            default -> throw new IdlFormatException("unknown seed kind '" + kind + "' in " + accountName);
        };
    }

    private static IdlTypeDef typeDef(JsonNode t) {
        String name = required(t, "name", "type");
        if (t.has("generics") && t.get("generics").size() > 0) {
            throw new IdlFormatException("type " + name + " has generics, which this decoder does not support");
        }
        JsonNode body = t.get("type");
        if (body == null || !body.isObject()) {
            throw new IdlFormatException("type " + name + " has no 'type' object");
        }
        String kind = required(body, "kind", "type " + name);
        return switch (kind) {
            case "struct" -> new IdlTypeDef(name, new IdlTypeDef.Struct(fields(body.get("fields"), name)));
            case "enum" -> {
                List<IdlEnumVariant> variants = new ArrayList<>();
                for (JsonNode v : body.path("variants")) {
                    String vName = required(v, "name", "variant of " + name);
                    variants.add(new IdlEnumVariant(vName, fields(v.get("fields"), name + "::" + vName)));
                }
                if (variants.size() > 256) {
                    throw new IdlFormatException("enum " + name + " has more than 256 variants");
                }
                yield new IdlTypeDef(name, new IdlTypeDef.Enum(variants));
            }
            case "type" -> new IdlTypeDef(name, new IdlTypeDef.Alias(type(body.get("alias"), name)));
            default -> throw new IdlFormatException("type " + name + " has unknown kind '" + kind + "'");
        };
    }

    /** Named fields are objects with name and type; tuple fields are bare types. */
    private static IdlFields fields(JsonNode fields, String owner) {
        if (fields == null || fields.isNull() || fields.isEmpty()) {
            return IdlFields.NONE;
        }
        boolean tuple = !(fields.get(0).isObject() && fields.get(0).has("name") && fields.get(0).has("type"));
        List<IdlField> list = new ArrayList<>();
        int index = 0;
        for (JsonNode f : fields) {
            if (tuple) {
                list.add(new IdlField(Integer.toString(index), type(f, owner)));
            } else {
                list.add(new IdlField(required(f, "name", "field of " + owner), type(f.get("type"), owner)));
            }
            index++;
        }
        return new IdlFields(list, tuple);
    }

    public static IdlType type(JsonNode node, String owner) {
        if (node == null || node.isNull()) {
            throw new IdlFormatException("missing type in " + owner);
        }
        if (node.isTextual()) {
            return switch (node.asText()) {
                case "u8" -> IdlType.of(IdlType.Kind.U8);
                case "i8" -> IdlType.of(IdlType.Kind.I8);
                case "u16" -> IdlType.of(IdlType.Kind.U16);
                case "i16" -> IdlType.of(IdlType.Kind.I16);
                case "u32" -> IdlType.of(IdlType.Kind.U32);
                case "i32" -> IdlType.of(IdlType.Kind.I32);
                case "u64" -> IdlType.of(IdlType.Kind.U64);
                case "i64" -> IdlType.of(IdlType.Kind.I64);
                case "u128" -> IdlType.of(IdlType.Kind.U128);
                case "i128" -> IdlType.of(IdlType.Kind.I128);
                case "f32" -> IdlType.of(IdlType.Kind.F32);
                case "f64" -> IdlType.of(IdlType.Kind.F64);
                case "bool" -> IdlType.of(IdlType.Kind.BOOL);
                case "string" -> IdlType.of(IdlType.Kind.STRING);
                case "pubkey", "publicKey" -> IdlType.of(IdlType.Kind.PUBKEY);
                case "bytes" -> IdlType.of(IdlType.Kind.BYTES);
                default -> throw new IdlFormatException("unsupported type '" + node.asText() + "' in " + owner);
            };
        }
        if (node.isObject() && node.size() == 1) {
            String key = node.fieldNames().next();
            JsonNode value = node.get(key);
            switch (key) {
                case "vec":
                    return new IdlType.Vec(type(value, owner));
                case "option":
                    return new IdlType.Option(type(value, owner));
                case "array":
                    if (value.isArray() && value.size() == 2 && value.get(1).canConvertToInt()) {
                        return new IdlType.Array(type(value.get(0), owner), value.get(1).asInt());
                    }
                    throw new IdlFormatException("array type in " + owner + " must be [type, length] with a "
                            + "literal length, got " + value);
                case "defined":
                    if (value.isTextual()) {
                        return new IdlType.Defined(value.asText());
                    }
                    if (value.isObject() && value.path("name").isTextual()) {
                        if (value.has("generics") && value.get("generics").size() > 0) {
                            throw new IdlFormatException("generic type arguments in " + owner + " are not supported");
                        }
                        return new IdlType.Defined(value.get("name").asText());
                    }
                    throw new IdlFormatException("defined type in " + owner + " has no name: " + value);
                default:
                    break;
            }
        }
        throw new IdlFormatException("unsupported type " + node + " in " + owner);
    }

    private static Discriminator discriminator(JsonNode node, String owner) {
        JsonNode d = node.get("discriminator");
        if (d == null || !d.isArray() || d.size() != Discriminator.LENGTH) {
            throw new IdlFormatException(owner + " has no 8-byte discriminator (is this a pre-0.30 IDL?)");
        }
        List<Integer> values = new ArrayList<>();
        for (JsonNode b : d) {
            values.add(b.asInt());
        }
        try {
            return Discriminator.ofUnsignedBytes(values);
        } catch (IllegalArgumentException e) {
            throw new IdlFormatException(owner + ": " + e.getMessage());
        }
    }

    private static void validate(Idl idl) {
        var types = idl.typesByName();
        if (types.size() != idl.types().size()) {
            throw new IdlFormatException("IDL defines a type name twice");
        }
        for (IdlTypeDef t : idl.types()) {
            if (t.body() instanceof IdlTypeDef.Struct s) {
                s.fields().fields().forEach(f -> checkRefs(f.type(), types.keySet(), t.name()));
            } else if (t.body() instanceof IdlTypeDef.Enum e) {
                e.variants().forEach(v -> v.fields().fields().forEach(f -> checkRefs(f.type(), types.keySet(), t.name())));
            } else if (t.body() instanceof IdlTypeDef.Alias a) {
                checkRefs(a.value(), types.keySet(), t.name());
            }
        }
        for (IdlInstruction ix : idl.instructions()) {
            ix.args().forEach(a -> checkRefs(a.type(), types.keySet(), ix.name()));
        }
        checkUnique(idl.events().stream().map(e -> e.discriminator().key()).toList(), "event discriminator");
        checkUnique(idl.instructions().stream().map(e -> e.discriminator().key()).toList(), "instruction discriminator");
        for (IdlEvent e : idl.events()) {
            if (!(types.get(e.name()) != null && types.get(e.name()).body() instanceof IdlTypeDef.Struct)) {
                throw new IdlFormatException("event " + e.name() + " has no struct in types");
            }
        }
        for (IdlAccount a : idl.accounts()) {
            if (!types.containsKey(a.name())) {
                throw new IdlFormatException("account " + a.name() + " has no entry in types");
            }
        }
    }

    private static void checkUnique(List<Long> keys, String what) {
        Set<Long> seen = new HashSet<>();
        for (Long k : keys) {
            if (!seen.add(k)) {
                throw new IdlFormatException("duplicate " + what);
            }
        }
    }

    private static void checkRefs(IdlType type, Set<String> known, String owner) {
        if (type instanceof IdlType.Defined d && !known.contains(d.name())) {
            throw new IdlFormatException(owner + " refers to undefined type " + d.name());
        } else if (type instanceof IdlType.Vec v) {
            checkRefs(v.element(), known, owner);
        } else if (type instanceof IdlType.Option o) {
            checkRefs(o.element(), known, owner);
        } else if (type instanceof IdlType.Array a) {
            checkRefs(a.element(), known, owner);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String required(JsonNode node, String field, String what) {
        String v = text(node, field);
        if (v == null) {
            throw new IdlFormatException(what + " has no '" + field + "'");
        }
        return v;
    }
}
