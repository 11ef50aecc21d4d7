package com.solanamafia.app.config;

import com.solanamafia.sim.ChainSimulator;
import com.solanamafia.sim.SimConfig;
import com.solanamafia.sim.fault.FaultConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.URI;

/**
 * With {@code solana-mafia.solana.rpc-url=simulator} (the local default) the app runs the chain simulator
 * in-process with a generated game, so a newcomer sees data flowing without a cluster; any http(s) URL
 * points it at a real node instead.
 */
@Configuration(proxyBeanMethods = false)
public class SolanaConfiguration {
    static final String SIMULATOR = "simulator";
    private static final Logger log = LoggerFactory.getLogger(SolanaConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "solana-mafia.solana.rpc-url", havingValue = SIMULATOR)
    ChainSimulator chainSimulator(@Value("${solana-mafia.simulator.players:25}") int players,
                                  @Value("${solana-mafia.simulator.tps:2}") double tps,
                                  @Value("${solana-mafia.simulator.seed:7}") long seed,
                                  @Value("${solana-mafia.simulator.history:0}") int history,
                                  @Value("${solana-mafia.simulator.faults:}") String faults) {
        ChainSimulator live = ChainSimulator.start(SimConfig.builder()
                .host("127.0.0.1").httpPort(0).wsPort(-1).seed(seed)
                .players(players).liveGame(tps > 0).tps(tps > 0 ? tps : 1)
                .faults(faults.isBlank() ? FaultConfig.NONE : FaultConfig.parse(faults)).build());
        if (history > 0 && tps <= 0) {
            live.generateGameTransactions(history);
        }
        log.info("No SOLANA_RPC_URL set: chain simulator with a generated game at {} ({} ws)", live.rpcUrl(), live.wsUrl());
        return live;
    }

    @Bean
    SolanaEndpoints solanaEndpoints(SolanaMafiaProperties properties, ObjectProvider<ChainSimulator> simulator,
                                    @Value("${solana-mafia.solana.program-id:}") String programId) {
        SolanaMafiaProperties.Solana solana = properties.solana();
        if (SIMULATOR.equals(solana.rpcUrl().toString())) {
            ChainSimulator sim = simulator.getObject();
            return new SolanaEndpoints(URI.create(sim.rpcUrl()), URI.create(sim.wsUrl()), programId, solana.commitment());
        }
        if (solana.rpcUrl().getScheme() == null || !solana.rpcUrl().getScheme().startsWith("http")) {
            throw new InvalidConfigurationException("SOLANA_RPC_URL", "must be an http(s) URL or 'simulator', got '" + solana.rpcUrl() + "'");
        }
        return new SolanaEndpoints(solana.rpcUrl(), solana.effectiveWsUrl(), programId, solana.commitment());
    }
}
