package com.solanamafia.command.earnings.submission;

import com.solanamafia.api.chain.Base58;
import com.solanamafia.ingest.borsh.EventCodec;
import com.solanamafia.ingest.idl.Idl;
import com.solanamafia.ingest.idl.IdlInstruction;
import com.solanamafia.ingest.idl.IdlInstructionAccount;
import com.solanamafia.ingest.idl.IdlSeed;
import org.p2p.solanaj.core.PublicKey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the program's earnings-update instruction for one player from the IDL: discriminator and args from the
 * instruction codec, accounts in IDL order with PDAs derived from their seeds (solanaj findProgramAddress).
 * Picks the instruction the operator may send: HEAD's permissionless {@code update_earnings} (one writable
 * {@code player}), else cb08020's admin-signed {@code update_single_player_earnings} (authority, player, game_state).
 * cb08020's {@code update_earnings} is owner-signed, so the operator cannot use it.
 */
public final class EarningsInstructions {
    /** findProgramAddress hashes and curve-checks up to 255 bumps: a player's PDAs are derived once, then reused. */
    private static final int PDA_CACHE_SIZE = 200_000;

    private final String programId;
    private final String operator;
    private final IdlInstruction instruction;
    private final byte[] data;
    private final PublicKey program;
    private final Map<String, String> pdas = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > PDA_CACHE_SIZE;
        }
    });

    public EarningsInstructions(Idl idl, String programId, String operator, String preferredInstruction) {
        this.programId = programId;
        this.operator = operator;
        this.program = new PublicKey(programId);
        this.instruction = choose(idl, preferredInstruction)
                .orElseThrow(() -> new IllegalArgumentException("the IDL has no earnings-update instruction the operator can sign"));
        this.data = EventCodec.of(idl).encodeInstruction(instruction.name(), Map.of());
    }

    static Optional<IdlInstruction> choose(Idl idl, String preferred) {
        if (preferred != null && !preferred.isBlank()) {
            return idl.instruction(preferred);
        }
        Optional<IdlInstruction> update = idl.instruction("update_earnings");
        if (update.isPresent() && update.get().accounts().stream().noneMatch(IdlInstructionAccount::signer)) {
            return update;   // HEAD: permissionless
        }
        return idl.instruction("update_single_player_earnings");
    }

    public String instructionName() {
        return instruction.name();
    }

    public String programId() {
        return programId;
    }

    public LegacyMessage.Instruction forPlayer(String wallet) {
        List<LegacyMessage.AccountMeta> metas = new ArrayList<>();
        for (IdlInstructionAccount a : instruction.accounts()) {
            metas.add(new LegacyMessage.AccountMeta(resolve(a, wallet), a.signer(), a.writable()));
        }
        return new LegacyMessage.Instruction(programId, metas, data.clone());
    }

    public byte[] data() {
        return data.clone();
    }

    private String resolve(IdlInstructionAccount a, String wallet) {
        if (a.address() != null) {
            return a.address();
        }
        if (a.signer()) {
            return operator;   // authority
        }
        if (a.pda() != null) {
            boolean perPlayer = a.pda().seeds().stream()
                    .anyMatch(seed -> seed.kind() == IdlSeed.Kind.ACCOUNT && !seed.path().equals("authority"));
            return pdas.computeIfAbsent(perPlayer ? a.name() + ':' + wallet : a.name(), key -> derive(a, wallet));
        }
        throw new IllegalStateException("cannot resolve account " + a.name() + " of " + instruction.name());
    }

    private String derive(IdlInstructionAccount a, String wallet) {
        List<byte[]> seeds = new ArrayList<>();
        for (IdlSeed seed : a.pda().seeds()) {
            switch (seed.kind()) {
                case CONST -> seeds.add(seed.constValue());
                case ACCOUNT -> seeds.add(Base58.decode(seed.path().equals("authority") ? operator : wallet));
                case ARG -> throw new IllegalStateException("earnings update takes no args; seed " + seed);
            }
        }
        return PublicKey.findProgramAddress(seeds, program).getAddress().toBase58();
    }
}
