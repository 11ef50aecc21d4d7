package com.solanamafia.projections.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.solanamafia.projections.jooq.Tables.LEADERBOARD_REFERRAL;
import static org.assertj.core.api.Assertions.assertThat;

/** COPY text sent in pieces arrives whole, whatever characters fall on the pieces' edges. */
class BulkCopyTest {
    static ReadModelDb rm;

    @BeforeAll
    static void database() {
        rm = ReadModelDb.fresh("bulk-copy");
    }

    @AfterAll
    static void close() {
        rm.close();
    }

    @Test
    void textOfManyPiecesWithMultiByteAndSurrogatePairCharactersArrivesWhole() {
        List<String> values = new ArrayList<>();
        StringBuilder copy = new StringBuilder();
        // rows of varying length, so the 16 KiB pieces end inside 2-, 3- and 4-byte characters (a pair of surrogates)
        String[] samples = {"plain ascii", "zł ó", "日本語テキスト", "emoji 🎲🏦 pair", "mixed 💰 ä € 🎯"};
        for (int i = 0; i < 6_000; i++) {
            String value = samples[i % samples.length] + " #" + i + "x".repeat(i % 17);
            values.add(value);
            copy.append(String.format("%05d", i)).append('\t');
            BulkWrite.copyValue(copy, value);
            copy.append('\n');
        }
        assertThat(copy.length()).isGreaterThan(8 * 16 * 1024);

        BulkWrite.copy(rm.db, LEADERBOARD_REFERRAL, copy);

        assertThat(rm.db.select(LEADERBOARD_REFERRAL.REFERRED_PLAYER).from(LEADERBOARD_REFERRAL)
                .orderBy(LEADERBOARD_REFERRAL.REFERRER).fetch(LEADERBOARD_REFERRAL.REFERRED_PLAYER))
                .containsExactlyElementsOf(values);
    }
}
