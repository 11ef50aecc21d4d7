package com.solanamafia.command.earnings.submission;

import com.solanamafia.api.chain.Base58;
import com.solanamafia.ingest.idl.Idl;
import com.solanamafia.ingest.idl.IdlLoader;
import org.junit.jupiter.api.Test;
import org.p2p.solanaj.core.PublicKey;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EarningsInstructionsTest {
    static final String PROGRAM = "3Ly6bEWRfKyVGwrRN27gHhBogo1K4HbZyk69KHW9AUx7";
    static final String OPERATOR = "fj3kMmw2m69nMpMngG6MqU6CWExvm74eRNPejDR378H";
    static final String ALICE = "9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin";
    static final String BOB = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T";

    @Test
    void everyPlayerGetsItsOwnPlayerAccountAndAllShareTheGameState() {
        EarningsInstructions instructions = new EarningsInstructions(idlFull(), PROGRAM, OPERATOR, null);
        assertThat(instructions.instructionName()).isEqualTo("update_single_player_earnings");
        for (int round = 0; round < 2; round++) {   // the second round is served from the PDA cache
            for (String wallet : List.of(ALICE, BOB)) {
                List<LegacyMessage.AccountMeta> accounts = instructions.forPlayer(wallet).accounts();
                assertThat(accounts).extracting(LegacyMessage.AccountMeta::pubkey)
                        .containsExactly(OPERATOR, pda("player", wallet), pda("game_state", null));
                assertThat(accounts.get(1).writable()).isTrue();
            }
        }
        assertThat(pda("player", ALICE)).isNotEqualTo(pda("player", BOB));
    }

    static String pda(String prefix, String wallet) {
        List<byte[]> seeds = wallet == null ? List.of(prefix.getBytes(StandardCharsets.UTF_8))
                : List.of(prefix.getBytes(StandardCharsets.UTF_8), Base58.decode(wallet));
        try {
            return PublicKey.findProgramAddress(seeds, new PublicKey(PROGRAM)).getAddress().toBase58();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Idl idlFull() {
        for (Path candidate : List.of(Path.of("..", "..", "shared"), Path.of("..", "shared"))) {
            Path idl = candidate.resolve("testdata/anchor-events/idl-full.json");
            if (Files.exists(idl)) {
                return IdlLoader.load(idl);
            }
        }
        throw new IllegalStateException("shared test data not found");
    }
}
