package com.solanamafia.app.ingest;

import com.solanamafia.app.PackagedJar;
import com.solanamafia.testsupport.FreePorts;
import com.solanamafia.testsupport.TestPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The packaged app as a child process, so tests can kill it with SIGKILL like a crashing machine would. */
final class AppProcess {
    private final Process process;
    private final Path log;
    final int port;

    private AppProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static AppProcess start(TestPostgres.Database db, String redisUrl, String rpcUrl, String wsUrl, Path workDir,
                            Map<String, String> extraEnv) throws IOException {
        int port = FreePorts.any();
        Path log = Files.createTempFile(workDir, "app-", ".log");
        List<String> command = PackagedJar.command("-Xmx384m", "-XX:TieredStopAtLevel=1");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(environment(db, redisUrl, rpcUrl, wsUrl, workDir));
        env.put("SERVER_PORT", Integer.toString(port));
        env.putAll(extraEnv);
        return new AppProcess(builder.start(), log, port);
    }

    /** What a child app (the server or a subcommand) needs to reach the test's database, Redis and chain. */
    static Map<String, String> environment(TestPostgres.Database db, String redisUrl, String rpcUrl, String wsUrl,
                                           Path workDir) {
        return Map.of("DATABASE_URL", db.jdbcUrl(), "SPRING_DATASOURCE_USERNAME", db.user(),
                "SPRING_DATASOURCE_PASSWORD", db.password(), "REDIS_URL", redisUrl, "SOLANA_RPC_URL", rpcUrl,
                "SOLANA_WS_URL", wsUrl, "SOLANA_MAFIA_DATA_DIR", workDir.resolve("data").toString());
    }

    /** Waits until the app's log contains the text (or fails if the process dies first). */
    boolean awaitLog(String text, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.readString(log).contains(text)) {
                return true;
            }
            if (!process.isAlive()) {
                return false;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** SIGKILL: no shutdown hooks, no graceful close, exactly like a crash. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    String logText() throws IOException {
        return Files.readString(log);
    }
}
