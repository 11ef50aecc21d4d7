package com.solanamafia.app.config;

import com.solanamafia.app.ingest.IngestProperties;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MisspeltVariablesTest {
    private final List<String> settings = MisspeltVariables.settingNames("solana-mafia.ingest", IngestProperties.class);

    @Test
    void settingNamesAreTheRecordsComponentsInDashedForm() {
        assertThat(settings).contains("solana-mafia.ingest.window-size", "solana-mafia.ingest.poll-interval",
                "solana-mafia.ingest.enabled", "solana-mafia.ingest.versions");
    }

    @Test
    void aVariableWithItsUnderscoresElsewhereIsReportedWithTheSpellingSpringReads() {
        List<String> warnings = MisspeltVariables.warnings(Map.of("SOLANA_MAFIA_INGEST_WINDOWSIZE", "40"), settings);
        assertThat(warnings).singleElement().asString()
                .contains("SOLANA_MAFIA_INGEST_WINDOWSIZE is not read")
                .contains("solana-mafia.ingest.window-size is SOLANA_MAFIA_INGEST_WINDOW_SIZE");
    }

    @Test
    void theSpellingsSpringReadsAndOtherVariablesPassQuietly() {
        assertThat(MisspeltVariables.warnings(Map.of(
                "SOLANA_MAFIA_INGEST_WINDOW_SIZE", "40",      // every '.' and '-' as '_'
                "SOLANAMAFIA_INGEST_POLLINTERVAL", "5s",      // Spring's canonical form: dashes dropped
                "SOLANA_MAFIA_DATA_DIR", "/data",             // not an ingest setting
                "SOLANA_MAFIA_SOMETHING_ELSE", "x",           // no setting of ours looks like it
                "PATH", "/bin"), settings)).isEmpty();
    }
}
