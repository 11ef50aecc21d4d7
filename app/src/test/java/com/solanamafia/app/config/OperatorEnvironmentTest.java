package com.solanamafia.app.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperatorEnvironmentTest {
    final OperatorEnvironment mapping = new OperatorEnvironment();

    private MockEnvironment apply(String... keyValues) {
        MockEnvironment env = new MockEnvironment();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.setProperty(keyValues[i], keyValues[i + 1]);
        }
        mapping.postProcessEnvironment(env, new SpringApplication());
        return env;
    }

    @Test
    void databaseUrlInThePythonFormIsTranslatedToJdbc() {
        MockEnvironment env = apply("DATABASE_URL", "postgresql+asyncpg://mafia:s%40cret@db.internal:6543/mafia?sslmode=require");
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.internal:6543/mafia?sslmode=require");
        assertThat(env.getProperty("spring.datasource.username")).isEqualTo("mafia");
        assertThat(env.getProperty("spring.datasource.password")).isEqualTo("s@cret");
    }

    @Test
    void jdbcUrlsPassThrough() {
        MockEnvironment env = apply("DATABASE_URL", "jdbc:postgresql://localhost/x");
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://localhost/x");
    }

    @Test
    void solanaAndRedisSettingsAreMapped() {
        MockEnvironment env = apply("REDIS_URL", "redis://localhost:6379", "SOLANA_RPC_URL", "https://api.devnet.solana.com",
                "SOLANA_PROGRAM_ID", "3Ly6bEWRfKyVGwrRN27gHhBogo1K4HbZyk69KHW9AUx7", "SOLANA_COMMITMENT", "Confirmed",
                "LOG_LEVEL", "debug");
        assertThat(env.getProperty("spring.data.redis.url")).isEqualTo("redis://localhost:6379");
        assertThat(env.getProperty("solana-mafia.solana.rpc-url")).isEqualTo("https://api.devnet.solana.com");
        assertThat(env.getProperty("solana-mafia.solana.program-id")).isEqualTo("3Ly6bEWRfKyVGwrRN27gHhBogo1K4HbZyk69KHW9AUx7");
        assertThat(env.getProperty("solana-mafia.solana.commitment")).isEqualTo("confirmed");
        assertThat(env.getProperty("logging.level.com.solanamafia")).isEqualTo("DEBUG");
    }

    @Test
    void invalidSettingsNameTheSetting() {
        assertThatThrownBy(() -> apply("DATABASE_URL", "mysql://u:p@h/db"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("DATABASE_URL").hasMessageNotContaining(":p@");
        assertThatThrownBy(() -> apply("SOLANA_PROGRAM_ID", "not-a-key"))
                .hasMessageContaining("SOLANA_PROGRAM_ID");
        assertThatThrownBy(() -> apply("SOLANA_COMMITMENT", "max"))
                .hasMessageContaining("SOLANA_COMMITMENT");
        assertThatThrownBy(() -> apply("SOLANA_RPC_URL", "localhost:8899"))
                .hasMessageContaining("SOLANA_RPC_URL");
        assertThatThrownBy(() -> apply("SOLANA_WS_URL", "http://localhost:8900"))
                .hasMessageContaining("SOLANA_WS_URL");
        assertThatThrownBy(() -> apply("REDIS_URL", "localhost"))
                .hasMessageContaining("REDIS_URL");
        assertThatThrownBy(() -> apply("LOG_LEVEL", "LOUD"))
                .hasMessageContaining("LOG_LEVEL");
    }

    @Test
    void webSocketUrlDefaultsToTheRpcPortPlusOne() {
        var solana = new SolanaMafiaProperties.Solana(java.net.URI.create("http://127.0.0.1:8899"), null, null, null, "finalized");
        assertThat(solana.effectiveWsUrl()).hasToString("ws://127.0.0.1:8900");
    }
}
