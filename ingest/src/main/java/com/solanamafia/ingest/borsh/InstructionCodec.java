package com.solanamafia.ingest.borsh;

import com.solanamafia.ingest.idl.Idl;
import com.solanamafia.ingest.idl.IdlInstruction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Instruction data of one IDL: 8-byte discriminator, then the args in IDL order (normalized values). */
public final class InstructionCodec {
    private final LayoutTable layouts;

    InstructionCodec(Idl idl, TypeCodec types) {
        List<LayoutTable.Layout> list = new ArrayList<>();
        for (IdlInstruction ix : idl.instructions()) {
            list.add(new LayoutTable.Layout(ix.name(), ix.discriminator(), types.struct(ix.name(), ix.args())));
        }
        layouts = new LayoutTable("instruction", list);
    }

    public static InstructionCodec of(Idl idl) {
        return new InstructionCodec(idl, TypeCodec.of(idl));
    }

    /** @throws EncodeException when the instruction is unknown or an arg does not fit its type */
    public byte[] encodeInstruction(String name, Map<String, ?> args) {
        return layouts.encode(name, args);
    }

    /** Empty for an unknown discriminator; DecodeException when the args do not match exactly. */
    public Optional<DecodedPayload> decodeInstruction(byte[] data) {
        return layouts.decode(data, false);
    }

    public Set<String> names() {
        return layouts.names();
    }
}
